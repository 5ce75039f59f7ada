package app.ltth.live.webcast;

import app.ltth.events.GiftEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes every gift streak count exactly once, with the highest count TikTok reported for it. Streak updates pass
 * through (overlays show them live) unless they arrive out of order with a lower count than one already shown (13,
 * 15, 14 in real captures: the 14 is dropped, so an overlay never counts down); the end message passes through with
 * the streak's highest count and closes the streak. A streak whose end message never comes is closed by
 * {@link #expire} after the timeout with a final message of its own, counted then, once; should the real end
 * message arrive after all, it is dropped. Non-streakable gifts pass through: each is final.
 *
 * <p>Pure: the caller passes the time. Streaks are keyed by (user, gift, groupId), as TikTok keys them.
 */
public final class GiftStreakTracker {

    record Key(String userId, long giftId, long groupId) {
        static Key of(GiftEvent g) {
            return new Key(g.user().id(), g.giftId(), g.groupId());
        }
    }

    private record Open(GiftEvent last, long lastSeen) {
    }

    private final long timeoutMillis;
    private final long closedMemoryMillis;
    private final Map<Key, Open> open = new LinkedHashMap<>();
    private final Map<Key, Long> closed = new LinkedHashMap<>();
    private long dropped;

    /**
     * @param timeoutMillis a streak silent this long is over (TikTok: 10-20 s)
     */
    public GiftStreakTracker(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.closedMemoryMillis = Math.max(10 * timeoutMillis, 300_000);
    }

    /** @return the message to pass on, or nothing when it belongs to a streak that is already counted */
    public synchronized List<GiftEvent> accept(GiftEvent gift, long now) {
        if (!gift.streakable()) return List.of(gift);
        Key key = Key.of(gift);
        if (closed.containsKey(key)) {
            dropped++;
            return List.of();
        }
        Open before = open.get(key);
        int highest = before == null ? 0 : before.last().repeatCount();
        if (gift.repeatEnd()) {
            open.remove(key);
            closed.put(key, now);
            return List.of(gift.repeatCount() >= highest ? gift : withCount(gift, highest));
        }
        if (gift.repeatCount() <= highest) {
            open.put(key, new Open(before.last(), now));   // still going, but nothing new to show
            dropped++;
            return List.of();
        }
        open.put(key, new Open(gift, now));
        return List.of(gift);
    }

    /** Closes the streaks that went silent, each with one final message; forgets long-closed ones. */
    public synchronized List<GiftEvent> expire(long now) {
        List<GiftEvent> finals = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Open> e = it.next();
            if (now - e.getValue().lastSeen() >= timeoutMillis) {
                GiftEvent g = e.getValue().last();
                finals.add(new GiftEvent(g.id() + "-end", now, g.user(), g.giftId(), g.giftName(), g.diamondCount(),
                        g.repeatCount(), true, true, g.groupId(), g.imageUrl()));
                closed.put(e.getKey(), now);
                it.remove();
            }
        }
        closed.values().removeIf(closedAt -> now - closedAt > closedMemoryMillis);
        return finals;
    }

    private static GiftEvent withCount(GiftEvent g, int count) {
        return new GiftEvent(g.id(), g.timestamp(), g.user(), g.giftId(), g.giftName(), g.diamondCount(), count,
                g.repeatEnd(), g.streakable(), g.groupId(), g.imageUrl());
    }

    public synchronized int openStreaks() {
        return open.size();
    }

    /** Messages dropped because their streak was already counted, or their count was behind the streak's. */
    public synchronized long dropped() {
        return dropped;
    }
}
