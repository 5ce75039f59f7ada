package app.ltth.games;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plinko board: slots by weight with seeded randomness, a path that ends in its slot, every field checked. */
class PlinkoConfigTest {

    @Test
    void tenThousandBallsLandByTheWeightsAndEachPathEndsInItsSlot() {
        PlinkoConfig board = PlinkoConfig.defaults();
        int total = board.slots().stream().mapToInt(PlinkoConfig.Slot::weight).sum();
        int[] landed = new int[board.slots().size()];
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 10_000; i++) {
            int slot = board.pick(random);
            landed[slot]++;
            List<Boolean> path = board.path(slot, random);
            assertThat(path).hasSize(board.rows());
            assertThat(path.stream().filter(b -> b).count()).as("rights taken = the slot").isEqualTo(slot);
        }
        for (int i = 0; i < landed.length; i++) {
            double p = (double) board.slots().get(i).weight() / total;
            double sd = Math.sqrt(10_000 * p * (1 - p));
            assertThat((double) landed[i]).as("slot " + i).isBetween(10_000 * p - 4 * sd - 1, 10_000 * p + 4 * sd + 1);
        }
    }

    @Test
    void aRoundIsDecidedFromItsSeedAndPaysStakeTimesMultiplier() {
        PlinkoConfig board = PlinkoConfig.defaults();
        GameRound round = new GameRound("r", "plinko", "anna", "Anna", "bet", "50", 99L);
        GameService.Decision d = PlinkoGame.decide(board, round);
        assertThat(PlinkoGame.decide(board, round).show()).isEqualTo(d.show());
        int slot = (int) d.show().get("slot");
        assertThat(d.result().points()).isEqualTo(Math.round(50 * board.slots().get(slot).multiplier()));
        assertThat(d.seconds()).isEqualTo(4);   // 12 rows at a quarter second, and a second in the slot
    }

    @Test
    void boardsAreChecked() throws Exception {
        PlinkoConfig eight = PlinkoConfig.defaults().with(Json.MAPPER.readTree("{\"rows\":8,\"slots\":["
                + "{\"multiplier\":5,\"weight\":1},{\"multiplier\":2,\"weight\":8},{\"multiplier\":1,\"weight\":28},"
                + "{\"multiplier\":0.5,\"weight\":56},{\"multiplier\":0.2,\"weight\":70},{\"multiplier\":0.5,\"weight\":56},"
                + "{\"multiplier\":1,\"weight\":28},{\"multiplier\":2,\"weight\":8},{\"multiplier\":5,\"weight\":1}],\"minBet\":5}"));
        assertThat(eight.rows()).isEqualTo(8);
        assertThat(eight.minBet()).isEqualTo(5);
        assertThat(refused("{\"rows\":8}")).as("13 slots for 8 rows").isEqualTo("slots");
        assertThat(refused("{\"rows\":40}")).isEqualTo("rows");
        assertThat(refused("{\"minBet\":100,\"maxBet\":10}")).isEqualTo("maxBet");
        assertThat(refused("{\"rules\":[{\"minCoins\":0}]}")).isEqualTo("rules[0].gift");
    }

    private static String refused(String change) throws Exception {
        try {
            PlinkoConfig.defaults().with(Json.MAPPER.readTree(change));
        } catch (ValidationException e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + change);
    }
}
