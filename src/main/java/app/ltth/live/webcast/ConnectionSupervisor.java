package app.ltth.live.webcast;

import app.ltth.errors.Reasons;
import app.ltth.events.ConnectionState;
import app.ltth.i18n.Message;
import app.ltth.live.LiveSource;
import app.ltth.live.webcast.WebcastException.Problem;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one way into a LIVE (the direct socket or the relay) connected until it is stopped or the LIVE ends. Every
 * failure is tried again with backoff unless it is final (a wrong key, a user that does not exist); a runtime
 * exception from the connection code is a failure like any other, never the end of the supervisor. Every few failed
 * attempts, and when a socket is accepted and closed at once, it asks whether the LIVE is still on. The state always
 * says what happens and when the next attempt is.
 */
final class ConnectionSupervisor {

    /** The connection being kept. */
    interface Link {
        /** Opens a fresh connection; its loss is reported through {@link ConnectionSupervisor#lost}. */
        void open() throws WebcastException, InterruptedException;

        /** Whether the LIVE is still on; true when that cannot be told right now. */
        boolean stillLive() throws InterruptedException;

        /** The LIVE is over: stop everything and say so. */
        void ended(String reason);

        /** A final failure: stop everything. */
        void failed(WebcastException e);

        /**
         * TikTok refused the connection {@code times} times in a row. @return true when something else takes over
         * (the relay), and this supervisor ends
         */
        default boolean refused(int times, String why) {
            return false;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ConnectionSupervisor.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String name;
    private final Link link;
    private final ReconnectPolicy policy;
    private final LiveSource.Context context;
    private final LongSupplier clock;
    private final ZoneId zone;
    private final Object lock = new Object();
    private volatile boolean running;
    private volatile long reconnects;
    private String lostReason;        // guarded by lock
    private int refusals;
    private Thread thread;
    private volatile long firstWait = -1;   // the first connect failed: its wait, already announced

    ConnectionSupervisor(String name, Link link, ReconnectPolicy policy, LiveSource.Context context, LongSupplier clock,
                         ZoneId zone) {
        this.name = name;
        this.link = link;
        this.policy = policy;
        this.context = context;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The first connection, through the same rules as every later one: a failure that can pass leaves the source
     * running and trying (the state says so); a final one is thrown.
     */
    void start() throws WebcastException, InterruptedException {
        running = true;
        Retry retry = attempt();
        if (!running) return;   // another way in took over
        if (retry != null) {
            firstWait = announce(retry);   // said now, so nobody sees "live" first
            lost(retry.reason());
        }
        thread = new Thread(this::run, "ltth-" + name + "-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Why an attempt did not connect, to be tried again, no sooner than {@code after} ms. */
    /** @param problem whose problem it is, and {@code text} the reason by locale key (for the dashboard) */
    private record Retry(String reason, long after, Problem problem, Message text) {
        Retry(WebcastException e) {
            this(e.getMessage(), e.retryAfterMillis(), e.problem(), e.text());
        }
    }

    /**
     * One attempt to connect.
     *
     * @return null when connected (or when another way in took over: then {@link #running} is false), else what to
     *         try again
     * @throws WebcastException a final failure; the supervisor is no longer running
     */
    private Retry attempt() throws WebcastException, InterruptedException {
        try {
            link.open();
            policy.opened(clock.getAsLong());
            refusals = 0;
            return null;
        } catch (WebcastException.Refused e) {
            if (link.refused(++refusals, e.handshakeMessage())) {
                running = false;
                return null;
            }
            return new Retry(e);
        } catch (WebcastException e) {
            if (!e.retryable()) {
                running = false;
                throw e;
            }
            return new Retry(e);
        } catch (RuntimeException e) {
            log.warn("TikTok connection ({}) failed unexpectedly", name, e);
            return new Retry("Connecting failed (" + Reasons.of(e) + ").", 0, Problem.TIKTOK,
                    Message.of("connect.error.tiktokFailed"));
        }
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) t.interrupt();
    }

    long reconnects() {
        return reconnects;
    }

    /** The open connection delivered events. */
    void delivered() {
        policy.delivered(clock.getAsLong());
    }

    /** The connection is gone (closed, broken or silent). */
    void lost(String reason) {
        synchronized (lock) {
            if (lostReason != null) return;
            lostReason = reason;
            lock.notifyAll();
        }
    }

    private void run() {
        try {
            while (running) {
                String reason;
                synchronized (lock) {
                    while (running && lostReason == null) lock.wait(1_000);
                    reason = lostReason;
                }
                if (!running) return;
                log.warn("TikTok connection ({}) lost: {}", name, reason);
                boolean checkFirst = policy.closedAtOnce(clock.getAsLong());
                if (!reconnect(reason, checkFirst)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tries until connected (true) or until the source ends (false). */
    private boolean reconnect(String reason, boolean checkFirst) throws InterruptedException {
        boolean checkLive = checkFirst;
        long delay = firstWait >= 0 ? firstWait
                : announce(new Retry(reason, 0, Problem.TIKTOK, Message.of("connect.error.lost")));
        firstWait = -1;
        while (running) {
            Thread.sleep(delay);
            if (!running) return false;
            if ((checkLive || policy.checkLiveNow()) && !link.stillLive()) {
                running = false;
                link.ended("the LIVE has ended");
                return false;
            }
            checkLive = false;
            synchronized (lock) {
                lostReason = null;
            }
            Retry retry;
            try {
                retry = attempt();
            } catch (WebcastException e) {
                link.failed(e);
                return false;
            }
            if (!running) return false;
            if (retry == null) {
                context.state(ConnectionState.LIVE, "Reconnected", null, Message.of("connect.status.reconnected"), null);
                return true;
            }
            delay = announce(retry);
        }
        return false;
    }

    /** One more failure: says what happened and when the next attempt is; returns how long to wait for it. */
    private long announce(Retry retry) {
        long delay = policy.nextDelay(retry.after());
        reconnects++;
        long at = clock.getAsLong() + delay;
        long seconds = Math.max(1, Math.round(delay / 1000.0));
        context.state(ConnectionState.RECONNECTING, retry.reason() + " Attempt " + policy.failures() + "; next try in "
                + seconds + " s (at "
                + LocalTime.ofInstant(Instant.ofEpochMilli(at), zone).truncatedTo(ChronoUnit.SECONDS).format(CLOCK) + ").",
                retry.problem().wireName(), retry.text(),
                Message.of("connect.retry", "attempt", policy.failures(), "seconds", seconds));
        return delay;
    }
}
