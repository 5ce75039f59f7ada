package app.ltth.games;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The plinko board as the streamer set it up: rows of pegs, and below them one slot more than rows, each with its
 * multiplier and its weight (how likely a ball lands there: the page shows each as a percentage). A ball's stake is
 * a viewer's bet of points ({@code !plinko 50}, from {@code minBet} to {@code maxBet}) or a gift's coins; it wins
 * stake x multiplier points. Pure: checked here, the landing slot and the ball's path picked here.
 */
public record PlinkoConfig(int rows, List<Slot> slots, long minBet, long maxBet, List<GiftRule> rules, int parallel,
                           int queueMax) {

    static final int MIN_ROWS = 6;
    static final int MAX_ROWS = 16;
    private static final Set<String> FIELDS = Set.of("rows", "slots", "minBet", "maxBet", "rules", "parallel", "queueMax");

    public record Slot(double multiplier, int weight) {
    }

    /** A gift by name, or any streak worth at least {@code minCoins}, drops a ball with its coins as the stake. */
    public record GiftRule(String gift, long minCoins) {
        boolean matches(String giftName, long coins) {
            return Weighted.giftFits(gift, minCoins, giftName, coins);
        }
    }

    public PlinkoConfig {
        slots = List.copyOf(slots);
        rules = List.copyOf(rules);
    }

    /** Twelve rows: big multipliers at the edges, rare; the middle likely and below the stake. */
    public static PlinkoConfig defaults() {
        double[] multipliers = {10, 3, 1.5, 1.2, 0.8, 0.5, 0.3, 0.5, 0.8, 1.2, 1.5, 3, 10};
        int[] weights = {1, 12, 66, 220, 495, 792, 924, 792, 495, 220, 66, 12, 1};   // a fair board: 12 choose k
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < multipliers.length; i++) slots.add(new Slot(multipliers[i], weights[i]));
        return new PlinkoConfig(12, slots, 10, 1000, List.of(), 5, 30);   // gifts drop balls once the streamer names them
    }

    public boolean dropsFor(String giftName, long coins) {
        return rules.stream().anyMatch(r -> r.matches(giftName, coins));
    }

    /** The slot a ball lands in, by weight. */
    int pick(SplittableRandom random) {
        return Weighted.pick(slots, Slot::weight, random);
    }

    /**
     * The ball's way down to {@code slot}: at each row left (false) or right (true), {@code slot} of them right, in an
     * order the round's randomness shuffles, so the overlay can bounce it from peg to peg and it ends where decided.
     */
    List<Boolean> path(int slot, SplittableRandom random) {
        List<Boolean> steps = new ArrayList<>();
        for (int i = 0; i < rows; i++) steps.add(i < slot);
        for (int i = steps.size() - 1; i > 0; i--) {   // Fisher-Yates with the round's randomness
            int j = random.nextInt(i + 1);
            Boolean t = steps.get(i);
            steps.set(i, steps.get(j));
            steps.set(j, t);
        }
        return steps;
    }

    /** This configuration with a change from the page or the API; a field left out stays as it is. */
    public PlinkoConfig with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use " + String.join(", ", FIELDS));
        int r = (int) f.number("rows", rows, MIN_ROWS, MAX_ROWS);
        List<Slot> s = slots;
        JsonNode sn = f.node("slots");
        if (sn != null && !sn.isNull()) {
            if (!sn.isArray()) throw new ValidationException("slots", "slots must be a list");
            s = new ArrayList<>();
            for (int i = 0; i < sn.size(); i++) {
                JsonFields sf = new JsonFields(sn.get(i), "slots[" + i + "]");
                sf.refuseUnknown(Set.of("multiplier", "weight"), "key", "use multiplier and weight");
                s.add(new Slot(sf.decimal("multiplier", 1, 0, 1000), (int) sf.number("weight", 1, 0, 1_000_000)));
            }
        }
        if (s.size() != r + 1) {
            throw new ValidationException("slots", "a board of " + r + " rows has " + (r + 1) + " slots, not " + s.size());
        }
        if (s.stream().mapToInt(Slot::weight).sum() <= 0) throw new ValidationException("slots", "at least one slot needs a weight");
        long min = f.number("minBet", minBet, 1, 1_000_000);
        long max = f.number("maxBet", maxBet, 1, 1_000_000);
        if (max < min) throw new ValidationException("maxBet", "the highest bet is below the lowest");
        List<GiftRule> gr = rules;
        JsonNode rn = f.node("rules");
        if (rn != null && !rn.isNull()) {
            if (!rn.isArray() || rn.size() > 30) throw new ValidationException("rules", "rules must be a list of at most 30");
            gr = new ArrayList<>();
            for (int i = 0; i < rn.size(); i++) {
                JsonFields rf = new JsonFields(rn.get(i), "rules[" + i + "]");
                rf.refuseUnknown(Set.of("gift", "minCoins"), "key", "use gift and minCoins");
                String gift = rf.text("gift", "", 60);
                long coins = rf.number("minCoins", 0, 0, 1_000_000_000L);
                if (gift.isEmpty() && coins == 0) throw new ValidationException(rf.path("gift"), "name a gift, or the coins a gift needs at least");
                gr.add(new GiftRule(gift, coins));
            }
        }
        return new PlinkoConfig(r, s, min, max, gr, (int) f.number("parallel", parallel, 1, 20), (int) f.number("queueMax", queueMax, 1, 200));
    }
}
