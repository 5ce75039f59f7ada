package app.ltth.live.webcast;

import app.ltth.errors.Reasons;
import app.ltth.i18n.Message;
import app.ltth.live.webcast.WebcastException.Problem;
import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import app.ltth.threads.DaemonThreads;
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
        ProtoMessageFetchResult result = signed.fetchResult();
        if (result.getPushServer().isEmpty()) {
            throw new WebcastException(Problem.SIGN_SERVICE, Message.of("connect.error.signNoServer"),
                    "The signing service gave no server to connect to. LTTH tries again.", true);
        }
        WebcastSession session = new WebcastSession(config, roomId, handler);
        try {
            URI uri = URI.create(url(result.getPushServer(), config.browserParams(), roomId, result));
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(config.httpTimeout())
                    .header("User-Agent", config.userAgent())
                    .header("Origin", WebcastConfig.WEB_ORIGIN).header("Referer", WebcastConfig.WEB_ORIGIN + "/");
            if (!signed.cookie().isEmpty()) builder.header("Cookie", signed.cookie());
            session.socket = builder.buildAsync(uri, session).get(config.httpTimeout().toMillis(), TimeUnit.MILLISECONDS);
            session.send(WebcastCodec.enterRoom(roomId, result.getCursor()));
        } catch (ExecutionException e) {
            session.close();
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                String why = h.getResponse().headers().firstValue("handshake-msg").orElse("HTTP " + h.getResponse().statusCode());
                throw new WebcastException.Refused(why);
            }
            throw new WebcastException(Problem.TIKTOK, Message.of("connect.error.tiktokFailed"), "Connecting to TikTok failed: " + Reasons.of(e)
                    + ". LTTH tries again.", true, e.getCause());
        } catch (TimeoutException e) {
            session.close();
            throw new WebcastException(Problem.TIKTOK, Message.of("connect.error.tiktokTimeout"),
                    "TikTok did not answer the connection in time. LTTH tries again.", true, e);
        } catch (RuntimeException e) {
            // An odd push-server address, a send that failed right after the upgrade: never the end of the LIVE.
            session.close();
            throw new WebcastException(Problem.TIKTOK, Message.of("connect.error.tiktokFailed"), "Connecting to TikTok failed (" + Reasons.of(e) + "). LTTH tries again.", true, e);
        }
        long every = config.heartbeat().toMillis();
        session.heartbeat.scheduleAtFixedRate(session::beat, every, every, TimeUnit.MILLISECONDS);
        return session;
    }

    /**
     * The websocket address as TikTok's web client builds it: the push server, the browser's parameters, the
     * connection's own values, the signer's route parameters (empty ones dropped), then the trailing version code.
     */
    static String url(String pushServer, Map<String, String> browserParams, long roomId, ProtoMessageFetchResult result) {
        Map<String, String> params = new LinkedHashMap<>(browserParams);
        params.put("room_id", String.valueOf(roomId));
        params.put("cursor", result.getCursor());
        params.put("internal_ext", result.getInternalExt());
        params.put("resp_content_type", "protobuf");
        params.put("compress", "gzip");
        result.getRouteParamsMap().forEach((k, v) -> {
            if (!v.isEmpty()) params.put(k, v);
        });
        String query = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String joiner = !pushServer.contains("?") ? "?" : pushServer.endsWith("?") || pushServer.endsWith("&") ? "" : "&";
        return pushServer + joiner + query + "&version_code=270000";
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
        end("broken (" + Reasons.of(error) + ")");
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
