package app.ltth.live.webcast;

import app.ltth.errors.Reasons;
import app.ltth.i18n.Message;
import app.ltth.live.webcast.WebcastException.Problem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A TikTok LIVE through Euler Stream's WebSocket relay, which connects to TikTok for LTTH and forwards its messages as
 * JSON ({@link RelayCodec}). The second way in: chosen by the streamer, or taken over when TikTok keeps refusing the
 * direct socket. Its events take the same path as the direct socket's: dedupe by msgId, gift streaks, the bus.
 * The relay closes with 4401 for a wrong key, 4400 for wrong options and 4404 when the user is not LIVE.
 */
public final class RelaySource extends SupervisedSource {

    static final int BAD_OPTIONS = 4400;
    static final int BAD_KEY = 4401;
    static final int NOT_LIVE = 4404;

    private final String apiKey;
    private final HttpClient http;
    private final AtomicLong badFrames = new AtomicLong();
    private volatile WebSocket socket;

    public RelaySource(String username, String apiKey, WebcastConfig config, HttpClient http) {
        this(username, apiKey, config, http, System::currentTimeMillis);
    }

    RelaySource(String username, String apiKey, WebcastConfig config, HttpClient http, LongSupplier clock) {
        super(username, config, clock);
        this.apiKey = apiKey;
        this.http = http;
    }

    @Override
    public synchronized void start(Context context) throws Exception {
        if (apiKey == null || apiKey.isBlank()) {
            throw new WebcastException(Problem.SETTINGS, Message.of("connect.error.relayNeedsKey"), "The relay needs an API key from eulerstream.com: enter it under Settings > "
                    + "TikTok.", false);
        }
        startSupervised(context, "relay");
    }

    @Override
    protected void connect() throws WebcastException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(UrlTemplate.fill(config.relayUrl(), Map.of("user", username, "apiKey", apiKey)));
        } catch (IllegalArgumentException e) {
            throw new WebcastException(Problem.SETTINGS, Message.of("connect.error.relayAddress"), "The relay address in the settings is not valid. Correct it under Settings "
                    + "> Advanced.", false, e);
        }
        try {
            http.newWebSocketBuilder().connectTimeout(config.httpTimeout()).header("User-Agent", config.userAgent())
                    .buildAsync(uri, new Listener()).get(config.httpTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                int status = h.getResponse().statusCode();
                if (status == 401 || status == 403) {
                    throw new WebcastException(Problem.RELAY, Message.of("connect.error.relayKeyRefused", "status", status),
                            "The relay does not accept the API key (HTTP " + status + "). Check "
                            + "the key under Settings > TikTok.", false);
                }
                throw new WebcastException(Problem.RELAY, Message.of("connect.error.relayRefused", "status", status),
                        "The relay refused the connection (HTTP " + status + "). LTTH tries "
                        + "again.", true);
            }
            throw new WebcastException(Problem.RELAY, Message.of("connect.error.relayUnreachable"), "The relay cannot be reached (" + Reasons.of(e) + "). LTTH "
                    + "tries again.", true, e.getCause());
        } catch (TimeoutException e) {
            throw new WebcastException(Problem.RELAY, Message.of("connect.error.relayTimeout"), "The relay did not answer in time. LTTH tries again.", true, e);
        }
    }

    @Override
    protected boolean stillLive() {
        return true;   // the relay says so itself (4404)
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            socket = ws;   // before any message or close of this socket can arrive
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                onFrame(frame);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            if (ws != socket || !running) return null;
            String why = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
            switch (code) {
                case BAD_KEY -> failed(new WebcastException(Problem.RELAY, Message.of("connect.error.relayKeyRefused",
                        "status", code), "The relay does not accept the API key" + why + ". Check the key under "
                        + "Settings > TikTok, then connect again.", false));
                case BAD_OPTIONS -> failed(new WebcastException(Problem.RELAY, Message.of("connect.error.relayOptions"),
                        "The relay refused the connection's options" + why + ". Check the username and the relay "
                        + "address under Settings > Advanced.", false));
                case NOT_LIVE -> ended("@" + username + " is not LIVE");
                default -> supervisor.lost("The relay closed the connection (" + code + why + ").");
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (ws == socket && running) supervisor.lost("The relay connection broke (" + Reasons.of(error) + ").");
        }
    }

    private void onFrame(String text) {
        long now = clock.getAsLong();
        try {
            RelayCodec.Batch batch = RelayCodec.decode(text, now);
            pipeline.decoded(batch.events(), batch.messages(), batch.failed(), batch.unknown(), now);
            if (!batch.events().isEmpty()) supervisor.delivered();
        } catch (InvalidFrameException e) {
            badFrames.incrementAndGet();
        }
    }

    @Override
    protected void closeConnection() {
        WebSocket ws = socket;
        if (ws != null) ws.abort();
    }

    @Override
    public Map<String, Object> counters() {
        Map<String, Object> c = super.counters();
        c.put("badFrames", badFrames.get());
        return c;
    }
}
