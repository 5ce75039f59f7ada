package app.ltth.web;

import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.EventBus;
import app.ltth.events.LiveEvent;
import app.ltth.health.LatencyWindow;
import app.ltth.live.LiveSourceManager;
import app.ltth.stats.StatsSnapshot;
import app.ltth.stats.StreamStats;
import app.ltth.threads.DaemonThreads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries the bus to the browsers: every event as {@code tiktok:event}, state changes as {@code tiktok:status},
 * and the totals as {@code tiktok:stats} at most once a second (only when they changed). A page that connects late
 * gets the current status and totals as soon as it says hello, so it never waits for the next change to show the
 * right numbers.
 *
 * <p>Likes and viewer counts are merged for {@value #COALESCE_MILLIS} ms before they are sent (a viewer's likes
 * become one event with their sum), so a like storm costs pages a few messages a second, not thousands.
 *
 * <p>About once a second an event carries an {@code ack} number; pages answer it with {@code ltth:ack} right after
 * handling it, and the time from publishing the event on the bus to that answer is the injection-to-overlay latency
 * that the health panel shows.
 */
public final class SocketBridge implements AutoCloseable {

    static final long COALESCE_MILLIS = 250;
    private static final long ACK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int ACKS_KEPT = 16;

    private final SocketServer sockets;
    private final StreamStats stats;
    private final LiveSourceManager sources;
    private final EventBus bus;
    private final LatencyWindow overlayLatency;
    private final LiveEventCoalescer coalescer = new LiveEventCoalescer();
    private final ScheduledExecutorService timer = DaemonThreads.scheduler("ltth-socket-bridge");
    private final Map<Long, Long> awaitingAck = new LinkedHashMap<>(32, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > ACKS_KEPT;
        }
    };
    private long nextAck = 1;
    private long lastAckSentAt = System.nanoTime() - ACK_EVERY_NANOS;
    private long lastRevision = -1;

    public SocketBridge(SocketServer sockets, StreamStats stats, LiveSourceManager sources, EventBus bus,
                        LatencyWindow overlayLatency) {
        this.sockets = sockets;
        this.stats = stats;
        this.sources = sources;
        this.bus = bus;
        this.overlayLatency = overlayLatency;
        sockets.onHello((client, subscription) -> client.sendEvent(SocketEvents.STATUS, sources.status()));
        sockets.greetWith(SocketEvents.STATS, stats::snapshot);
        sockets.on(SocketEvents.ACK, this::acknowledged);
        timer.scheduleAtFixedRate(this::sendCoalesced, COALESCE_MILLIS, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::publishStatsIfChanged, 1, 1, TimeUnit.SECONDS);
    }

    /** Bus listener: runs on the bus thread; sending is asynchronous in netty and never blocks it. */
    public void onEvent(LiveEvent event) {
        long publishedAt = bus.publishedAtNanos();
        if (coalescer.absorb(event, publishedAt)) return;
        send(event, publishedAt);
        if (event instanceof ConnectionStatusEvent) {
            sockets.broadcast(SocketEvents.STATUS, sources.status());
        }
    }

    /** How many likes and viewer counts were merged into others instead of being sent on their own. */
    public long coalesced() {
        return coalescer.merged();
    }

    private void sendCoalesced() {
        for (LiveEventCoalescer.Pending p : coalescer.drain()) send(p.event(), p.publishedAtNanos());
    }

    private void send(LiveEvent event, long publishedAtNanos) {
        sockets.broadcastLiveEvent(event.type(), new SocketEvents.EventMessage(event.type(), event, ackNumber(publishedAtNanos)));
    }

    private synchronized Long ackNumber(long publishedAtNanos) {
        if (publishedAtNanos - lastAckSentAt < ACK_EVERY_NANOS) return null;
        lastAckSentAt = publishedAtNanos;
        long ack = nextAck++;
        awaitingAck.put(ack, publishedAtNanos);
        return ack;
    }

    /** Every page that handled the event answers: each answer is one sample of the way to an overlay. */
    private void acknowledged(Object data) {
        if (!(data instanceof Map<?, ?> map) || !(map.get("ack") instanceof Number number)) return;
        Long publishedAt;
        synchronized (this) {
            publishedAt = awaitingAck.get(number.longValue());
        }
        if (publishedAt != null) overlayLatency.record(System.nanoTime() - publishedAt, System.currentTimeMillis());
    }

    private void publishStatsIfChanged() {
        StatsSnapshot snapshot = stats.snapshot();
        if (snapshot.revision() != lastRevision) {
            lastRevision = snapshot.revision();
            sockets.broadcast(SocketEvents.STATS, snapshot);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sendCoalesced();
    }
}
