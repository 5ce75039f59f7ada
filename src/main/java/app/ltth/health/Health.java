package app.ltth.health;

import app.ltth.events.BusStats;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.EventBus;
import app.ltth.events.LiveEvent;
import app.ltth.history.EventLogWriter;
import java.util.Map;

/**
 * Watches the live events as they pass (rate, age of the last one, time spent waiting in the bus queue) and holds
 * the overlay latency the socket bridge measures; {@link #report} puts it together with the other parts' counters.
 */
public final class Health {

    private final EventBus bus;
    private final EventRate rate = new EventRate();
    private final LatencyWindow busDelay = new LatencyWindow();
    private final LatencyWindow overlayLatency = new LatencyWindow();
    private final long startedAt = System.currentTimeMillis();
    private volatile long lastEventAt;

    public Health(EventBus bus) {
        this.bus = bus;
    }

    /** Bus listener; subscribed first, so the bus delay is the time in the queue. */
    public void onEvent(LiveEvent event) {
        if (event instanceof ConnectionStatusEvent) return;
        long now = System.currentTimeMillis();
        rate.count(now);
        lastEventAt = now;
        busDelay.record(System.nanoTime() - bus.publishedAtNanos(), now);
    }

    /** Where the socket bridge records the overlays' acknowledgements. */
    public LatencyWindow overlayLatency() {
        return overlayLatency;
    }

    public HealthReport report(BusStats busStats, EventLogWriter.Counters eventLog, Map<String, Object> source,
                               int socketClients, long coalesced, long slowPageDrops) {
        long now = System.currentTimeMillis();
        long last = lastEventAt;
        return new HealthReport((now - startedAt) / 1000, rate.perSecond(now), last == 0 ? null : now - last,
                busDelay.snapshot(now), overlayLatency.snapshot(now), busStats, eventLog,
                counter(source, "duplicatesDropped"), counter(source, "decodeErrors"), counter(source, "reconnects"),
                socketClients, coalesced, slowPageDrops, Memory.now());
    }

    private static long counter(Map<String, Object> counters, String name) {
        return counters.get(name) instanceof Number n ? n.longValue() : 0;
    }
}
