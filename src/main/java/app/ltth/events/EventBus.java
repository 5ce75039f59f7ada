package app.ltth.events;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers live events to listeners, in publish order, on one dispatcher thread.
 *
 * <p>Backpressure policy: the queue is bounded. When it is full, sheddable events (likes, joins, viewer counts:
 * floods whose next message supersedes them) are dropped at once; every other event (gifts, chats, follows, ...)
 * makes the publisher wait up to {@code highPriorityWait} for room and is only dropped after that. Every dropped
 * event is counted per type and visible in {@link #stats()}; nothing is dropped silently.
 *
 * <p>A listener that throws is logged and counted; delivery to the other listeners goes on. Listeners run on the
 * bus thread and must be quick: slow work (sound, TTS, HTTP) belongs behind {@link #subscribeAsync}.
 */
public final class EventBus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);
    private static final LiveEvent STOP = new StreamEndEvent("bus-stop", 0, "bus stopped");
    private static final Queued STOP_QUEUED = new Queued(STOP, 0);

    private final BlockingQueue<Queued> queue;
    private final Duration highPriorityWait;
    private final List<Registration> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLongArray shedByType = new AtomicLongArray(EventType.values().length);
    private final Thread dispatcher;
    private volatile boolean accepting = true;
    private long deliveringPublishedAt;   // only touched by the dispatcher thread

    /** An event with the moment it was published, so listeners can measure how long it took to reach someone. */
    private record Queued(LiveEvent event, long publishedAtNanos) {
    }

    public EventBus(int capacity, Duration highPriorityWait) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.highPriorityWait = highPriorityWait;
        this.dispatcher = new Thread(this::dispatchLoop, "ltth-event-bus");
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /** Adds a listener that runs on the bus thread, after all listeners added before it. */
    public Subscription subscribe(String name, Listener listener) {
        var registration = new Registration(name, listener);
        listeners.add(registration);
        return new Subscription(this, registration);
    }

    /**
     * Adds a listener that runs on its own thread, in event order, so that it cannot slow the bus down. Its queue
     * holds {@code capacity} events; what does not fit is counted as shed for that listener.
     */
    public Subscription subscribeAsync(String name, int capacity, Listener listener) {
        var worker = new AsyncListener(name, capacity, listener);
        var registration = new Registration(name, worker);
        registration.onRemove = worker::stop;
        listeners.add(registration);
        return new Subscription(this, registration);
    }

    /**
     * Queues an event for delivery.
     *
     * @return false when the event was shed (queue full) or the bus is closed
     */
    public boolean publish(LiveEvent event) {
        if (!accepting) {
            countShed(event);
            return false;
        }
        boolean queued;
        Queued item = new Queued(event, System.nanoTime());
        if (event.sheddable() || Thread.currentThread() == dispatcher) {
            // A listener that publishes must never wait for its own thread to make room.
            queued = queue.offer(item);
        } else {
            try {
                queued = queue.offer(item, highPriorityWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queued = false;
            }
        }
        if (queued) {
            published.incrementAndGet();
        } else {
            countShed(event);
        }
        return queued;
    }

    private void countShed(LiveEvent event) {
        long total = shedByType.incrementAndGet(event.type().ordinal());
        if (total == 1 || total % 1000 == 0) {
            log.warn("Event bus overloaded: {} {} event(s) shed so far", total, event.type().wireName());
        }
    }

    private void dispatchLoop() {
        while (true) {
            Queued item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP_QUEUED) {
                return;
            }
            LiveEvent event = item.event();
            deliveringPublishedAt = item.publishedAtNanos();
            for (Registration registration : listeners) {
                registration.deliver(event);
            }
            delivered.incrementAndGet();
        }
    }

    /** Stops taking events, delivers everything already queued, then stops the dispatcher and async listeners. */
    @Override
    public void close() {
        accepting = false;
        try {
            queue.put(STOP_QUEUED);
            dispatcher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listeners.forEach(Registration::removed);
        listeners.clear();
    }

    /**
     * When the event now being delivered was published ({@link System#nanoTime()}): for listeners on the bus thread
     * that measure the way from injection to a page. Anywhere else the answer means nothing.
     */
    public long publishedAtNanos() {
        return deliveringPublishedAt;
    }

    public BusStats stats() {
        Map<EventType, Long> shed = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            long n = shedByType.get(type.ordinal());
            if (n > 0) shed.put(type, n);
        }
        List<BusStats.ListenerStats> perListener = listeners.stream()
                .map(r -> new BusStats.ListenerStats(r.name, r.failures.get(), r.lastError,
                        r.listener instanceof AsyncListener a ? a.shed.get() : 0,
                        r.listener instanceof AsyncListener a ? a.queue.size() : 0))
                .toList();
        return new BusStats(published.get(), delivered.get(), queue.size(), queue.remainingCapacity() + queue.size(),
                shed, perListener);
    }

    @FunctionalInterface
    public interface Listener {
        void onEvent(LiveEvent event) throws Exception;
    }

    /** Removes its listener when closed; closing twice is harmless. */
    public static final class Subscription implements AutoCloseable {
        private final EventBus bus;
        private final Registration registration;

        private Subscription(EventBus bus, Registration registration) {
            this.bus = bus;
            this.registration = registration;
        }

        @Override
        public void close() {
            if (bus.listeners.remove(registration)) {
                registration.removed();
            }
        }
    }

    static final class Registration {
        final String name;
        final Listener listener;
        final AtomicLong failures = new AtomicLong();
        volatile String lastError;
        Runnable onRemove = () -> { };

        Registration(String name, Listener listener) {
            this.name = name;
            this.listener = listener;
        }

        void deliver(LiveEvent event) {
            try {
                listener.onEvent(event);
            } catch (InterruptedException e) {
                // Being stopped, not a failure: keep the signal, so the thread that runs this listener ends.
                Thread.currentThread().interrupt();
            } catch (Exception | LinkageError | AssertionError e) {
                long n = failures.incrementAndGet();
                lastError = e.toString();
                if (n <= 10 || n % 1000 == 0) {
                    log.warn("Listener '{}' failed on a {} event ({} failure(s) so far)", name, event.type().wireName(), n, e);
                }
            }
        }

        void removed() {
            onRemove.run();
        }
    }

    /** A listener with its own thread and bounded queue, so slow work stays off the bus thread. */
    private static final class AsyncListener implements Listener {
        private final BlockingQueue<LiveEvent> queue;
        private final AtomicLong shed = new AtomicLong();
        private final Thread worker;
        private final Registration inner;

        AsyncListener(String name, int capacity, Listener delegate) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.inner = new Registration(name, delegate);
            this.worker = new Thread(this::run, "ltth-listener-" + name);
            this.worker.setDaemon(true);
            this.worker.start();
        }

        @Override
        public void onEvent(LiveEvent event) {
            if (!queue.offer(event)) {
                long n = shed.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    log.warn("Listener '{}' cannot keep up: {} event(s) shed so far", inner.name, n);
                }
            }
        }

        private void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    LiveEvent event = queue.take();
                    if (event == STOP) return;
                    inner.deliver(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Lets the worker finish what is queued (up to a few seconds), then ends it. */
        void stop() {
            try {
                if (!queue.offer(STOP, 5, TimeUnit.SECONDS)) worker.interrupt();
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (worker.isAlive()) {
                worker.interrupt();   // a listener that hangs: its thread must not outlive the subscription
                try {
                    worker.join(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
