package app.ltth.obs;

import app.ltth.errors.Reasons;
import app.ltth.json.Json;
import app.ltth.net.ChallengeAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OBS WebSocket v5 connection: Hello / Identify (with the SHA-256 challenge when OBS has a password), requests
 * matched to their answers by id, the events a streamer tool shows (scene, stream and record state), a keep-alive
 * ping, and reconnects with a doubling delay when the connection drops. A refused password (close code 4009) is not
 * retried: trying the same wrong password again cannot help, and the streamer must see why.
 *
 * <p>Every callback of one socket carries its generation; callbacks of a socket that was replaced are ignored.
 */
public final class ObsConnection implements AutoCloseable {

    public enum State { DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING, AUTH_FAILED }

    public record Target(String host, int port, String password) {
        URI uri() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return URI.create("ws://" + h + ":" + port);
        }
    }

    /** What the dashboard shows of a connection; the password is never part of it. */
    public record Status(String id, String host, int port, boolean hasPassword, String state, String message,
                         String obsVersion, String currentScene, boolean streaming, boolean recording, int reconnects) {
    }

    public interface Listener {
        void statusChanged(ObsConnection connection);

        /** Every OBS event, after the connection's own status took it in. */
        default void event(ObsConnection connection, String type, JsonNode data) {
        }
    }

    /** Asked of a connection that is not identified with OBS (yet or any more). */
    public static final class NotConnected extends Exception {
        public NotConnected(String message) {
            super(message);
        }
    }

    static final int AUTH_FAILED = 4009;
    static final int UNSUPPORTED_RPC = 4010;
    /** General, Scenes, Filters, Outputs, SceneItems: what we show, without the high-volume ones. */
    static final int SUBSCRIPTIONS = 1 | 4 | 32 | 64 | 128;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ObsConnection.class);

    private final String id;
    private final Target target;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration silenceLimit;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    private volatile State state = State.DISCONNECTED;
    private volatile String message = "Not connected";
    private volatile String obsVersion = "";
    private volatile String currentScene = "";
    private volatile boolean streaming;
    private volatile boolean recording;
    private volatile long lastHeard;

    // guarded by this
    private int generation;
    private volatile int reconnects;
    private int failures;
    private boolean wanted;
    private WebSocket socket;
    private CompletableFuture<Void> identified = new CompletableFuture<>();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> retry;
    private final ScheduledFuture<?> keepAlive;

    private record Pending(String type, CompletableFuture<JsonNode> answer) {
    }

    public ObsConnection(String id, Target target, HttpClient http, ScheduledExecutorService scheduler, Listener listener,
                         Duration firstRetry, Duration maxRetry, Duration keepAliveEvery) {
        this.id = id;
        this.target = target;
        this.http = http;
        this.scheduler = scheduler;
        this.listener = listener;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.silenceLimit = keepAliveEvery.multipliedBy(3);
        long every = keepAliveEvery.toMillis();
        this.keepAlive = scheduler.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    public String id() {
        return id;
    }

    public State state() {
        return state;
    }

    public String currentScene() {
        return currentScene;
    }

    public Status status() {
        return new Status(id, target.host(), target.port(), !target.password().isEmpty(), state.name().toLowerCase(),
                message, obsVersion, currentScene, streaming, recording, reconnects);
    }

    /**
     * Connects (again) and keeps the connection up until {@link #close()}.
     *
     * @return completes when OBS accepted us; fails with the reason when this attempt did not get there (a dropped
     * or refused connection is still retried in the background, a refused password is not)
     */
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> done;
        synchronized (this) {
            wanted = true;
            if (state == State.CONNECTED) return CompletableFuture.completedFuture(null);
            if (identified.isDone()) identified = new CompletableFuture<>();
            done = identified;
            if (state == State.CONNECTING) return done;
            open(State.CONNECTING);
        }
        listener.statusChanged(this);
        return done;
    }

    /** Sends one request; the answer's responseData, or {@link ObsRequestException} with OBS's reason. */
    public CompletableFuture<JsonNode> request(String type, Map<String, ?> data) {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
            if (state != State.CONNECTED || ws == null) {
                return CompletableFuture.failedFuture(new NotConnected("OBS '" + id + "' is not connected: " + message));
            }
        }
        String requestId = id + "-" + requestIds.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(requestId, new Pending(type, answer));
        ObjectNode d = Json.MAPPER.createObjectNode().put("requestType", type).put("requestId", requestId);
        if (data != null && !data.isEmpty()) d.set("requestData", Json.MAPPER.valueToTree(data));
        send(ws, message(6, d)).whenComplete((ok, error) -> {
            if (error != null) answer.completeExceptionally(new NotConnected("Sending to OBS failed: " + error.getMessage()));
        });
        return answer.orTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> pending.remove(requestId));
    }

    @Override
    public void close() {
        WebSocket ws;
        synchronized (this) {
            wanted = false;
            generation++;
            cancelRetry();
            keepAlive.cancel(false);
            ws = socket;
            socket = null;
            setState(State.DISCONNECTED, "Disconnected");
        }
        failPending("the connection was closed");
        if (ws != null) ws.sendClose(WebSocket.NORMAL_CLOSURE, "LTTH disconnects").whenComplete((w, e) -> ws.abort());
        listener.statusChanged(this);
    }

    private synchronized void open(State as) {
        int gen = ++generation;
        cancelRetry();
        setState(as, "Connecting to " + target.host() + ":" + target.port());
        http.newWebSocketBuilder().subprotocols("obswebsocket.json").connectTimeout(Duration.ofSeconds(5))
                .buildAsync(target.uri(), new Receiver(gen))
                .whenCompleteAsync((ws, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        lost(gen, 0, "OBS at " + target.host() + ":" + target.port() + " does not answer ("
                                + describe(cause) + "). Is OBS running with its WebSocket server on (Tools > WebSocket "
                                + "Server Settings)?");
                    }
                }, scheduler);   // never inline: this thread holds the lock that lost() must not call out under
    }

    private static String describe(Throwable t) {
        return Reasons.of(t);
    }

    private void setState(State s, String why) {
        state = s;
        message = why;
    }

    private synchronized void cancelRetry() {
        if (retry != null) retry.cancel(false);
        retry = null;
    }

    /* Listeners are called outside this object's lock: the service calls in while holding its own. */

    /** A socket ended (or never opened): say why, fail what waits, and try again unless that cannot help. */
    private void lost(int gen, int code, String why) {
        synchronized (this) {
            if (gen != generation) return;
            generation++;
            socket = null;
            if (code == AUTH_FAILED || code == UNSUPPORTED_RPC) {
                wanted = false;
                setState(State.AUTH_FAILED, code == AUTH_FAILED
                        ? "OBS refused the password (code 4009, authentication failed). Enter the password shown in OBS "
                        + "under Tools > WebSocket Server Settings > Show Connect Info."
                        : "This OBS speaks another WebSocket protocol version (code 4010): update OBS to 28 or newer.");
            } else if (!wanted) {
                setState(State.DISCONNECTED, why);
            } else {
                long delay = Math.min(maxRetry.toMillis(), firstRetry.toMillis() << Math.min(failures, 16));
                failures++;
                setState(State.RECONNECTING, why + " Trying again in " + Math.max(1, Math.round(delay / 1000.0)) + " s.");
                retry = scheduler.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
            }
            identified.completeExceptionally(new NotConnected(message));
        }
        log.info("OBS '{}': {}", id, message);
        failPending("the connection to OBS was lost");
        listener.statusChanged(this);
    }

    private void reconnect() {
        synchronized (this) {
            if (!wanted) return;
            reconnects++;
            open(State.RECONNECTING);
        }
        listener.statusChanged(this);
    }

    private void failPending(String why) {
        pending.values().forEach(p -> p.answer().completeExceptionally(new NotConnected("No answer from OBS: " + why)));
        pending.clear();
    }

    private void keepAlive() {
        WebSocket ws;
        int gen;
        synchronized (this) {
            ws = socket;
            gen = generation;
            if (ws == null || state != State.CONNECTED) return;
        }
        if (System.currentTimeMillis() - lastHeard > silenceLimit.toMillis()) {
            lost(gen, 0, "OBS stopped answering.");
            ws.abort();
        } else {
            ws.sendPing(ByteBuffer.allocate(0));
        }
    }

    private synchronized CompletableFuture<?> send(WebSocket ws, String text) {
        sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
        return sending;
    }

    private static String message(int op, ObjectNode d) {
        ObjectNode m = Json.MAPPER.createObjectNode().put("op", op);
        m.set("d", d);
        return m.toString();
    }

    private void handle(int gen, WebSocket ws, String text) throws Exception {
        lastHeard = System.currentTimeMillis();
        JsonNode m = Json.MAPPER.readTree(text);
        JsonNode d = m.path("d");
        switch (m.path("op").asInt(-1)) {
            case 0 -> hello(gen, ws, d);
            case 2 -> identified(gen);
            case 5 -> event(d.path("eventType").asText(), d.path("eventData"));
            case 7 -> answer(d);
            default -> { }
        }
    }

    private void hello(int gen, WebSocket ws, JsonNode d) {
        ObjectNode identify = Json.MAPPER.createObjectNode().put("rpcVersion", 1).put("eventSubscriptions", SUBSCRIPTIONS);
        JsonNode auth = d.get("authentication");
        if (auth != null) {
            if (target.password().isEmpty()) {
                synchronized (this) {
                    if (gen != generation) return;
                    generation++;
                    wanted = false;
                    socket = null;
                    setState(State.AUTH_FAILED, "OBS asks for a password: enter the one shown in OBS under Tools > "
                            + "WebSocket Server Settings > Show Connect Info.");
                    identified.completeExceptionally(new NotConnected(message));
                }
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "no password");
                listener.statusChanged(this);
                return;
            }
            identify.put("authentication", ChallengeAnswer.answer(target.password(), auth.path("salt").asText(),
                    auth.path("challenge").asText()));
        }
        obsVersion = d.path("obsWebSocketVersion").asText("");
        send(ws, message(1, identify));
    }

    private void identified(int gen) {
        synchronized (this) {
            if (gen != generation) return;
            failures = 0;
            setState(State.CONNECTED, "Connected to " + target.host() + ":" + target.port());
            identified.complete(null);
        }
        log.info("OBS '{}': connected to {}:{}", id, target.host(), target.port());
        listener.statusChanged(this);
        request("GetCurrentProgramScene", Map.of()).thenAccept(r -> currentScene = r.path("currentProgramSceneName").asText(currentScene))
                .thenCompose(x -> request("GetStreamStatus", Map.of())).thenAccept(r -> streaming = r.path("outputActive").asBoolean())
                .thenCompose(x -> request("GetRecordStatus", Map.of())).thenAccept(r -> recording = r.path("outputActive").asBoolean())
                .whenComplete((x, e) -> {
                    if (e != null) log.debug("OBS '{}': reading its status failed: {}", id, e.getMessage());
                    listener.statusChanged(this);
                });
    }

    private void event(String type, JsonNode data) {
        switch (type) {
            case "CurrentProgramSceneChanged" -> currentScene = data.path("sceneName").asText(currentScene);
            case "StreamStateChanged" -> streaming = data.path("outputActive").asBoolean(streaming);
            case "RecordStateChanged" -> recording = data.path("outputActive").asBoolean(recording);
            case "ExitStarted" -> message = "OBS is closing";
            default -> { }
        }
        listener.event(this, type, data);
        if (type.equals("CurrentProgramSceneChanged") || type.endsWith("StateChanged") || type.equals("ExitStarted")) {
            listener.statusChanged(this);
        }
    }

    private void answer(JsonNode d) {
        Pending p = pending.remove(d.path("requestId").asText());
        if (p == null) return;
        JsonNode status = d.path("requestStatus");
        if (status.path("result").asBoolean(false)) {
            p.answer().complete(d.path("responseData"));
        } else {
            p.answer().completeExceptionally(new ObsRequestException(p.type(), status.path("code").asInt(), status.path("comment").asText("")));
        }
    }

    private final class Receiver implements WebSocket.Listener {
        private final int gen;
        private final StringBuilder text = new StringBuilder();

        Receiver(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket ws) {
            synchronized (ObsConnection.this) {
                if (gen != generation) {
                    ws.abort();
                    return;
                }
                socket = ws;
            }
            ws.request(1);
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
                    log.warn("OBS '{}': a message could not be read and was skipped: {}", id, e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            lastHeard = System.currentTimeMillis();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            lost(gen, statusCode, "OBS closed the connection" + (reason == null || reason.isBlank() ? "" : " (" + reason + ")") + ".");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lost(gen, 0, "The connection to OBS broke (" + describe(error) + ").");
        }
    }
}
