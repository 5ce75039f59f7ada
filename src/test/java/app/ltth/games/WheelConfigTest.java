package app.ltth.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The wheels: landing by weight with seeded randomness, a round replayed lands the same, every field checked. */
class WheelConfigTest {

    @Test
    void tenThousandSpinsLandByTheWeights() {
        WheelConfig.Wheel wheel = WheelConfig.defaults().wheels().get(0);   // weights 30, 25, 20, 12, 10, 3 of 100
        int[] landed = new int[wheel.segments().size()];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) landed[wheel.pick(random)]++;
        for (int i = 0; i < landed.length; i++) {
            double expected = wheel.segments().get(i).weight() * 100.0;   // of 10,000
            // within 4 standard deviations of a binomial count: a fair wheel fails this about once in 15,000 runs
            double sd = Math.sqrt(10_000 * (expected / 10_000) * (1 - expected / 10_000));
            assertThat((double) landed[i]).as("segment " + i).isBetween(expected - 4 * sd, expected + 4 * sd);
        }
    }

    @Test
    void aRoundWithTheSameSeedLandsInTheSamePlace() {
        WheelConfig.Wheel wheel = WheelConfig.defaults().wheels().get(0);
        GameRound round = new GameRound("r1", "wheel", "anna", "Anna", "gift", "main", 7L);
        GameService.Decision first = WheelGame.decide(wheel, round);
        GameService.Decision again = WheelGame.decide(wheel, round);
        assertThat(again.show()).isEqualTo(first.show());
        assertThat(again.result()).isEqualTo(first.result());
        int segment = (int) first.show().get("segment");
        assertThat(first.result().prize()).isEqualTo(wheel.segments().get(segment).prize().text());
        assertThat(first.result().points()).isEqualTo(wheel.segments().get(segment).prize().points());
        assertThat(first.seconds()).as("the spin and 3 s of the prize").isEqualTo(wheel.spinSeconds() + 3);
        GameRound byTheStreamer = new GameRound("r2", "wheel", "", "", "dashboard", "main", 7L);
        assertThat(WheelGame.decide(wheel, byTheStreamer).result().points()).as("nobody to pay").isZero();
    }

    @Test
    void wheelsAndRulesAreCheckedAndRulesFollowTheirWheels() throws Exception {
        WheelConfig c = WheelConfig.defaults().with(Json.MAPPER.readTree("{\"wheels\":["
                + "{\"name\":\"Dares\",\"segments\":[{\"text\":\"Sing\"},{\"text\":\"Dance\",\"colour\":\"#ff0000\",\"weight\":3,"
                + "\"prize\":{\"text\":\"Dance!\",\"points\":5}}]},"
                + "{\"id\":\"big\",\"name\":\"Big one\",\"spinSeconds\":10,\"segments\":[{\"text\":\"a\"},{\"text\":\"b\"}]}],"
                + "\"rules\":[{\"gift\":\"Lion\",\"wheel\":\"big\"},{\"minCoins\":100,\"wheel\":\"dares\"}]}"));
        assertThat(c.wheels()).extracting(WheelConfig.Wheel::id).containsExactly("dares", "big");
        assertThat(c.wheel("Dares").segments().get(1).prize().points()).isEqualTo(5);
        assertThat(c.wheel("").id()).as("the first").isEqualTo("dares");
        assertThat(c.wheelsFor("Lion", 29999)).containsExactly("big", "dares");
        assertThat(c.wheelsFor("Rose", 1)).isEmpty();
        assertThatThrownBy(() -> c.wheel("nope")).isInstanceOf(ValidationException.class);

        WheelConfig without = c.with(Json.MAPPER.readTree("{\"wheels\":[{\"id\":\"big\",\"name\":\"Big one\","
                + "\"segments\":[{\"text\":\"a\"},{\"text\":\"b\"}]}]}"));
        assertThat(without.rules()).as("the rule of the removed wheel went with it").extracting(WheelConfig.GiftRule::wheel)
                .containsExactly("big");

        assertThat(refused(c, "{\"wheels\":[{\"name\":\"One\",\"segments\":[{\"text\":\"only\"}]}]}")).isEqualTo("wheels[0].segments");
        assertThat(refused(c, "{\"wheels\":[{\"name\":\"W\",\"segments\":[{\"text\":\"a\",\"weight\":0},{\"text\":\"b\"}]}]}"))
                .isEqualTo("wheels[0].segments[0].weight");
        assertThat(refused(c, "{\"wheels\":[{\"name\":\"W\",\"segments\":[{\"text\":\"a\",\"colour\":\"red;x\"},{\"text\":\"b\"}]}]}"))
                .isEqualTo("wheels[0].segments[0].colour");
        assertThat(refused(c, "{\"rules\":[{\"gift\":\"Rose\",\"wheel\":\"gone\"}]}")).isEqualTo("rules[0].wheel");
        assertThat(refused(c, "{\"wheels\":[{\"id\":\"x\",\"name\":\"A\",\"segments\":[{\"text\":\"a\"},{\"text\":\"b\"}]},"
                + "{\"id\":\"x\",\"name\":\"B\",\"segments\":[{\"text\":\"a\"},{\"text\":\"b\"}]}]}")).isEqualTo("wheels[1].id");
    }

    private static String refused(WheelConfig c, String change) throws Exception {
        try {
            c.with(Json.MAPPER.readTree(change));
        } catch (ValidationException e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + change);
    }
}
