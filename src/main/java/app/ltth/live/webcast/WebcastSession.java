package app.ltth.live.webcast;

import app.ltth.DaemonThreads;
import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One websocket connection to a room: joins it, sends the heartbeat, answers acks, and hands every frame to its
 * handler. It never reconnects by itself; {@link WebcastSource} decides that.
 */
final class WebcastSession implements WebSocket.Listener {

    interface Handler {
        void frame(byte[] frame);

        /** The socket is gone (closed by TikTok, or broken); not called after {@link #close()}. */
        void closed(String reason);
    }

    private final WebcastConfig config;
    private final long roomId;
    private final Handler handler;
    private final ScheduledExecutorService heartbeat;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final AtomicLong heartbeatSeq = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile WebSocket socket;

    private WebcastSession(WebcastConfig config, long roomId, Handler handler) {
        this.config = config;
        this.roomId = roomId;
        this.handler = handler;
        this.heartbeat = DaemonThreads.scheduler("ltth-webcast-heartbeat");
    }

    static WebcastSession open(HttpClient http, WebcastConfig config, long roomId, SignClient.Signed signed,
                               Handler handler) throws WebcastException, InterruptedException {
        WebcastSession session = new WebcastSession(config, roomId, handler);
        ProtoMessageFetchResult result = signed.fetchResult();
        if (result.getPushServer().isEmpty()) {
            throw new WebcastException("The signing service gave no server to connect to. Try again later.", true);
        }
        URI uri = URI.create(result.getPushServer() + "?" + query(roomId, result));
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(config.httpTimeout())
                .header("User-Agent", config.userAgent());
        if (!signed.cookie().isEmpty()) builder.header("Cookie", signed.cookie());
        try {
            session.socket = builder.buildAsync(uri, session).get(config.httpTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            session.heartbeat.shutdownNow();
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                String why = h.getResponse().headers().firstValue("handshake-msg").orElse("HTTP " + h.getResponse().statusCode());
                throw new WebcastException("TikTok refused the connection: " + why
                        + (why.contains("DEVICE_BLOCKED") ? ". TikTok blocks this device for now; wait a while or "
                        + "use an API key in the settings." : "."), true, h);
            }
            throw new WebcastException("Connecting to TikTok failed: " + e.getCause().getMessage(), true, e.getCause());
        } catch (TimeoutException e) {
            session.heartbeat.shutdownNow();
            throw new WebcastException("TikTok did not answer the connection in time.", true, e);
        }
        session.send(WebcastCodec.enterRoom(roomId, result.getCursor()));
        long every = config.heartbeat().toMillis();
        session.heartbeat.scheduleAtFixedRate(session::beat, every, every, TimeUnit.MILLISECONDS);
        return session;
    }

    static String query(long roomId, ProtoMessageFetchResult result) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("room_id", String.valueOf(roomId));
        params.put("cursor", result.getCursor());
        params.put("internal_ext", result.getInternalExt());
        params.put("resp_content_type", "protobuf");
        params.put("compress", "gzip");
        params.putAll(result.getRouteParamsMap());
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void beat() {
        try {
            send(WebcastCodec.heartbeat(roomId, heartbeatSeq.incrementAndGet()));
        } catch (RuntimeException e) {
            // The socket is gone; onClose/onError reports it.
        }
    }

    void ack(long logId, String internalExt) {
        send(WebcastCodec.ack(logId, internalExt));
    }

    /** One send at a time: java.net.http allows no overlapping sends. */
    private synchronized void send(byte[] bytes) {
        WebSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) return;
        ws.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.write(chunk, 0, chunk.length);
        if (last) {
            byte[] frame = partial.toByteArray();
            partial.reset();
            handler.frame(frame);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        end("closed by TikTok (" + statusCode + (reason.isEmpty() ? "" : ", " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end("connection broke (" + error.getMessage() + ")");
    }

    private void end(String reason) {
        heartbeat.shutdownNow();
        if (closing.compareAndSet(false, true)) handler.closed(reason);
    }

    /** Closes the socket without reporting it as lost. */
    void close() {
        closing.set(true);
        heartbeat.shutdownNow();
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> ws.abort());
        }
    }

}
