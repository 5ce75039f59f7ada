package app.ltth.milestones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import org.junit.jupiter.api.Test;

class MilestonePlanTest {

    private static MilestonePlan plan(String json) throws Exception {
        return MilestonePlan.none().with(Json.MAPPER.readTree(json));
    }

    @Test
    void tiersThenASteppedMilestoneEveryStepCoins() throws Exception {
        MilestonePlan p = plan("{\"step\":500,\"tiers\":[{\"coins\":100},{\"coins\":300,\"name\":\"Big\",\"media\":\"/media/big.gif\"}]}");
        assertThat(p.threshold(0)).isEqualTo(100);
        assertThat(p.threshold(1)).isEqualTo(300);
        assertThat(p.threshold(2)).isEqualTo(800);
        assertThat(p.threshold(3)).isEqualTo(1300);
        assertThat(p.tier(3).name()).as("after the list: the last tier's media").isEqualTo("Big");
        assertThat(p.reached(99, 0)).isZero();
        assertThat(p.reached(300, 0)).isEqualTo(2);
        assertThat(p.reached(1299, 1)).isEqualTo(3);
        assertThat(plan("{\"tiers\":[{\"coins\":100}]}").reached(1_000_000, 0)).as("no step: one milestone").isEqualTo(1);
        assertThat(plan("{\"enabled\":false,\"tiers\":[{\"coins\":1}]}").reached(50, 0)).isZero();
        assertThat(MilestonePlan.none().reached(50, 0)).isZero();
    }

    @Test
    void aHugeGiftCelebratesTheLastTenItPassed() {
        assertThat(MilestonePlan.toCelebrate(0, 2)).containsExactly(0, 1);
        assertThat(MilestonePlan.toCelebrate(3, 3)).isEmpty();
        assertThat(MilestonePlan.toCelebrate(0, 25)).containsExactly(15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
    }

    @Test
    void badPlansAreRefusedWithTheirField() {
        assertThatThrownBy(() -> plan("{\"tiers\":[{\"coins\":300},{\"coins\":300}]}")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("tiers[1].coins");
        assertThatThrownBy(() -> plan("{\"tiers\":[{\"coins\":10,\"media\":\"javascript:alert(1)\"}]}"))
                .extracting("field").isEqualTo("tiers[0].media");
        assertThatThrownBy(() -> plan("{\"tiers\":[{\"coins\":10,\"colour\":\"red\"}]}")).extracting("field").isEqualTo("tiers[0].colour");
        assertThatThrownBy(() -> plan("{\"tiers\":{}}")).extracting("field").isEqualTo("tiers");
        assertThatThrownBy(() -> plan("{\"step\":-1}")).extracting("field").isEqualTo("step");
        assertThatThrownBy(() -> plan("{\"tiers\":[{\"coins\":10,\"seconds\":0}]}")).extracting("field").isEqualTo("tiers[0].seconds");
    }
}
