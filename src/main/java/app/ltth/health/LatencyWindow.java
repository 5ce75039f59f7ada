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
        long[] sorted = Arrays.copyOf(recent, n);
        Arrays.sort(sorted);
        return new Latency(total, n, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.99)), millis(sorted[n - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /** @param total samples ever; @param samples those of the last minute, which the percentiles describe */
    public record Latency(long total, int samples, double p50Ms, double p99Ms, double maxMs) {
    }
}
