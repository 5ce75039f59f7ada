package app.ltth.live;

import app.ltth.events.ConnectionState;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.EventBus;
import app.ltth.events.EventIds;
import app.ltth.events.LiveEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs at most one live source at a time and reports every change of state on the bus. */
public final class LiveSourceManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveSourceManager.class);

    private final EventBus bus;
    private LiveSource current;
    private volatile SourceStatus status = new SourceStatus(ConnectionState.OFFLINE, "none", "", false,
            "No live source", System.currentTimeMillis());

    public LiveSourceManager(EventBus bus) {
        this.bus = bus;
    }

    /** Stops the running source (if any) and starts {@code source} in its place. */
    public synchronized void switchTo(LiveSource source) throws Exception {
        stopCurrent();
        report(source, ConnectionState.CONNECTING, "Starting " + source.kind());
        try {
            source.start(new LiveSource.Context() {
                @Override
                public void event(LiveEvent event) {
                    bus.publish(event);
                }

                @Override
                public void state(ConnectionState state, String message) {
                    report(source, state, message);
                }
            });
        } catch (Exception e) {
            report(source, ConnectionState.ERROR, source.kind() + " could not start: " + e.getMessage());
            throw e;
        }
        current = source;
        report(source, ConnectionState.LIVE, isDemo(source) ? "Demo mode: simulated events" : "Connected");
    }

    /** Stops the running source; the state becomes offline. */
    public synchronized void stop() {
        LiveSource stopped = current;
        stopCurrent();
        if (stopped != null) {
            report(stopped, ConnectionState.OFFLINE, "Disconnected");
        } else if (status.state() != ConnectionState.OFFLINE) {
            // Nothing running, but an error or an ended LIVE still shows: disconnecting clears it.
            report(status.source(), status.username(), false, ConnectionState.OFFLINE, "Disconnected");
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
            current = null;
        }
    }

    private void report(LiveSource source, ConnectionState state, String message) {
        report(source.kind(), source.username(), isDemo(source), state, message);
    }

    private void report(String kind, String username, boolean demo, ConnectionState state, String message) {
        long now = System.currentTimeMillis();
        status = new SourceStatus(state, kind, username, demo, message, now);
        log.info("Live source {}: {} ({})", kind, state.wireName(), message);
        bus.publish(new ConnectionStatusEvent(EventIds.next("status"), now, state, kind, username, message));
    }

    private static boolean isDemo(LiveSource source) {
        return source.kind().equals(Simulator.KIND);
    }

    @Override
    public void close() {
        stop();
    }
}
