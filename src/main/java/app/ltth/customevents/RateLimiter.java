package app.ltth.customevents;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} events a second from each source (an address, a connection), with a burst of as many: a
 * token bucket per source. What is over the limit is dropped, not queued, so a flood costs a map lookup each.
 * The clock is handed in.
 */
final class RateLimiter {

    private static final int MAX_SOURCES = 10_000;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private record Bucket(double tokens, long at) {
    }

    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes one event's room from {@code source}'s bucket; false when it has none left this second. */
    boolean allow(String source, int perSecond) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_SOURCES) buckets.clear();   // a spray of addresses: start afresh rather than grow
        boolean[] allowed = {false};
        buckets.compute(source, (key, b) -> {
            double tokens = b == null ? perSecond
                    : Math.min(perSecond, b.tokens() + (double) (now - b.at()) * perSecond / SECOND);
            allowed[0] = tokens >= 1;
            return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
        });
        return allowed[0];
    }

    void forget(String source) {
        buckets.remove(source);
    }
}
