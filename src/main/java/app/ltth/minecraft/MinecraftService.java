package app.ltth.minecraft;

import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.UserEvent;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.store.SingleJsonRow;
import app.ltth.template.EventFields;
import app.ltth.template.Template;
import app.ltth.threads.DaemonThreads;
import app.ltth.triggers.StreamLikes;
import app.ltth.web.SidePort;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge Minecraft mods connect to: a WebSocket on {@code ws://localhost:25560/} (setting {@code minecraft.port})
 * speaking the original LTTH's minecraft-connect protocol, so its Fabric mod works unchanged (docs/minecraft.md).
 * Mappings turn live events into the mod's actions, which wait in a rate-limited {@link CommandQueue}; the overlay
 * shows what went to the game. Built-in plugin {@code minecraft}, off by default: while off the port is closed.
 */
public final class MinecraftService implements ProfileManager.Listener, AutoCloseable {

    public static final String STATUS_EVENT = "minecraft:status";
    public static final String ACTION_EVENT = "minecraft:action";
    public static final int DEFAULT_PORT = 25560;
    static final int RECENT = 20;
    private static final Logger log = LoggerFactory.getLogger(MinecraftService.class);
    private static final SingleJsonRow CONFIG = new SingleJsonRow("minecraft", "config");

    /** An action the mod offers, with the names of its parameters. */
    public record ModAction(String name, String description, List<String> params) {
    }

    /** What went to the game (or not), newest first on the page. */
    public record Sent(long at, String action, Map<String, String> params, String user, String result) {
    }

    /** The plugin is off: nothing is queued. */
    public static final class NotActive extends Exception {
        NotActive() {
            super("The Minecraft bridge is off: turn it on on the Minecraft page (plugin minecraft).");
        }
    }

    private final SocketServer sockets;
    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler = DaemonThreads.scheduler("ltth-minecraft");
    private final CommandQueue queue;
    private final Deque<Sent> recent = new ArrayDeque<>();
    private final StreamLikes likes = new StreamLikes();
    private volatile MinecraftConfig config = MinecraftConfig.defaults();
    private volatile Database database;
    // guarded by this
    private boolean active;
    private int port = DEFAULT_PORT;
    private Javalin server;
    private String error;
    private WsContext mod;
    private String modAgent = "";
    private List<ModAction> modActions = List.of();
    private long ids;
    private long sent;
    private long results;
    private long refusedByGame;
    private ScheduledFuture<?> ticking;

    public MinecraftService(SocketServer sockets, LongSupplier clock) {
        this.sockets = sockets;
        this.clock = clock;
        this.queue = new CommandQueue(clock);
        sockets.greetWith(STATUS_EVENT, this::status);
    }

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        config = CONFIG.readOr(db, MinecraftConfig.defaults(), json -> MinecraftConfig.defaults().with(json));
        database = db;
    }

    @Override
    public void profileClosing() {
        database = null;
    }

    public MinecraftConfig config() {
        return config;
    }

    /** The page's or the API's change, checked and kept in the profile. */
    public synchronized MinecraftConfig configure(JsonNode change) throws SQLException, IOException {
        MinecraftConfig next = config.with(change);
        CONFIG.save(database, next);
        config = next;
        return next;
    }

    public synchronized void setActive(boolean on) {
        if (on == active) return;
        active = on;
        reopen();
    }

    /** The port from the settings; an open bridge moves to it. */
    public synchronized void usePort(int newPort) {
        if (newPort == port) return;
        port = newPort;
        if (active) reopen();
    }

    private void reopen() {
        if (server != null) server.stop();
        server = null;
        mod = null;
        modActions = List.of();
        error = null;
        if (ticking != null) ticking.cancel(false);
        queue.clear();
        if (active) {
            // pings every 30 s: a mod that stops answering is closed after 90 s
            SidePort.Opened opened = SidePort.open("Minecraft bridge", port, Optional.empty(), 256 * 1024, Duration.ofSeconds(90),
                    routes -> routes.ws("/*", ws -> {
                        ws.onConnect(this::connected);
                        ws.onMessage(ctx -> received(ctx, ctx.message()));
                        ws.onClose(this::disconnected);
                        ws.onError(this::disconnected);
                    }));
            server = opened.server();
            error = opened.error();
            if (server != null) ticking = scheduler.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        }
        tell();
    }

    private void connected(WsContext ctx) {
        WsContext old;
        synchronized (this) {
            old = mod;
            mod = ctx;
            modActions = List.of();
            String agent = ctx.header("User-Agent");
            modAgent = agent == null ? "" : agent.length() > 120 ? agent.substring(0, 120) : agent;
        }
        // One game at a time, as the original: the newest connection wins.
        if (old != null) old.closeSession(1000, "New connection established");
        ctx.enableAutomaticPings(30, TimeUnit.SECONDS);
        log.info("Minecraft: a mod connected");
        tell();
    }

    private void disconnected(WsContext ctx) {
        synchronized (this) {
            if (mod == null || !mod.sessionId().equals(ctx.sessionId())) return;
            mod = null;
            modActions = List.of();
        }
        log.info("Minecraft: the mod disconnected; actions wait for it to come back");
        tell();
    }

    private void received(WsContext ctx, String text) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return;   // not JSON: skipped, the connection stays
        }
        switch (m.path("type").asText()) {
            case "available_actions" -> {
                List<ModAction> list = new ArrayList<>();
                for (JsonNode a : m.path("actions")) {
                    if (list.size() >= 500) break;
                    List<String> params = new ArrayList<>();
                    for (JsonNode p : a.path("params")) params.add(p.isTextual() ? p.asText() : p.path("name").asText());
                    list.add(new ModAction(a.path("name").asText(), a.path("description").asText(""), List.copyOf(params)));
                }
                synchronized (this) {
                    if (mod == null || !mod.sessionId().equals(ctx.sessionId())) return;
                    modActions = List.copyOf(list);
                }
                tell();
            }
            case "action_result" -> {
                synchronized (this) {
                    results++;
                    if (!m.path("success").asBoolean(true)) {
                        refusedByGame++;
                        remember(m.path("action").asText(""), Map.of(), "", m.path("error").asText("the game refused it"));
                    }
                }
                tell();
            }
            case "error" -> log.warn("Minecraft mod: {}", m.path("error").asText("").replaceAll("\\p{Cntrl}", " "));
            default -> { }   // heartbeat and what newer mods may say
        }
    }

    /** Every live event, on the plugin's thread: the mappings it sets off, queued for the game. */
    public void onEvent(LiveEvent event) {
        if (event instanceof StreamEndEvent) {
            likes.reset();
            return;
        }
        long[] likesRange = event instanceof LikeEvent like ? likes.add(like) : new long[] {0, 0};
        MinecraftConfig c = config;
        Map<String, Object> fields = null;
        for (MinecraftConfig.Mapping m : c.mappings()) {
            if (!m.enabled()) continue;
            int times = m.when().fires(event, likesRange[0], likesRange[1]);
            if (times == 0) continue;
            if (fields == null) fields = EventFields.of(event, 0, ZoneId.systemDefault());
            String user = event instanceof UserEvent u ? u.user().nickname() : "";
            for (int i = 0; i < times; i++) enqueue(m.action(), render(m.params(), fields), user);
        }
    }

    static Map<String, String> render(Map<String, String> params, Map<String, Object> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, Template.render(v, fields)));
        return out;
    }

    /**
     * An action for the game from a flow or the page: queued (true) or dropped because the queue is full (false).
     */
    public boolean run(String action, Map<String, String> params, String user) throws NotActive {
        synchronized (this) {
            if (!active) throw new NotActive();
        }
        return enqueue(action, params, user);
    }

    private synchronized boolean enqueue(String action, Map<String, String> params, String user) {
        boolean queued = queue.offer(new CommandQueue.Command(++ids, action, Collections.unmodifiableMap(new LinkedHashMap<>(params)), user, clock.getAsLong(), 0),
                config.queueMax());
        if (!queued) remember(action, params, user, "dropped: the queue is full");
        return queued;
    }

    private void tick() {
        try {
            CommandQueue.Command next;
            WsContext to;
            synchronized (this) {
                MinecraftConfig c = config;
                next = queue.next(c.perMinute(), c.gapMillis(), mod != null).orElse(null);
                to = mod;
            }
            if (next != null) send(to, next);
        } catch (RuntimeException e) {
            log.warn("Minecraft: sending an action failed", e);
        }
    }

    private void send(WsContext to, CommandQueue.Command c) {
        ObjectNode m = Json.MAPPER.createObjectNode().put("type", "execute_action").put("action", c.action());
        m.set("params", Json.MAPPER.valueToTree(c.params()));
        m.put("timestamp", clock.getAsLong()).put("id", String.valueOf(c.id()));
        to.session.sendText(m.toString(), Callback.from(() -> {
            synchronized (this) {
                sent++;
                remember(c.action(), c.params(), c.user(), "ok");
            }
            if (config.overlay()) {
                sockets.broadcast(ACTION_EVENT, Map.of("action", c.action(), "params", c.params(), "user", c.user()));
            }
            tell();
        }, failure -> {
            synchronized (this) {
                queue.retry(c);
            }
        }));
    }

    private void remember(String action, Map<String, String> params, String user, String result) {
        recent.addFirst(new Sent(clock.getAsLong(), action, params, user, result));
        while (recent.size() > RECENT) recent.removeLast();
    }

    private void tell() {
        sockets.broadcast(STATUS_EVENT, status());
    }

    /** What the page and the overlay show. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", active);
        out.put("listening", server != null);
        out.put("port", port);
        out.put("url", "ws://localhost:" + port + "/");
        if (error != null) out.put("error", error);
        out.put("connected", mod != null);
        out.put("mod", modAgent);
        out.put("actions", modActions);
        out.put("waiting", queue.size());
        out.put("sent", sent);
        out.put("results", results);
        out.put("refused", refusedByGame);
        out.put("dropped", queue.dropped());
        out.put("expired", queue.expired());
        out.put("failed", queue.failed());
        out.put("recent", List.copyOf(recent));
        return out;
    }

    @Override
    public synchronized void close() {
        active = false;
        if (server != null) server.stop();
        server = null;
        scheduler.shutdownNow();
    }
}
