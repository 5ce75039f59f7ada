package app.ltth.streamerbot;

import app.ltth.errors.Reasons;
import app.ltth.json.Json;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * LTTH's link to Streamer.bot, where many streamers keep their automations: the connection (address and password from
 * the settings {@code streamerbot.*}), its actions, and running one from a flow or the page with arguments. What
 * changes is told to pages as {@code streamerbot:status}.
 */
public final class StreamerBotService implements AutoCloseable {

    public static final String STATUS_EVENT = "streamerbot:status";
    static final int RECENT_RUNS = 20;

    /** One action as Streamer.bot lists it. */
    public record BotAction(String id, String name, String group, boolean enabled) {
    }

    /** A run asked for, with how it ended: "ok" or Streamer.bot's reason. */
    public record Run(long at, String action, Map<String, String> args, String result) {
    }

    /** Asked to run while not connected: the flow's run log says "not available", not "failed". */
    public static final class NotConnected extends IllegalStateException {
        NotConnected(String message) {
            super(message);
        }
    }

    private final SocketServer sockets;
    private final HttpClient http;
    private final LongSupplier clock;
    private final Duration firstRetry;
    private final ScheduledExecutorService scheduler = DaemonThreads.scheduler("ltth-streamerbot");
    private final Deque<Run> runs = new ArrayDeque<>();
    private volatile List<BotAction> actions = List.of();
    private volatile String actionsError;
    private StreamerBotConnection connection;   // guarded by this
    private StreamerBotConnection.Target target;
    private boolean wanted;

    public StreamerBotService(SocketServer sockets, HttpClient http, LongSupplier clock, Duration firstRetry) {
        this.sockets = sockets;
        this.http = http;
        this.clock = clock;
        this.firstRetry = firstRetry;
    }

    /**
     * The settings as they are now: a new address or password reconnects, {@code wanted} false disconnects. Called at
     * start and on every change of the settings.
     */
    public synchronized void configure(StreamerBotConnection.Target next, boolean connect) {
        if (next.equals(target) && connect == wanted) return;
        target = next;
        wanted = connect;
        if (connection != null) connection.close();
        connection = null;
        actions = List.of();
        if (connect) {
            connection = new StreamerBotConnection(next, http, scheduler, this::changed, firstRetry, Duration.ofSeconds(30));
            connection.connect();
        }
        tell();
    }

    private void changed(StreamerBotConnection c) {
        synchronized (this) {
            if (c != connection) return;
        }
        if (c.state() == StreamerBotConnection.State.CONNECTED) refreshActions();
        tell();
    }

    private void tell() {
        sockets.broadcast(STATUS_EVENT, status());
    }

    private synchronized Optional<StreamerBotConnection> connected() {
        return connection != null && connection.state() == StreamerBotConnection.State.CONNECTED
                ? Optional.of(connection) : Optional.empty();
    }

    /** Reads Streamer.bot's actions again (after the streamer made new ones). */
    public CompletableFuture<List<BotAction>> refreshActions() {
        Optional<StreamerBotConnection> c = connected();
        if (c.isEmpty()) return CompletableFuture.failedFuture(new NotConnected(notConnected()));
        return c.get().request("GetActions", null).handle((answer, e) -> {
            if (e != null) {
                actionsError = Reasons.of(e);
                tell();
                throw new IllegalStateException("Streamer.bot did not list its actions: " + actionsError);
            }
            List<BotAction> list = new ArrayList<>();
            for (JsonNode a : answer.path("actions")) {
                list.add(new BotAction(a.path("id").asText(), a.path("name").asText(), a.path("group").asText(""),
                        a.path("enabled").asBoolean(true)));
            }
            actions = List.copyOf(list);
            actionsError = null;
            tell();
            return actions;
        });
    }

    private String notConnected() {
        return "Streamer.bot is not connected. Enter its address on the Streamer.bot page and connect; in Streamer.bot, "
                + "start the WebSocket server (Servers/Clients > WebSocket Server).";
    }

    /**
     * Runs an action, named by its id or its name, with these arguments (Streamer.bot's {@code %key%}). Completes with
     * the action's name when Streamer.bot took it, or fails with the reason it gives.
     */
    public CompletableFuture<String> run(String action, Map<String, String> args) {
        Optional<StreamerBotConnection> c = connected();
        if (c.isEmpty()) {
            remember(action, args, notConnected());
            return CompletableFuture.failedFuture(new NotConnected(notConnected()));
        }
        BotAction known = actions.stream().filter(a -> a.id().equals(action) || a.name().equalsIgnoreCase(action)).findFirst().orElse(null);
        ObjectNode request = Json.MAPPER.createObjectNode();
        ObjectNode which = request.putObject("action");
        if (known != null) which.put("id", known.id()); else which.put("name", action);
        request.set("args", Json.MAPPER.valueToTree(args));
        String name = known != null ? known.name() : action;
        return c.get().request("DoAction", request).handle((answer, e) -> {
            String result = e == null ? "ok" : Reasons.of(e);
            remember(name, args, result);
            if (e != null) throw new IllegalStateException("Streamer.bot did not run '" + name + "': " + result);
            return name;
        });
    }

    private void remember(String action, Map<String, String> args, String result) {
        synchronized (runs) {
            runs.addFirst(new Run(clock.getAsLong(), action, Map.copyOf(args), result));
            while (runs.size() > RECENT_RUNS) runs.removeLast();
        }
        tell();
    }

    /** What the page shows; the password never leaves, only whether there is one. */
    public Map<String, Object> status() {
        StreamerBotConnection c;
        StreamerBotConnection.Target t;
        synchronized (this) {
            c = connection;
            t = target;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", c == null ? "off" : c.state().name().toLowerCase(java.util.Locale.ROOT));
        out.put("message", c == null ? "" : c.message());
        out.put("address", t == null ? "" : t.address());
        out.put("hasPassword", t != null && !t.password().isEmpty());
        out.put("version", c == null ? "" : c.version());
        out.put("reconnects", c == null ? 0 : c.reconnects());
        out.put("actions", actions);
        if (actionsError != null) out.put("actionsError", actionsError);
        synchronized (runs) {
            out.put("runs", List.copyOf(runs));
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (connection != null) connection.close();
        connection = null;
        scheduler.shutdownNow();
    }
}
