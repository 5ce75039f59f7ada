package app.ltth.web;

import app.ltth.DaemonThreads;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.LiveEvent;
import app.ltth.live.LiveSourceManager;
import app.ltth.stats.StatsSnapshot;
import app.ltth.stats.StreamStats;
import com.corundumstudio.socketio.SocketIOClient;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries the bus to the browsers: every event as {@code tiktok:event}, state changes as {@code tiktok:status},
 * and the totals as {@code tiktok:stats} at most once a second (only when they changed). A page that connects late
 * gets the current status and totals as soon as it says hello, so it never waits for the next change to show the
 * right numbers.
 */
public final class SocketBridge implements AutoCloseable {

    private final SocketServer sockets;
    private final StreamStats stats;
    private final LiveSourceManager sources;
    private final ScheduledExecutorService timer = DaemonThreads.scheduler("ltth-stats-publisher");
    private long lastRevision = -1;

    public SocketBridge(SocketServer sockets, StreamStats stats, LiveSourceManager sources) {
        this.sockets = sockets;
        this.stats = stats;
        this.sources = sources;
        sockets.onHello(this::greet);
        timer.scheduleAtFixedRate(this::publishStatsIfChanged, 1, 1, TimeUnit.SECONDS);
    }

    /** Bus listener: runs on the bus thread; sending is asynchronous in netty and never blocks it. */
    public void onEvent(LiveEvent event) {
        sockets.broadcast(SocketEvents.EVENT, SocketEvents.EventMessage.of(event));
        if (event instanceof ConnectionStatusEvent) {
            sockets.broadcast(SocketEvents.STATUS, sources.status());
        }
    }

    private void greet(SocketIOClient client) {
        client.sendEvent(SocketEvents.STATUS, sources.status());
        client.sendEvent(SocketEvents.STATS, stats.snapshot());
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
    }
}
