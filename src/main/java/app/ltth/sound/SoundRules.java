package app.ltth.sound;

import app.ltth.events.GiftEvent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How many times a gift message plays its sound: the anti-spam rules, apart from any I/O. A streak of ten roses arrives
 * as up to eleven messages; with "once" it plays one sound (on its first message), with "every" one per N roses.
 * Cooldowns per viewer and per gift hold back what comes too soon after the last sound. Not thread-safe.
 */
final class SoundRules {

    static final long FORGET_MILLIS = 120_000;
    /** One message never plays more than this, however many gifts it carries. */
    static final int MAX_PER_MESSAGE = 3;

    private record Streak(int count, long seen) {
    }

    private final Map<String, Streak> streaks = new HashMap<>();
    private final Map<String, Long> lastByUser = new HashMap<>();
    private final Map<String, Long> lastByGift = new HashMap<>();
    private long skipped;

    int plays(SoundboardConfig c, GiftEvent g, long now) {
        String key = g.user().id() + "|" + g.giftId() + "|" + g.groupId();
        Streak before = streaks.get(key);
        int previous = before == null ? 0 : before.count();
        if (g.isFinal()) streaks.remove(key); else streaks.put(key, new Streak(Math.max(previous, g.repeatCount()), now));
        forgetOld(now);
        int plays;
        if (c.streak().equals("once")) {
            plays = before == null ? 1 : 0;
        } else {
            plays = Math.max(0, g.repeatCount() / c.everyN() - previous / c.everyN());
        }
        plays = Math.min(plays, MAX_PER_MESSAGE);
        if (plays == 0) return 0;
        if (cooling(lastByUser, g.user().id(), c.userCooldownSeconds(), now)
                || cooling(lastByGift, g.giftName(), c.giftCooldownSeconds(), now)) {
            skipped++;
            return 0;
        }
        lastByUser.put(g.user().id(), now);
        lastByGift.put(g.giftName(), now);
        return plays;
    }

    private static boolean cooling(Map<String, Long> last, String key, int seconds, long now) {
        Long at = last.get(key);
        return seconds > 0 && at != null && now - at < seconds * 1000L;
    }

    private void forgetOld(long now) {
        for (Iterator<Streak> it = streaks.values().iterator(); it.hasNext(); ) {
            if (now - it.next().seen() > FORGET_MILLIS) it.remove();
        }
    }

    long skipped() {
        return skipped;
    }

    void reset() {
        streaks.clear();
        lastByUser.clear();
        lastByGift.clear();
    }
}
