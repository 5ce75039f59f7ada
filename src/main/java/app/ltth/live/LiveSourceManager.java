package app.ltth.live;

import app.ltth.errors.Reasons;
import app.ltth.events.ConnectionState;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.EventBus;
import app.ltth.events.EventIds;
import app.ltth.events.LiveEvent;
import app.ltth.i18n.Message;
import app.ltth.live.webcast.WebcastException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs at most one live source at a time and reports every change of state on the bus. */
public final class LiveSourceManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveSourceManager.class);

    private final EventBus bus;
    private LiveSource current;
    private SourceContext currentContext;
    private volatile SourceStatus status = new SourceStatus(ConnectionState.OFFLINE, "none", "", false, "",
            "No live source", System.currentTimeMillis(), null, null, null);

    public LiveSourceManager(EventBus bus) {
        this.bus = bus;
    }

    /** Stops the running source (if any) and starts {@code source} in its place. */
    public synchronized void switchTo(LiveSource source) throws Exception {
        stopCurrent();
        report(source, ConnectionState.CONNECTING, "Starting " + source.kind(), null, Message.of("connect.status.starting"), null);
        SourceContext context = new SourceContext(source);
        try {
            source.start(context);
        } catch (Exception e) {
            context.close();
            String message = source.kind() + " could not start: " + e.getMessage();
            if (e instanceof WebcastException w) {
                report(source, ConnectionState.ERROR, message, w.problem().wireName(), w.text(), null);
            } else {
                report(source, ConnectionState.ERROR, message, null,
                        Message.of("connect.status.couldNotStart", "reason", Reasons.of(e)), null);
            }
            throw e;
        }
        current = source;
        currentContext = context;
        context.open(() -> report(source, ConnectionState.LIVE, isDemo(source) ? "Demo mode: simulated events" : "Connected",
                null, Message.of(isDemo(source) ? "connect.status.demo" : "connect.status.connected"), null));
    }

    /**
     * What a source reports to. A source may already produce events (even its end) from its own threads while
     * start() runs; they are held back until "live" is reported, so that nobody sees a gift before the LIVE
     * began, or "live" after "ended". A source that said while starting that it is still trying (its first
     * connection failed, it tries again) is not reported as "live" over that. After the source is stopped, whatever
     * it still reports is dropped.
     */
    private final class SourceContext implements LiveSource.Context {
        private final LiveSource source;
        private final List<Runnable> held = new ArrayList<>();
        private boolean open;
        private boolean closed;
        private boolean stillTrying;

        SourceContext(LiveSource source) {
            this.source = source;
        }

        @Override
        public synchronized void event(LiveEvent event) {
            deliver(() -> bus.publish(event));
        }

        @Override
        public void state(ConnectionState state, String message) {
            state(state, message, null, null, null);
        }

        @Override
        public synchronized void state(ConnectionState state, String message, String problem, Message text,
                                       Message retry) {
            if (!open && state == ConnectionState.RECONNECTING) stillTrying = true;
            deliver(() -> report(source, state, message, problem, text, retry));
        }

        private void deliver(Runnable report) {
            if (closed) return;
            if (open) {
                report.run();
            } else {
                held.add(report);
            }
        }

        synchronized void open(Runnable first) {
            if (closed) return;
            if (!stillTrying) first.run();
            held.forEach(Runnable::run);
            held.clear();
            open = true;
        }

        synchronized void close() {
            closed = true;
            held.clear();
        }
    }

    /** Stops the running source; the state becomes offline. */
    public synchronized void stop() {
        LiveSource stopped = current;
        stopCurrent();
        if (stopped != null) {
            report(stopped, ConnectionState.OFFLINE, "Disconnected", null, Message.of("connect.status.disconnected"), null);
        } else if (status.state() != ConnectionState.OFFLINE) {
            // Nothing running, but an error or an ended LIVE still shows: disconnecting clears it.
            report(status.source(), status.username(), false, "", ConnectionState.OFFLINE, "Disconnected", null,
                    Message.of("connect.status.disconnected"), null);
        }
    }

    public synchronized LiveSource current() {
        return current;
    }

    public SourceStatus status() {
        return status;
    }

    public synchronized java.util.Map<String, Object> counters() {
        return current == null ? java.util.Map.of() : current.counters();
    }

    private void stopCurrent() {
        if (current != null) {
            try {
                current.stop();
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed", current.kind(), e);
            }
            currentContext.close();
            current = null;
            currentContext = null;
        }
    }

    private void report(LiveSource source, ConnectionState state, String message, String problem, Message text,
                        Message retry) {
        report(source.kind(), source.username(), isDemo(source), source.path(), state, message, problem, text, retry);
    }

    private void report(String kind, String username, boolean demo, String path, ConnectionState state, String message,
                        String problem, Message text, Message retry) {
        long now = System.currentTimeMillis();
        status = new SourceStatus(state, kind, username, demo, path, message, now, problem, text, retry);
        log.info("Live source {}: {} ({})", kind, state.wireName(), message);
        bus.publish(new ConnectionStatusEvent(EventIds.next("status"), now, state, kind, username, message, text, retry));
    }

    private static boolean isDemo(LiveSource source) {
        return source.kind().equals(Simulator.KIND);
    }

    @Override
    public void close() {
        stop();
    }
}
