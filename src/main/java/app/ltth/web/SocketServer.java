package app.ltth.web;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time channel to the dashboard and overlays (netty-socketio; it cannot share Jetty's port).
 *
 * <p>Websocket only, without per-message compression (it costs several times the throughput for small JSON
 * messages). A browser connection is accepted only from our own HTTP origin, so no other web page open in the
 * streamer's browser can listen in; clients that send no Origin header are local programs, not web pages.
 */
public final class SocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);

    private static final String LIVE_ROOM = "live";

    private final SocketIOServer server;

    public SocketServer(String host, int port, Set<String> allowedOrigins) {
        Configuration config = new Configuration();
        config.setHostname(host);
        config.setPort(port);
        config.setTransports(Transport.WEBSOCKET);
        config.setWebsocketCompression(false);
        config.setHttpCompression(false);
        config.setBossThreads(1);
        config.setWorkerThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
        config.setJsonSupport(new JacksonJsonSupport());
        config.setAuthorizationListener(handshake -> {
            String origin = handshake.getHttpHeaders().get("Origin");
            if (origin == null || allowedOrigins.contains(origin)) {
                return AuthorizationResult.SUCCESSFUL_AUTHORIZATION;
            }
            log.warn("Refused a Socket.IO connection from origin {}", origin);
            return AuthorizationResult.FAILED_AUTHORIZATION;
        });
        this.server = new SocketIOServer(config);
    }

    /**
     * Runs when a client says {@code ltth:hello}, which pages do once their connection is acknowledged; the client
     * then joins the room that receives live broadcasts. (Sending before that acknowledgement races the
     * handshake: some clients drop or garble what arrives early.)
     */
    public void onHello(Consumer<SocketIOClient> listener) {
        server.addEventListener(SocketEvents.HELLO, Object.class, (client, data, ack) -> {
            client.joinRoom(LIVE_ROOM);
            listener.accept(client);
        });
    }

    /** Listens to a Socket.IO event sent by pages; {@link #off} removes it again. */
    public void on(String event, Consumer<Object> listener) {
        server.addEventListener(event, Object.class, (client, data, ack) -> listener.accept(data));
    }

    public void off(String event) {
        server.removeAllListeners(event);
    }

    public void start() {
        server.start();
    }

    /** Sends to every client that has said hello. */
    public void broadcast(String event, Object payload) {
        server.getRoomOperations(LIVE_ROOM).sendEvent(event, payload);
    }

    public int clientCount() {
        return server.getAllClients().size();
    }

    /**
     * Stops at once. netty-socketio's own stop() shuts its two event-loop groups down one after the other, each with
     * Netty's default two-second quiet period: four seconds on every exit. By the time this runs the bus has
     * drained and nothing is left to send, so both groups are shut down together with no quiet period; then stop()
     * finds them terminated and only releases the rest.
     */
    @Override
    public void close() {
        List<Future<?>> terminations = new ArrayList<>();
        for (String name : List.of("bossGroup", "workerGroup")) {
            try {
                Field field = SocketIOServer.class.getDeclaredField(name);
                field.setAccessible(true);
                EventLoopGroup group = (EventLoopGroup) field.get(server);
                if (group != null) terminations.add(group.shutdownGracefully(0, 2, TimeUnit.SECONDS));
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.debug("Fast stop not possible ({}); using the library's own", e.toString());
            }
        }
        terminations.forEach(Future::syncUninterruptibly);
        server.stop();
    }
}
