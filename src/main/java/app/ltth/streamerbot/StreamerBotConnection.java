package app.ltth.streamerbot;

import app.ltth.errors.Reasons;
import app.ltth.json.Json;
import app.ltth.net.ChallengeAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One connection to Streamer.bot's WebSocket server: its Hello (with a salt and a challenge when it has a password,
 * answered by {@code Authenticate}), requests matched to their answers by {@code id}, and reconnects with a doubling
 * delay (1 s up to 30 s) while it is wanted. A refused password is not retried: the same password cannot get in, and
 * the streamer must see why.
 *
 * <p>Every callback of a socket carries its generation; callbacks of a socket that was replaced are ignored.
 */
public final class StreamerBotConnection implements AutoCloseable {

    public enum State { CONNECTING, CONNECTED, RECONNECTING, AUTH_FAILED, DISCONNECTED }

    /** Where Streamer.bot listens (Servers/Clients > WebSocket Server in Streamer.bot). */
    public record Target(String host, int port, String endpoint, String password) {
        URI uri() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return URI.create("ws://" + h + ":" + port + (endpoint.startsWith("/") ? endpoint : "/" + endpoint));
        }

        public String address() {
            return host + ":" + port + (endpoint.startsWith("/") ? endpoint : "/" + endpoint);
        }
    }

    /** Streamer.bot answered a request with {@code "status": "error"}. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final String INFO_ID = "ltth-info";
    private static final String AUTH_ID = "ltth-auth";

    private final Target target;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Consumer<StreamerBotConnection> changed;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private volatile State state = State.DISCONNECTED;
    private volatile String message = "";
    private volatile String version = "";
    private volatile int reconnects;
    // guarded by this
    private int generation;
    private int failures;
    private boolean wanted;
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> retry;

    /** @param changed told (outside any lock) whenever the state or its message changed */
    public StreamerBotConnection(Target target, HttpClient http, ScheduledExecutorService scheduler,
                                 Consumer<StreamerBotConnection> changed, Duration firstRetry, Duration maxRetry) {
        this.target = target;
        this.http = http;
        this.scheduler = scheduler;
        this.changed = changed;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    public Target target() {
        return target;
    }

    public State state() {
        return state;
    }

    public String message() {
        return message;
    }

    public String version() {
        return version;
    }

    public int reconnects() {
        return reconnects;
    }

    /** Connects and keeps the connection up until {@link #close()}. */
    public void connect() {
        synchronized (this) {
            wanted = true;
            if (state == State.CONNECTED || state == State.CONNECTING) return;
            open(State.CONNECTING);
        }
        changed.accept(this);
    }

    /**
     * Sends a request ({@code {"request": name, ...fields, "id"}}); its answer, or {@link Refused} with Streamer.bot's
     * error, or a timeout after {@link #REQUEST_TIMEOUT}.
     */
    public CompletableFuture<JsonNode> request(String name, ObjectNode fields) {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
            if (state != State.CONNECTED || ws == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("Streamer.bot is not connected: " + message));
            }
        }
        String id = "ltth-" + ids.incrementAndGet();
        return send(ws, id, name, fields);
    }

    private CompletableFuture<JsonNode> send(WebSocket ws, String id, String name, ObjectNode fields) {
        ObjectNode m = Json.MAPPER.createObjectNode().put("request", name).put("id", id);
        if (fields != null) m.setAll(fields);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        String text = m.toString();
        synchronized (this) {
            sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
            sending.whenComplete((ok, e) -> {
                if (e != null) answer.completeExceptionally(new IllegalStateException("Sending to Streamer.bot failed: " + Reasons.of(e)));
            });
        }
        return answer.orTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(id));
    }

    @Override
    public void close() {
        WebSocket ws;
        synchronized (this) {
            wanted = false;
            generation++;
            if (retry != null) retry.cancel(false);
            ws = socket;
            socket = null;
            state = State.DISCONNECTED;
            message = "";
        }
        failPending("the connection was closed");
        if (ws != null) ws.sendClose(WebSocket.NORMAL_CLOSURE, "LTTH disconnects").whenComplete((w, e) -> ws.abort());
        changed.accept(this);
    }

    private synchronized void open(State as) {
        int gen = ++generation;
        if (retry != null) retry.cancel(false);
        state = as;
        message = "";
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(target.uri(), new Receiver(gen))
                .whenCompleteAsync((ws, error) -> {
                    if (error != null) lost(gen, "Streamer.bot at " + target.address() + " does not answer ("
                            + Reasons.of(error.getCause() != null ? error.getCause() : error) + "). Is Streamer.bot running "
                            + "with its WebSocket server started (Servers/Clients > WebSocket Server)?");
                }, scheduler);   // never inline: this thread holds the lock lost() takes
    }

    /** A socket ended or never opened: say why, fail what waits, and try again while wanted. */
    private void lost(int gen, String why) {
        synchronized (this) {
            if (gen != generation) return;
            generation++;
            socket = null;
            if (!wanted) {
                state = State.DISCONNECTED;
                message = why;
            } else {
                long delay = Math.min(maxRetry.toMillis(), firstRetry.toMillis() << Math.min(failures, 16));
                failures++;
                state = State.RECONNECTING;
                message = why;
                retry = scheduler.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
            }
        }
        failPending("the connection to Streamer.bot was lost");
        changed.accept(this);
    }

    private void refused(int gen, WebSocket ws, String why) {
        synchronized (this) {
            if (gen != generation) return;
            generation++;
            wanted = false;
            socket = null;
            state = State.AUTH_FAILED;
            message = why;
        }
        failPending(why);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "authentication failed").whenComplete((w, e) -> ws.abort());
        changed.accept(this);
    }

    private void reconnect() {
        synchronized (this) {
            if (!wanted) return;
            reconnects++;
            open(State.RECONNECTING);
        }
        changed.accept(this);
    }

    private void connected(int gen, JsonNode info) {
        synchronized (this) {
            if (gen != generation || state == State.CONNECTED) return;
            failures = 0;
            state = State.CONNECTED;
            message = "";
            version = info.path("version").asText(version);
        }
        changed.accept(this);
    }

    private void failPending(String why) {
        pending.values().forEach(p -> p.completeExceptionally(new IllegalStateException("No answer from Streamer.bot: " + why)));
        pending.clear();
    }

    private void handle(int gen, WebSocket ws, String text) throws Exception {
        JsonNode m = Json.MAPPER.readTree(text);
        if ("Hello".equals(m.path("request").asText())) {
            hello(gen, ws, m);
            return;
        }
        CompletableFuture<JsonNode> answer = pending.remove(m.path("id").asText());
        if (answer == null) return;   // an event, or an answer nobody waits for any more
        if ("ok".equals(m.path("status").asText())) {
            answer.complete(m);
        } else {
            answer.completeExceptionally(new Refused(m.path("error").asText("Streamer.bot refused the request")));
        }
    }

    /** Streamer.bot's greeting: with {@code authentication} it waits for the password's answer. */
    private void hello(int gen, WebSocket ws, JsonNode hello) {
        JsonNode auth = hello.get("authentication");
        if (auth == null || auth.isNull()) {
            connected(gen, hello.path("info"));
            return;
        }
        if (target.password().isEmpty()) {
            refused(gen, ws, "Streamer.bot asks for a password: enter the one set in Streamer.bot under Servers/Clients > "
                    + "WebSocket Server.");
            return;
        }
        ObjectNode answer = Json.MAPPER.createObjectNode().put("authentication",
                ChallengeAnswer.answer(target.password(), auth.path("salt").asText(), auth.path("challenge").asText()));
        send(ws, AUTH_ID, "Authenticate", answer).whenComplete((ok, e) -> {
            if (e == null) {
                connected(gen, hello.path("info"));
            } else if (e instanceof Refused || e.getCause() instanceof Refused) {
                refused(gen, ws, "Streamer.bot refused the password. Enter the one set in Streamer.bot under "
                        + "Servers/Clients > WebSocket Server.");
            }
        });
    }

    private final class Receiver implements WebSocket.Listener {
        private final int gen;
        private final StringBuilder text = new StringBuilder();

        Receiver(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket ws) {
            synchronized (StreamerBotConnection.this) {
                if (gen != generation) {
                    ws.abort();
                    return;
                }
                socket = ws;
            }
            ws.request(1);
            // Servers that send no Hello (before Streamer.bot 0.2.5) still answer GetInfo; with a password it waits
            // for the Hello, as Streamer.bot's own client does.
            if (target.password().isEmpty()) {
                send(ws, INFO_ID, "GetInfo", null).thenAccept(info -> connected(gen, info.path("info")));
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String whole = text.toString();
                text.setLength(0);
                try {
                    handle(gen, ws, whole);
                } catch (Exception e) {
                    // not JSON: skipped, the connection stays
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            lost(gen, "Streamer.bot closed the connection" + (reason == null || reason.isBlank() ? "" : " (" + reason + ")") + ".");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lost(gen, "The connection to Streamer.bot broke (" + Reasons.of(error) + ").");
        }
    }
}
