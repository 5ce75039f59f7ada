package app.ltth.stats;

import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.SessionStart;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.ViewerCountEvent;

/**
 * The running totals of the current LIVE, as the HUD and the dashboard tiles show them. Runs on the bus thread.
 *
 * <p>Coins and gifts count final gift messages only (the end of a streak, or a non-streakable gift), so that a
 * streak is counted once. Likes follow TikTok's room total when it is reported and add up batches otherwise.
 * A new session (the source going live after being offline) starts from zero.
 */
public final class StreamStats {

    private long viewers;
    private long likes;
    private long coins;
    private long gifts;
    private long followers;
    private long shares;
    private long subscribers;
    private long startedAt;
    private long revision;
    private final SessionStart sessions = new SessionStart();

    public synchronized void onEvent(LiveEvent event) {
        if (event instanceof ViewerCountEvent v) {
            viewers = v.viewerCount();
        } else if (event instanceof LikeEvent l) {
            likes = l.totalLikes() > 0 ? Math.max(likes, l.totalLikes()) : likes + l.likeCount();
        } else if (event instanceof GiftEvent g) {
            if (!g.isFinal()) return;
            coins += g.coins();
            gifts += g.repeatCount();
        } else if (event instanceof FollowEvent) {
            followers++;
        } else if (event instanceof ShareEvent) {
            shares++;
        } else if (event instanceof SubscribeEvent) {
            subscribers++;
        } else if (event instanceof ConnectionStatusEvent c) {
            if (sessions.isNewSession(c)) {
                viewers = likes = coins = gifts = followers = shares = subscribers = 0;
                startedAt = c.timestamp();
            }
        } else {
            return;
        }
        revision++;
    }

    public synchronized StatsSnapshot snapshot() {
        return new StatsSnapshot(viewers, likes, coins, gifts, followers, shares, subscribers, startedAt, revision);
    }
}
