package app.ltth.health;

/** Events per second over the last ten whole seconds, counted in one-second buckets. */
public final class EventRate {

    static final int SECONDS = 10;
    private static final int BUCKETS = SECONDS + 2;

    private final long[] counts = new long[BUCKETS];
    private final long[] seconds = new long[BUCKETS];

    public synchronized void count(long nowMillis) {
        long second = nowMillis / 1000;
        int i = (int) (second % BUCKETS);
        if (seconds[i] != second) {
            seconds[i] = second;
            counts[i] = 0;
        }
        counts[i]++;
    }

    /** The mean over the ten seconds before the current one (which is still being counted). */
    public synchronized double perSecond(long nowMillis) {
        long current = nowMillis / 1000;
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long age = current - seconds[i];
            if (age >= 1 && age <= SECONDS) sum += counts[i];
        }
        return sum / (double) SECONDS;
    }
}
