package app.ltth.health;

import java.util.Arrays;

/**
 * The latest latency samples (at most {@value #SIZE}, none older than a minute) and their percentiles. Recent samples
 * only, because the panel answers "how is it now", and a bounded ring, because it runs for a whole LIVE.
 */
public final class LatencyWindow {

    static final int SIZE = 2048;
    static final long WINDOW_MILLIS = 60_000;

    private final long[] nanos = new long[SIZE];
    private final long[] at = new long[SIZE];
    private int next;
    private int filled;
    private long total;

    public synchronized void record(long latencyNanos, long nowMillis) {
        nanos[next] = Math.max(0, latencyNanos);
        at[next] = nowMillis;
        next = (next + 1) % SIZE;
        filled = Math.min(SIZE, filled + 1);
        total++;
    }

    /** Percentiles of the samples of the last minute, in milliseconds (nearest rank). */
    public synchronized Latency snapshot(long nowMillis) {
        long[] recent = new long[filled];
        int n = 0;
        for (int i = 0; i < filled; i++) {
            if (nowMillis - at[i] <= WINDOW_MILLIS) recent[n++] = nanos[i];
        }
        if (n == 0) return new Latency(total, 0, 0, 0, 0);
        Arrays.sort(recent, 0, n);
        return new Latency(total, n, millis(nearestRank(recent, n, 0.50)), millis(nearestRank(recent, n, 0.99)),
                millis(recent[n - 1]));
    }

    /** The nearest-rank percentile of the first {@code count} values of {@code sorted} (sorted ascending); 0 when there are none. */
    public static long nearestRank(long[] sorted, int count, double quantile) {
        if (count == 0) return 0;
        return sorted[Math.max(0, (int) Math.ceil(quantile * count) - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /** @param total samples ever; @param samples those of the last minute, which the percentiles describe */
    public record Latency(long total, int samples, double p50Ms, double p99Ms, double maxMs) {
    }
}
