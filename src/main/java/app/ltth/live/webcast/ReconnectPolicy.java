package app.ltth.live.webcast;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try again after a connection was lost: exponential backoff with jitter, never sooner than a rate limit's
 * Retry-After, and when to look again whether the LIVE is still on. Pure: the caller passes the time, the jitter's
 * randomness is injected.
 *
 * <p>The backoff starts over only after a connection has delivered events for {@link #healthyAfter}: a socket that
 * TikTok accepts and drops again and again must not be retried at full speed forever.
 */
final class ReconnectPolicy {

    /** Every this many failed attempts in a row, the room's live status is checked again. */
    static final int LIVE_CHECK_EVERY = 3;
    /** A connection that ends sooner than this after it opened, having delivered nothing, was "closed at once". */
    static final long CLOSED_AT_ONCE_MILLIS = 5_000;

    private final long baseMillis;
    private final long maxMillis;
    private final long healthyAfter;
    private final DoubleSupplier random;
    private int failures;
    private long openedAt = -1;
    private long firstEventAt = -1;

    ReconnectPolicy(Duration base, Duration max, Duration healthyAfter, DoubleSupplier random) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.healthyAfter = healthyAfter.toMillis();
        this.random = random;
    }

    /** A connection opened. */
    synchronized void opened(long now) {
        openedAt = now;
        firstEventAt = -1;
    }

    /** The open connection delivered events; after {@link #healthyAfter} of that, the backoff starts over. */
    synchronized void delivered(long now) {
        if (openedAt < 0) return;
        if (firstEventAt < 0) firstEventAt = now;
        if (now - firstEventAt >= healthyAfter) failures = 0;
    }

    /** The connection ended: was it accepted and then closed at once, with nothing delivered? */
    synchronized boolean closedAtOnce(long now) {
        boolean atOnce = openedAt >= 0 && firstEventAt < 0 && now - openedAt < CLOSED_AT_ONCE_MILLIS;
        openedAt = -1;
        return atOnce;
    }

    /** One more failed or lost connection: how long to wait before the next attempt. */
    synchronized long nextDelay(long retryAfterMillis) {
        failures++;
        long delay = Math.min(maxMillis, baseMillis << Math.min(20, failures - 1));
        long jittered = (long) (delay * (0.8 + 0.4 * random.getAsDouble()));
        return Math.max(jittered, retryAfterMillis);
    }

    /** Whether the attempt about to be made should first check that the LIVE is still on. */
    synchronized boolean checkLiveNow() {
        return failures % LIVE_CHECK_EVERY == 0;
    }

    synchronized int failures() {
        return failures;
    }
}
