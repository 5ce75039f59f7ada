package app.ltth.web;

import app.ltth.events.EventType;
import com.corundumstudio.socketio.AuthorizationListener;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.Future;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time channel to the dashboard and overlays (netty-socketio; it cannot share Jetty's port).
 *
 * <p>Websocket only, without per-message compression (it costs several times the throughput for small JSON
 * messages). A browser connection is accepted only from our own HTTP origin, so no other web page open in the
 * streamer's browser can listen in; clients that send no Origin header are local programs, not web pages.
 *
 * <p>Pages receive only what they subscribed to in their hello: every Socket.IO event name is a room, and so is every
 * live event type ({@code tiktok:event:gift}), so a gift overlay never decodes a thousand likes a second.
 */
public final class SocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);

    /** The room of pages that said hello without a subscription (dashboard pages, older overlays): they get everything. */
    private static final String ALL_ROOM = "*";
    private static final int MAX_SUBSCRIPTIONS = 64;
    /** The client's rights, kept in its store by the LAN authorization. */
    private static final String ACCESS = "ltth.access";
    /** What an overlay opened with an overlay link sends: hello, acknowledgements, audio "ended", alert "shown". */
    private static final Set<String> OVERLAY_EVENTS = Set.of(SocketEvents.HELLO, SocketEvents.ACK, SocketEvents.AUDIO_ENDED,
            SocketEvents.ALERT_SHOWN);

    /** This computer's server (127.0.0.1), then the LAN one while LAN mode is on. Broadcasts go to both. */
    private final List<SocketIOServer> servers = new CopyOnWriteArrayList<>();
    private final SocketIOServer server;
    private final int port;
    private final Set<String> allowedOrigins;
    private final Map<String, List<Consumer<Object>>> listeners = new ConcurrentHashMap<>();
    private final List<BiConsumer<SocketIOClient, Set<String>>> helloListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> overlayListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedForSlowPages = new AtomicLong();
    private volatile SocketIOServer lan;
    private volatile String lanOrigin;

    /**
     * Who may connect from another computer, and with what rights: empty refuses the connection.
     */
    @FunctionalInterface
    public interface LanAuthorizer {
        Optional<Access> authorize(HandshakeData handshake);
    }

    public SocketServer(String host, int port, Set<String> allowedOrigins) {
        this.port = port;
        this.allowedOrigins = ConcurrentHashMap.newKeySet();
        this.allowedOrigins.addAll(allowedOrigins);
        this.server = create(host, port, handshake -> ownOrigin(handshake)
                ? AuthorizationResult.SUCCESSFUL_AUTHORIZATION : AuthorizationResult.FAILED_AUTHORIZATION);
        servers.add(server);
    }

    private boolean ownOrigin(HandshakeData handshake) {
        String origin = handshake.getHttpHeaders().get("Origin");
        if (origin == null || allowedOrigins.contains(origin)) return true;
        log.warn("Refused a Socket.IO connection from origin {}", origin);
        return false;
    }

    private SocketIOServer create(String host, int port, AuthorizationListener authorization) {
        Configuration config = new Configuration();
        config.setHostname(host);
        config.setPort(port);
        config.setTransports(Transport.WEBSOCKET);
        config.setWebsocketCompression(false);
        config.setHttpCompression(false);
        config.setBossThreads(1);
        config.setWorkerThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
        config.setJsonSupport(new EncodedOnceJsonSupport());
        config.setAuthorizationListener(authorization);
        SocketIOServer created = new SocketIOServer(config);
        created.setPipelineFactory(new ConsolidatedFlushes());
        created.addEventListener(SocketEvents.HELLO, Object.class, (client, data, ack) -> {
            Set<String> subscription = subscription(data);
            if (subscription.isEmpty()) {
                client.joinRoom(ALL_ROOM);
            } else {
                subscription.forEach(client::joinRoom);
            }
            helloListeners.forEach(listener -> listener.accept(client, subscription));
            if (data instanceof Map<?, ?> hello && Boolean.TRUE.equals(hello.get("overlay"))) overlayListeners.forEach(Runnable::run);
        });
        listeners.forEach((event, list) -> list.forEach(listener -> listen(created, event, listener)));
        return created;
    }

    /**
     * Every message is written and flushed on its own, from the bus's thread: one system call per message per page.
     * Netty's FlushConsolidationHandler turns the flushes that are waiting on a page's event loop into one, so a burst
     * of events leaves in a few writes while a single event still goes out at once. At most {@value #FLUSH_EVERY}
     * messages wait for one flush: what waits counts against the page's write buffer, and a page over its high-water
     * mark is treated as slow (no likes for it), which a longer wait would cause in any burst.
     */
    private static final class ConsolidatedFlushes extends SocketIOChannelInitializer {
        private static final int FLUSH_EVERY = 32;

        @Override
        protected void initChannel(Channel channel) throws Exception {
            super.initChannel(channel);
            channel.pipeline().addFirst(new FlushConsolidationHandler(FLUSH_EVERY, true));
        }
    }

    /**
     * Opens the same port on a LAN address, for phones and other computers. Every connection there needs what
     * {@code authorizer} accepts; one with overlay rights may only say hello and answer the audio overlay.
     */
    public synchronized void openLan(String address, String lanOrigin, LanAuthorizer authorizer) {
        closeLan();
        this.lanOrigin = lanOrigin;
        allowedOrigins.add(lanOrigin);
        SocketIOServer opened = create(address, port, handshake -> {
            if (!ownOrigin(handshake)) return AuthorizationResult.FAILED_AUTHORIZATION;
            return authorizer.authorize(handshake)
                    .map(access -> new AuthorizationResult(true, Map.of(ACCESS, access.name())))
                    .orElse(AuthorizationResult.FAILED_AUTHORIZATION);
        });
        try {
            opened.start();
        } catch (RuntimeException e) {
            allowedOrigins.remove(lanOrigin);
            stopFast(opened);
            throw e;
        }
        lan = opened;
        servers.add(opened);
    }

    /** Closes the LAN port at once; pages on other computers lose their connection. */
    public synchronized void closeLan() {
        SocketIOServer open = lan;
        if (open == null) return;
        lan = null;
        servers.remove(open);
        allowedOrigins.remove(lanOrigin);
        stopFast(open);
    }

    /**
     * What a page asked for in its hello ({@code {"subscribe": ["tiktok:event:gift", "alert:show"]}}): the names of
     * the Socket.IO events it listens to, {@code tiktok:event:<type>} for single event types. Empty means everything.
     * Anything else in the payload is ignored: a page that sends garbage simply gets everything.
     */
    static Set<String> subscription(Object hello) {
        if (!(hello instanceof Map<?, ?> map) || !(map.get("subscribe") instanceof List<?> names)) return Set.of();
        Set<String> rooms = new LinkedHashSet<>();
        for (Object name : names) {
            if (name instanceof String s && !s.isBlank() && s.length() <= 100 && !s.equals(ALL_ROOM)) rooms.add(s);
            if (rooms.size() == MAX_SUBSCRIPTIONS) break;
        }
        // All live events already include each single type: joining both rooms would deliver them twice.
        if (rooms.contains(SocketEvents.EVENT)) rooms.removeIf(r -> r.startsWith(SocketEvents.EVENT + ":"));
        return rooms;
    }

    /**
     * Runs when a client says {@code ltth:hello}, which pages do once their connection is acknowledged, after the
     * client has joined the rooms of what it subscribed to. (Sending before that acknowledgement races the
     * handshake: some clients drop or garble what arrives early.)
     */
    public void onHello(BiConsumer<SocketIOClient, Set<String>> listener) {
        helloListeners.add(listener);
    }

    /** Runs whenever an overlay page says hello (overlays say so in their hello). */
    public void onOverlayHello(Runnable listener) {
        overlayListeners.add(listener);
    }

    /** Sends a new page the current state of {@code event}, if it listens to that event. */
    public void greetWith(String event, Supplier<Object> payload) {
        onHello((client, subscription) -> {
            if (subscription.isEmpty() || subscription.contains(event)) client.sendEvent(event, payload.get());
        });
    }

    /**
     * Listens to a Socket.IO event sent by pages; {@link #off} removes it again. A page opened with an overlay link
     * from another computer is heard only for what overlays send.
     */
    public void on(String event, Consumer<Object> listener) {
        listeners.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(listener);
        servers.forEach(s -> listen(s, event, listener));
    }

    private static void listen(SocketIOServer s, String event, Consumer<Object> listener) {
        s.addEventListener(event, Object.class, (client, data, ack) -> {
            if (Access.OVERLAY.name().equals(client.get(ACCESS)) && !OVERLAY_EVENTS.contains(event)) return;
            listener.accept(data);
        });
    }

    public void off(String event) {
        listeners.remove(event);
        servers.forEach(s -> s.removeAllListeners(event));
    }

    public void start() {
        server.start();
    }

    /** Sends to every page that listens to {@code event}. */
    public void broadcast(String event, Object payload) {
        for (SocketIOServer s : servers) {
            s.getRoomOperations(ALL_ROOM).sendEvent(event, payload);
            s.getRoomOperations(event).sendEvent(event, payload);
        }
    }

    /**
     * Sends a live event to the pages that listen to all events or to its type. The event becomes JSON once, here:
     * netty-socketio would otherwise serialise the records again for every client (see EncodedOnceJsonSupport).
     */
    public void broadcastLiveEvent(EventType type, Object message) {
        EncodedOnceJsonSupport.Encoded encoded = EncodedOnceJsonSupport.Encoded.of(SocketEvents.EVENT, message);
        for (SocketIOServer s : servers) {
            for (String room : List.of(ALL_ROOM, SocketEvents.EVENT, SocketEvents.EVENT + ":" + type.wireName())) {
                if (!type.sheddable()) {
                    s.getRoomOperations(room).sendEvent(SocketEvents.EVENT, encoded);
                    continue;
                }
                // Netty buffers without limit for a page that does not read (a frozen browser source): the bus's
                // shedding policy again, per page. Gifts, chats and the rest are always sent; the ping timeout ends a
                // dead page.
                for (SocketIOClient client : s.getRoomOperations(room).getClients()) {
                    if (keepsUp(client)) {
                        client.sendEvent(SocketEvents.EVENT, encoded);
                    } else {
                        droppedForSlowPages.incrementAndGet();
                    }
                }
            }
        }
    }

    /** Whether the page's connection takes more now (Netty's write buffer is below its high-water mark). */
    private static boolean keepsUp(SocketIOClient client) {
        return !(client instanceof NamespaceClient page) || page.getBaseClient().isWritable();
    }

    /** Likes, joins and viewer counts not sent to a page because it had not taken the earlier messages yet. */
    public long droppedForSlowPages() {
        return droppedForSlowPages.get();
    }

    public int clientCount() {
        return servers.stream().mapToInt(s -> s.getAllClients().size()).sum();
    }

    @Override
    public void close() {
        closeLan();
        stopFast(server);
    }

    /**
     * Stops at once. netty-socketio's own stop() shuts its two event-loop groups down one after the other, each with
     * Netty's default two-second quiet period: four seconds on every exit (and on every LAN switch-off). Nothing is
     * left to send by then, so both groups are shut down together with no quiet period; then stop() finds them
     * terminated and only releases the rest.
     */
    private static void stopFast(SocketIOServer s) {
        List<Future<?>> terminations = new ArrayList<>();
        for (String name : List.of("bossGroup", "workerGroup")) {
            try {
                Field field = SocketIOServer.class.getDeclaredField(name);
                field.setAccessible(true);
                EventLoopGroup group = (EventLoopGroup) field.get(s);
                if (group != null) terminations.add(group.shutdownGracefully(0, 2, TimeUnit.SECONDS));
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.debug("Fast stop not possible ({}); using the library's own", e.toString());
            }
        }
        terminations.forEach(Future::syncUninterruptibly);
        s.stop();
    }
}
