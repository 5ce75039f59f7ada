package app.ltth.events;

import java.util.concurrent.atomic.AtomicLong;

/** Unique ids for events LTTH makes itself (simulated, injected, status); TikTok's own carry its msgId. */
public final class EventIds {
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private EventIds() {
    }

    public static String next(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}
