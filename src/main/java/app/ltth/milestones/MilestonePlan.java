package app.ltth.milestones;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gift milestones as the streamer set them: tiers of coins, each with its own picture or video, sound and seconds;
 * after the last tier, one every {@code step} coins more (0: none), celebrated with the last tier's media. The coins
 * count this stream ({@code resetPerStream}) or on and on.
 */
public record MilestonePlan(boolean enabled, boolean resetPerStream, long step, List<Tier> tiers) {

    static final int MAX_TIERS = 20;
    /** A huge gift crosses at most this many milestones at once (a small step would otherwise flood the alerts). */
    static final int MAX_AT_ONCE = 10;
    private static final Set<String> FIELDS = Set.of("enabled", "resetPerStream", "step", "tiers");
    private static final Set<String> TIER_FIELDS = Set.of("coins", "name", "media", "sound", "seconds");

    /** @param name shown in the celebration (empty: "{coins} coins!") */
    public record Tier(long coins, String name, String media, String sound, int seconds) {
    }

    public MilestonePlan {
        tiers = List.copyOf(tiers);
    }

    static MilestonePlan none() {
        return new MilestonePlan(true, true, 0, List.of());
    }

    /** This plan with a change from the page or the API; every field checked, an unknown one refused. */
    MilestonePlan with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use " + String.join(", ", FIELDS));
        List<Tier> list = tiers;
        JsonNode t = f.node("tiers");
        if (t != null && !t.isNull()) {
            if (!t.isArray() || t.size() > MAX_TIERS) {
                throw new ValidationException("tiers", "tiers must be a list of at most " + MAX_TIERS);
            }
            list = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                JsonFields tf = new JsonFields(t.get(i), "tiers[" + i + "]");
                tf.refuseUnknown(TIER_FIELDS, "key", "use coins, name, media, sound and seconds");
                long coins = tf.requiredNumber("coins", 1, 1_000_000_000_000L);
                if (!list.isEmpty() && coins <= list.get(list.size() - 1).coins()) {
                    throw new ValidationException(tf.path("coins"), "each tier needs more coins than the one before");
                }
                list.add(new Tier(coins, tf.text("name", "", 60), tf.url("media"), tf.url("sound"),
                        (int) tf.number("seconds", 8, 1, 60)));
            }
        }
        return new MilestonePlan(f.bool("enabled", enabled), f.bool("resetPerStream", resetPerStream),
                f.number("step", step, 0, 1_000_000_000_000L), list);
    }

    /** The coins of the n-th milestone (0 is the first tier), or Long.MAX_VALUE when there is none. */
    long threshold(int n) {
        if (tiers.isEmpty()) return Long.MAX_VALUE;
        if (n < tiers.size()) return tiers.get(n).coins();
        return step > 0 ? tiers.get(tiers.size() - 1).coins() + step * (n - tiers.size() + 1) : Long.MAX_VALUE;
    }

    /** The tier whose media the n-th milestone plays: its own, or the last one's after the list. */
    Tier tier(int n) {
        return tiers.get(Math.min(n, tiers.size() - 1));
    }

    /** How many milestones {@code coins} has reached: the index of the first one still ahead. */
    int reached(long coins, int from) {
        int n = from;
        while (enabled && coins >= threshold(n) && n - from < 1_000_000) n++;
        return n;
    }

    /**
     * The milestones to celebrate when the count moved from {@code from} to {@code to} reached, in order: all of them,
     * or the last {@value #MAX_AT_ONCE} when a huge gift passed more (a small step would flood the alerts).
     */
    static List<Integer> toCelebrate(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int n = Math.max(from, to - MAX_AT_ONCE); n < to; n++) out.add(n);
        return out;
    }
}
