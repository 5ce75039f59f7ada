package app.ltth.triggers;

import app.ltth.events.LikeEvent;

/**
 * The stream's likes as milestones count them: TikTok's running total when it sends one, otherwise the likes summed
 * here (simulated likes, and replays without totals). Not thread-safe: one per event listener.
 */
public final class StreamLikes {

    private long total;

    /** The likes before and after this event, as {@code [before, after]}. */
    public long[] add(LikeEvent like) {
        long before = total;
        long after = Math.max(like.totalLikes(), before + like.likeCount());   // TikTok's total counts likes from before we joined
        total = after;
        return new long[] {before, after};
    }

    public void reset() {
        total = 0;
    }
}
