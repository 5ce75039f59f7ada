package app.ltth.web;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import java.util.Set;
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

    private final SocketIOServer server;
    private final int port;

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
        this.port = port;
    }

    /** Runs for every client that connects, on a netty thread. */
    public void onConnect(Consumer<SocketIOClient> listener) {
        server.addConnectListener(listener::accept);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return port;
    }

    public void broadcast(String event, Object payload) {
        server.getBroadcastOperations().sendEvent(event, payload);
    }

    public int clientCount() {
        return server.getAllClients().size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
