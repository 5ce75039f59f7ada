package app.ltth.eventapi;

import app.ltth.events.LiveEvent;
import app.ltth.json.Json;
import app.ltth.web.SidePort;
import app.ltth.web.ThisComputer;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Event API TikFinity's widgets, mods and scripts listen to: a WebSocket on {@code ws://localhost:21213/} that
 * sends every live event as {@link EventApiShape} writes it. Built-in plugin {@code event-api}, off by default: while
 * it is off the port is closed.
 *
 * <p>Only this computer may connect, unless LAN mode is on: then the port opens on the LAN address too, and a device
 * there brings LAN mode's token ({@code ?token=}). Any web origin may read, as with TikFinity, whose widgets are
 * hosted pages and local files: what is sent is what the LIVE shows everyone, and nothing sent to the port does
 * anything. Each message is written once and sent to every client without waiting; a client that does not keep up
 * ({@value #MAX_BEHIND} messages unsent) is closed rather than held in memory.
 */
public final class EventApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventApi.class);
    public static final int DEFAULT_PORT = 21213;
    static final int MAX_BEHIND = 5_000;
    /** Close code 1013 "try again later": the client fell behind; it may connect again. */
    private static final int TOO_SLOW = 1013;

    /** One connected widget, as the page lists it. */
    private record Client(WsContext ws, String address, String agent, long since, AtomicLong sent, AtomicInteger behind) {
    }

    private final BiPredicate<String, String> lanAdmits;
    private final Supplier<String> lanToken;
    private final LongSupplier clock;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong tooSlow = new AtomicLong();
    private boolean active;
    private int port = DEFAULT_PORT;
    private Optional<String> lanAddress = Optional.empty();
    private Javalin server;
    private volatile String error;

    /**
     * @param lanAdmits whether a device on the LAN with this address may connect with this token
     * @param lanToken  the token a LAN link carries
     */
    public EventApi(BiPredicate<String, String> lanAdmits, Supplier<String> lanToken, LongSupplier clock) {
        this.lanAdmits = lanAdmits;
        this.lanToken = lanToken;
        this.clock = clock;
    }

    public synchronized void setActive(boolean on) {
        if (on == active) return;
        active = on;
        reopen();
    }

    /** The port from the settings ({@code eventApi.port}); a running Event API moves to it. */
    public synchronized void usePort(int newPort) {
        if (newPort == port) return;
        port = newPort;
        if (active) reopen();
    }

    /** LAN mode opened on {@code address}, or closed (empty). */
    public synchronized void lanChanged(Optional<String> address) {
        if (address.equals(lanAddress)) return;
        lanAddress = address;
        if (active) reopen();
    }

    private void reopen() {
        closeServer();
        error = null;
        if (!active) return;
        SidePort.Opened opened = SidePort.open("Event API", port, lanAddress, 4096, Duration.ofHours(24), routes -> {
            routes.wsBeforeUpgrade("/", ctx -> {
                String from = ctx.req().getRemoteAddr();
                if (!ThisComputer.isLoopback(from) && !lanAdmits.test(from, ctx.queryParam("token"))) {
                    throw new io.javalin.http.UnauthorizedResponse("The Event API answers this computer only, or a "
                            + "device with LAN mode's token (?token=)");
                }
            });
            routes.ws("/", ws -> {   // a widget has nothing to say here: 4 KB
                ws.onConnect(ctx -> clients.put(ctx.sessionId(), new Client(ctx, address(ctx), agent(ctx), clock.getAsLong(),
                        new AtomicLong(), new AtomicInteger())));
                ws.onClose(ctx -> clients.remove(ctx.sessionId()));
                ws.onError(ctx -> clients.remove(ctx.sessionId()));
            });
        });
        server = opened.server();
        error = opened.error();
    }

    private static String address(WsContext ctx) {
        return ctx.session.getRemoteSocketAddress() instanceof java.net.InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(ctx.session.getRemoteSocketAddress());
    }

    private static String agent(WsContext ctx) {
        String origin = ctx.header("Origin");
        String agent = origin != null && !origin.isBlank() ? origin : ctx.header("User-Agent");
        return agent == null ? "" : agent.length() > 120 ? agent.substring(0, 120) : agent;
    }

    private void closeServer() {
        if (server == null) return;
        server.stop();   // closes every client
        server = null;
        clients.clear();
    }

    /** Every live event, on the plugin's thread: written once, sent to each client in the order it came. */
    public void onEvent(LiveEvent event) throws Exception {
        if (clients.isEmpty()) return;
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> message = EventApiShape.of(event);
        if (message.isEmpty()) return;
        String text = Json.MAPPER.writeValueAsString(message.get());
        events.incrementAndGet();
        for (Client c : clients.values()) send(c, text);
    }

    private void send(Client c, String text) {
        if (c.behind().incrementAndGet() > MAX_BEHIND) {
            if (clients.remove(c.ws().sessionId()) != null) {
                tooSlow.incrementAndGet();
                log.warn("Event API: {} did not keep up ({} messages unsent) and was disconnected", c.address(), MAX_BEHIND);
                c.ws().session.close(TOO_SLOW, "too slow: reconnect", Callback.NOOP);
            }
            return;
        }
        c.ws().session.sendText(text, Callback.from(() -> {
            c.behind().decrementAndGet();
            c.sent().incrementAndGet();
        }, failure -> c.behind().decrementAndGet()));
    }

    /** What the Event API page shows. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", active);
        out.put("listening", server != null);
        out.put("port", port);
        out.put("url", "ws://localhost:" + port + "/");
        lanAddress.ifPresent(a -> out.put("lanUrl", "ws://" + a + ":" + port + "/?token=" + lanToken.get()));
        if (error != null) out.put("error", error);
        out.put("events", events.get());
        out.put("tooSlow", tooSlow.get());
        List<Map<String, Object>> list = new ArrayList<>();
        clients.values().stream().sorted(Comparator.comparingLong(Client::since)).forEach(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("address", c.address());
            m.put("agent", c.agent());
            m.put("since", c.since());
            m.put("sent", c.sent().get());
            list.add(m);
        });
        out.put("clients", list);
        return out;
    }

    @Override
    public synchronized void close() {
        active = false;
        closeServer();
    }
}
