package app.ltth.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import org.junit.jupiter.api.Test;

class GoalRulesTest {

    private static Goal goal(String onReached) throws Exception {
        return Goal.parse(Json.MAPPER.readTree("{\"name\":\"Coins\",\"target\":100,\"onReached\":\"" + onReached
                + "\",\"raiseBy\":50}"), "g1", null);
    }

    @Test
    void reachingFiresOnceAndKeepOrHideStaysReached() throws Exception {
        for (String policy : new String[] {"keep", "hide"}) {
            GoalRules.Change first = GoalRules.add(goal(policy), 120);
            assertThat(first.reached()).isTrue();
            assertThat(first.goal().current()).isEqualTo(120);
            assertThat(first.goal().reached()).isTrue();
            assertThat(first.goal().percent()).isEqualTo(100.0);
            GoalRules.Change again = GoalRules.add(first.goal(), 10);
            assertThat(again.reached()).as("no second firing while it stays reached").isFalse();
            assertThat(GoalRules.reset(again.goal()).reached()).isFalse();
        }
    }

    @Test
    void resetStartsFromZero() throws Exception {
        GoalRules.Change c = GoalRules.add(goal("reset"), 130);
        assertThat(c.reached()).isTrue();
        assertThat(c.goal().current()).isZero();
        assertThat(c.goal().currentTarget()).isEqualTo(100);
    }

    @Test
    void doubleAndRaiseMoveTheTargetPastTheValue() throws Exception {
        GoalRules.Change doubled = GoalRules.add(goal("double"), 250);
        assertThat(doubled.reached()).isTrue();
        assertThat(doubled.goal().currentTarget()).isEqualTo(400);
        assertThat(doubled.goal().reached()).isFalse();
        GoalRules.Change raised = GoalRules.add(goal("raise"), 100);
        assertThat(raised.goal().currentTarget()).isEqualTo(150);
        assertThat(GoalRules.add(raised.goal(), 49).reached()).isFalse();
        assertThat(GoalRules.add(raised.goal(), 50).reached()).isTrue();
        assertThat(GoalRules.reset(doubled.goal()).currentTarget()).as("a reset brings back the target that was set")
                .isEqualTo(100);
    }

    @Test
    void valuesNeverGoBelowZero() throws Exception {
        assertThat(GoalRules.add(goal("keep"), -5).goal().current()).isZero();
        assertThat(GoalRules.set(goal("keep"), 99).reached()).isFalse();
    }

    @Test
    void invalidGoalsNameTheField() {
        assertThatThrownBy(() -> Goal.parse(Json.MAPPER.readTree("{\"name\":\"x\"}"), "g", null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("target");
        assertThatThrownBy(() -> Goal.parse(Json.MAPPER.readTree("{\"name\":\"x\",\"target\":5,\"metric\":\"hugs\"}"), "g", null))
                .extracting("field").isEqualTo("metric");
        assertThatThrownBy(() -> Goal.parse(Json.MAPPER.readTree("{\"name\":\"x\",\"target\":5,\"style\":{\"color\":\"red\"}}"), "g", null))
                .extracting("field").isEqualTo("style.color");
        assertThatThrownBy(() -> Goal.parse(Json.MAPPER.readTree("{\"name\":\"\",\"target\":5}"), "g", null))
                .extracting("field").isEqualTo("name");
    }

    @Test
    void anUpdateKeepsProgressUnlessTheTargetChanges() throws Exception {
        Goal g = GoalRules.add(goal("double"), 150).goal();
        Goal renamed = Goal.parse(Json.MAPPER.readTree("{\"name\":\"Roses\"}"), "g1", g);
        assertThat(renamed.name()).isEqualTo("Roses");
        assertThat(renamed.current()).isEqualTo(150);
        assertThat(renamed.currentTarget()).isEqualTo(200);
        Goal retargeted = Goal.parse(Json.MAPPER.readTree("{\"target\":1000}"), "g1", g);
        assertThat(retargeted.currentTarget()).isEqualTo(1000);
    }
}
