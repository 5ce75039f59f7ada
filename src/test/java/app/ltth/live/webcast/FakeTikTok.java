package app.ltth.live.webcast;

import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import app.ltth.live.webcast.proto.PushFrame;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import java.net.InetSocketAddress;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local TikTok that speaks the real protocol on 127.0.0.1: the LIVE page with SIGI_STATE, the api-live JSON, the
 * sign service (a binary fetch result and the cookie header) and the websocket with real protobuf frames. It records
 * what the client sends, and can be told to misbehave.
 */
final class FakeTikTok implements AutoCloseable {

    static final String ROOM = "7300000000000000001";
    static final String COOKIE = "ttwid=fake-cookie";

    volatile int signStatus = 200;
    volatile String handshakeRefusal;   // e.g. "DEVICE_BLOCKED": the upgrade is answered with 200 and this header
    final AtomicInteger signs = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    final BlockingQueue<PushFrame> received = new LinkedBlockingQueue<>();
    final List<Map<String, String>> handshakes = new CopyOnWriteArrayList<>();
    private volatile WsContext client;
    private final Javalin server;
    private final HttpServer refuser;

    FakeTikTok() {
        // TikTok refuses an upgrade with HTTP 200 (not 101) and says why in a header. (Javalin would route an upgrade
        // request to its websocket handlers only, so a plain JDK server plays this part.)
        try {
            refuser = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        refuser.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("handshake-msg", String.valueOf(handshakeRefusal));
            byte[] body = "refused".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refuser.start();
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.get("/@{user}/live", ctx -> {
                switch (ctx.pathParam("user")) {
                    case "streamer" -> ctx.html(page(ROOM, 2));
                    case "offline_streamer" -> ctx.html(page("7300000000000000002", 4));
                    default -> ctx.html("<html><body>Please verify you are a human</body></html>");   // WAF page
                }
            });
            cfg.routes.get("/api-live/user/room/", ctx -> {
                if ("waf_user".equals(ctx.queryParam("uniqueId"))) {
                    ctx.json(Map.of("statusCode", 0, "data", Map.of("user", Map.of("roomId", ROOM),
                            "liveRoom", Map.of("status", 2))));
                } else {
                    ctx.json(Map.of("statusCode", 19881007, "message", "user_not_found"));
                }
            });
            cfg.routes.get("/webcast/fetch", ctx -> {
                signs.incrementAndGet();
                if (signStatus != 200) {
                    ctx.status(signStatus).json(Map.of("error", "limited", "limit_label", "free"));
                    return;
                }
                ProtoMessageFetchResult result = ProtoMessageFetchResult.newBuilder()
                        .setPushServer(handshakeRefusal == null ? "ws://127.0.0.1:" + port() + "/webcast/im/push"
                                : "ws://127.0.0.1:" + refuser.getAddress().getPort() + "/webcast/im/push")
                        .setCursor("cursor-" + signs.get()).setInternalExt("ext-" + signs.get())
                        .putRouteParams("wrss", "route-param").build();
                ctx.header("x-set-tt-cookie", COOKIE).contentType("application/protobuf").result(result.toByteArray());
            });
            cfg.routes.ws("/webcast/im/push", ws -> {
                ws.onConnect(ctx -> {
                    connections.incrementAndGet();
                    handshakes.add(Map.of("User-Agent", String.valueOf(ctx.header("User-Agent")),
                            "Cookie", String.valueOf(ctx.header("Cookie")),
                            "room_id", String.valueOf(ctx.queryParam("room_id")),
                            "cursor", String.valueOf(ctx.queryParam("cursor")),
                            "wrss", String.valueOf(ctx.queryParam("wrss")),
                            "compress", String.valueOf(ctx.queryParam("compress"))));
                    ctx.session.setIdleTimeout(Duration.ofMinutes(5));
                    client = ctx;
                });
                ws.onBinaryMessage(ctx -> {
                    byte[] bytes = new byte[ctx.data().remaining()];
                    ctx.data().get(bytes);
                    received.add(PushFrame.parseFrom(bytes));
                });
                ws.onClose(ctx -> {
                    if (client == ctx) client = null;
                });
            });
        }).start();
    }

    private static String page(String roomId, int status) {
        return "<html><head><script id=\"SIGI_STATE\" type=\"application/json\">{\"LiveRoom\":{\"liveRoomUserInfo\":"
                + "{\"user\":{\"roomId\":\"" + roomId + "\"},\"liveRoom\":{\"status\":" + status + "}}}}</script></head></html>";
    }

    int port() {
        return server.port();
    }

    WebcastConfig config(Duration heartbeat, Duration silenceLimit) {
        String base = "http://127.0.0.1:" + port();
        return new WebcastConfig(base + "/@{user}/live", base + "/api-live/user/room/?uniqueId={user}",
                base + "/webcast/fetch?room_id={roomId}", "LTTH-test-agent", heartbeat, silenceLimit,
                Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** Waits for the client's socket, then sends it a frame. */
    void send(byte[] frame) throws InterruptedException {
        awaitClient();
        client.send(ByteBuffer.wrap(frame));
    }

    void awaitClient() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client == null) {
            if (System.nanoTime() > deadline) throw new AssertionError("no client connected to the fake TikTok");
            Thread.sleep(10);
        }
    }

    /** Closes the client's socket, as TikTok does every few hours. */
    void dropClient() throws InterruptedException {
        awaitClient();
        WsContext c = client;
        client = null;
        c.closeSession(1001, "going away");
    }

    /** Keeps the socket open but sends nothing more and ignores what arrives: a silent connection. */
    void forgetClient() {
        client = null;
    }

    /** The next frame the client sent of this payload type. */
    PushFrame awaitReceived(String payloadType) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            PushFrame f = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (f == null) throw new AssertionError("the client sent no '" + payloadType + "' frame within 10 s");
            if (f.getPayloadType().equals(payloadType)) return f;
        }
    }

    @Override
    public void close() {
        server.stop();
        refuser.stop(0);
    }
}
