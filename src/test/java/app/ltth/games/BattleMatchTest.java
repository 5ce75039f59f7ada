package app.ltth.games;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.json.Json;
import org.junit.jupiter.api.Test;

/** A coin battle on an injected clock: scoring, the multiplier, the extension by a late gift, team assignment. */
class BattleMatchTest {

    private static BattleConfig config(String change) throws Exception {
        return BattleConfig.defaults().with(Json.MAPPER.readTree(change));
    }

    @Test
    void soloPointsAreCoinsTimesTheMultiplierAndTheBestLeads() throws Exception {
        BattleMatch m = new BattleMatch(config("{\"seconds\":60,\"multiplierGift\":\"Galaxy\",\"multiplierFactor\":3,\"multiplierSeconds\":10}"), 0);
        assertThat(m.gift("anna", "Anna", "Rose", 10, 1_000)).isEqualTo(10);
        assertThat(m.gift("ben", "Ben", "Galaxy", 1000, 2_000)).as("the multiplier gift counts times three itself").isEqualTo(3000);
        assertThat(m.gift("anna", "Anna", "Rose", 10, 11_999)).isEqualTo(30);
        assertThat(m.gift("anna", "Anna", "Rose", 10, 12_000)).as("over after 10 s").isEqualTo(10);
        BattleMatch.Standings s = m.standings(12_000);
        assertThat(s.players()).extracting(BattleMatch.Player::handle).containsExactly("ben", "anna");
        assertThat(s.players().get(1).points()).isEqualTo(50);
        assertThat(s.multiplier()).isEqualTo(1);
        assertThat(m.gift("late", "Late", "Rose", 10, 60_000)).as("after the end nothing counts").isZero();
    }

    @Test
    void aLateGiftExtendsTheMatchUpToTheLimit() throws Exception {
        BattleMatch m = new BattleMatch(config("{\"seconds\":60,\"lateSeconds\":10,\"extendSeconds\":20,\"maxExtensions\":2}"), 0);
        m.gift("a", "A", "Rose", 1, 49_000);   // 11 s left: no extension
        assertThat(m.endsAt()).isEqualTo(60_000);
        m.gift("a", "A", "Rose", 1, 50_000);   // 10 s left
        assertThat(m.endsAt()).isEqualTo(80_000);
        m.gift("a", "A", "Rose", 1, 75_000);
        assertThat(m.endsAt()).isEqualTo(100_000);
        m.gift("a", "A", "Rose", 1, 95_000);   // the limit of two
        assertThat(m.endsAt()).isEqualTo(100_000);
        assertThat(m.over(99_999)).isFalse();
        assertThat(m.over(100_000)).isTrue();
    }

    @Test
    void teamsAreFilledEvenlyOrByJoinAndTheBiggerTotalWins() throws Exception {
        BattleMatch auto = new BattleMatch(config("{\"mode\":\"teams\"}"), 0);
        auto.gift("a", "A", "Rose", 10, 1);   // Red
        auto.gift("b", "B", "Rose", 20, 2);   // Blue
        auto.gift("c", "C", "Rose", 30, 3);   // Red (both have one: the first)
        assertThat(auto.join("b", "B", "red")).as("b changes sides").isTrue();
        auto.gift("b", "B", "Rose", 5, 4);    // now for Red, the 20 stay Blue's
        assertThat(auto.standings(5).teamPoints()).containsExactly(45, 20);
        assertThat(auto.winningTeam()).isZero();
        assertThat(auto.team(0)).extracting(BattleMatch.Player::handle).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(auto.join("d", "D", "green")).as("no such team").isFalse();
        assertThat(auto.join("d", "D", "2")).as("by number").isTrue();

        BattleMatch joinOnly = new BattleMatch(config("{\"mode\":\"teams\",\"assign\":\"join\"}"), 0);
        assertThat(joinOnly.gift("x", "X", "Rose", 10, 1)).as("not joined: counts for nothing").isZero();
        joinOnly.join("x", "X", "Blue");
        assertThat(joinOnly.gift("x", "X", "Rose", 10, 2)).isEqualTo(10);
        joinOnly.join("y", "Y", "Red");
        joinOnly.gift("y", "Y", "Rose", 10, 3);
        assertThat(joinOnly.winningTeam()).as("a draw").isEqualTo(-1);

        BattleMatch solo = new BattleMatch(BattleConfig.defaults(), 0);
        assertThat(solo.join("x", "X", "Red")).as("solo has no teams").isFalse();
    }
}
