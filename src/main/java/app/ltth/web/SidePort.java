package app.ltth.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A port of its own beside the dashboard's, for programs that expect one (the Event API, the Minecraft bridge): a
 * small server on 127.0.0.1 and, in LAN mode, on the LAN address too. A port that cannot be opened is a reason the
 * page names ("portTaken", "failed"), never a failed start.
 */
public final class SidePort {

    private static final Logger log = LoggerFactory.getLogger(SidePort.class);

    /** The running server, or the reason there is none. */
    public record Opened(Javalin server, String error) {
    }

    private SidePort() {
    }

    /**
     * @param maxTextBytes the longest WebSocket message a client may send
     * @param idle         a WebSocket silent this long is closed
     */
    public static Opened open(String what, int port, Optional<String> lanAddress, int maxTextBytes, Duration idle,
                              Consumer<RoutesConfig> routes) {
        Javalin server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.jetty.modifyWebSocketServletFactory(ws -> {
                ws.setMaxTextMessageSize(maxTextBytes);
                ws.setIdleTimeout(idle);
            });
            // Javalin adds its own connector only to a server without one: with the LAN's, both are added here.
            lanAddress.ifPresent(address -> cfg.jetty.modifyServer(s -> {
                for (String host : List.of("127.0.0.1", address)) {
                    ServerConnector connector = new ServerConnector(s);
                    connector.setHost(host);
                    connector.setPort(port);
                    s.addConnector(connector);
                }
            }));
            routes.accept(cfg.routes);
        });
        try {
            server.start();
            log.info("{} listening on port {}{}", what, port, lanAddress.map(a -> " (and on " + a + ")").orElse(""));
            return new Opened(server, null);
        } catch (RuntimeException e) {
            server.stop();
            log.warn("{} could not open port {}: {}", what, port, e.getMessage());
            return new Opened(null, causedBy(e, BindException.class) ? "portTaken" : "failed");
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }
}
