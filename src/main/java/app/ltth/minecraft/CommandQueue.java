package app.ltth.minecraft;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The actions waiting for the game, released no faster than the streamer allows: at most {@code perMinute} in any
 * minute, at least {@code gapMillis} apart. While the mod is away they wait (up to {@link #WAIT_MILLIS}, then they
 * are dropped as too old); one that could not be sent is tried again, {@link #ATTEMPTS} times in all. Pure: the
 * clock is handed in; not thread-safe (the service holds its lock).
 */
final class CommandQueue {

    static final long WAIT_MILLIS = 120_000;
    static final int ATTEMPTS = 3;
    private static final long MINUTE = 60_000;

    /** One action for the game, for whom it was set off ({@code user}, may be empty). */
    record Command(long id, String action, Map<String, String> params, String user, long queuedAt, int attempts) {
        Command again() {
            return new Command(id, action, params, user, queuedAt, attempts + 1);
        }
    }

    private final LongSupplier clock;
    private final Deque<Command> waiting = new ArrayDeque<>();
    private final Deque<Long> sentAt = new ArrayDeque<>();
    private long dropped;
    private long expired;
    private long failed;

    CommandQueue(LongSupplier clock) {
        this.clock = clock;
    }

    /** Queued, or false when {@code max} wait already (the new one is dropped, counted). */
    boolean offer(Command c, int max) {
        if (waiting.size() >= max) {
            dropped++;
            return false;
        }
        waiting.addLast(c);
        return true;
    }

    /** The next action that may go now, taken off the queue; empty while the limits hold it back. */
    Optional<Command> next(int perMinute, int gapMillis, boolean connected) {
        long now = clock.getAsLong();
        while (!waiting.isEmpty() && now - waiting.peekFirst().queuedAt() > WAIT_MILLIS) {
            waiting.pollFirst();
            expired++;
        }
        if (!connected || waiting.isEmpty()) return Optional.empty();
        while (!sentAt.isEmpty() && now - sentAt.peekFirst() >= MINUTE) sentAt.pollFirst();
        if (sentAt.size() >= perMinute) return Optional.empty();
        if (!sentAt.isEmpty() && now - sentAt.peekLast() < gapMillis) return Optional.empty();
        sentAt.addLast(now);
        return Optional.of(waiting.pollFirst());
    }

    /** Sending {@code c} failed: first in line again, unless it had its tries. */
    void retry(Command c) {
        if (c.attempts() + 1 >= ATTEMPTS) {
            failed++;
        } else {
            waiting.addFirst(c.again());
        }
    }

    void clear() {
        waiting.clear();
    }

    int size() {
        return waiting.size();
    }

    long dropped() {
        return dropped;
    }

    long expired() {
        return expired;
    }

    long failed() {
        return failed;
    }
}
