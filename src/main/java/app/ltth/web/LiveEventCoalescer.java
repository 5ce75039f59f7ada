package app.ltth.web;

import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.ViewerCountEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the floods pages do not need one by one: the likes of one viewer become one like event with their sum (and
 * the latest total), viewer counts only keep the latest. Everything else passes untouched. Thread-safe: the bus
 * thread adds, a timer drains.
 */
final class LiveEventCoalescer {

    /** An event to send, with when its oldest part was published ({@link System#nanoTime()}). */
    record Pending(LiveEvent event, long publishedAtNanos) {
    }

    private final Map<String, Pending> likes = new LinkedHashMap<>();
    private Pending viewers;
    private long merged;

    /** @return true when the event was taken in, to be sent merged by {@link #drain()}; false: send it now */
    synchronized boolean absorb(LiveEvent event, long publishedAtNanos) {
        if (event instanceof LikeEvent like) {
            likes.merge(like.user().id(), new Pending(like, publishedAtNanos), this::sum);
            return true;
        }
        if (event instanceof ViewerCountEvent) {
            if (viewers != null) merged++;
            viewers = new Pending(event, viewers == null ? publishedAtNanos : viewers.publishedAtNanos());
            return true;
        }
        return false;
    }

    private Pending sum(Pending earlier, Pending later) {
        merged++;
        LikeEvent a = (LikeEvent) earlier.event();
        LikeEvent b = (LikeEvent) later.event();
        LikeEvent both = new LikeEvent(b.id(), b.timestamp(), b.user(), a.likeCount() + b.likeCount(),
                Math.max(a.totalLikes(), b.totalLikes()));
        return new Pending(both, earlier.publishedAtNanos());
    }

    /** What was taken in since the last call, merged, oldest viewer first. */
    synchronized List<Pending> drain() {
        List<Pending> out = new ArrayList<>(likes.values());
        likes.clear();
        if (viewers != null) out.add(viewers);
        viewers = null;
        return out;
    }

    /** How many events were merged into others so far (and so never sent on their own). */
    synchronized long merged() {
        return merged;
    }
}
