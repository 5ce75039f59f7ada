package app.ltth.live.webcast;

import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import app.ltth.live.webcast.proto.PushFrame;
import io.javalin.Javalin;
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
 * what the client sends, and can be told to misbehave. Public for the end-to-end benchmark, which feeds LTTH through it.
 */
public final class FakeTikTok implements AutoCloseable {

    static final String ROOM = "7300000000000000001";
    static final String COOKIE = "ttwid=fake-cookie";
    static final String SIGN_PATH = "/webcast/fetch?client=ltth&room_id={roomId}&client_enter=true&user_agent={userAgent}";

    /** The web client's parameters TikTok insists on: without them the upgrade is refused with "illegal app_id". */
    static final Map<String, String> BROWSER_PARAMS = Map.ofEntries(Map.entry("aid", "1988"),
            Map.entry("app_name", "tiktok_web"), Map.entry("device_platform", "web"), Map.entry("identity", "audience"),
            Map.entry("live_id", "12"), Map.entry("did_rule", "3"), Map.entry("client_enter", "1"),
            Map.entry("cookie_enabled", "true"), Map.entry("browser_online", "true"),
            Map.entry("resp_content_type", "protobuf"), Map.entry("compress", "gzip"));
    static final List<String> BROWSER_FIELDS = List.of("browser_name", "browser_version", "browser_platform",
            "browser_language", "tz_name", "screen_width", "screen_height", "heartbeat_duration", "update_version_code",
            "webcast_sdk_version");

    volatile int streamerStatus = 2;      // the LIVE page's status for @streamer: 2 live, 4 ended
    final List<String> apiLiveCookies = new CopyOnWriteArrayList<>();
    volatile int signStatus = 200;
    volatile String signBody = "{\"message\":\"Too many requests from this key\",\"limit_label\":\"free\"}";
    volatile String retryAfter;          // Retry-After of a refused sign request, if any
    volatile boolean signCookie = true;  // false: a 200 without x-set-tt-cookie
    final AtomicInteger signFailuresLeft = new AtomicInteger();   // the next N sign requests answer 500
    volatile String handshakeRefusal;   // e.g. "DEVICE_BLOCKED": every upgrade is refused with this header
    volatile String lastSignedAgent;
    final AtomicInteger refusedUpgrades = new AtomicInteger();
    final List<String> signRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger signs = new AtomicInteger();
    /** What the sign service's fetch result carries besides the address: the room's first (often history) messages. */
    volatile List<app.ltth.live.webcast.proto.BaseProtoMessage> initialMessages = List.of();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger closedConnections = new AtomicInteger();
    final BlockingQueue<PushFrame> received = new LinkedBlockingQueue<>();
    final List<Map<String, String>> handshakes = new CopyOnWriteArrayList<>();
    static final String RELAY_KEY = "euler-test-key";
    final AtomicInteger relayConnections = new AtomicInteger();
    private volatile WsContext relayClient;
    private volatile WsContext client;
    private final Javalin server;

    public FakeTikTok() {
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.get("/@{user}/live", ctx -> {
                ctx.header("Set-Cookie", "ttwid=from-the-page; Path=/");
                switch (ctx.pathParam("user")) {
                    case "streamer" -> ctx.html(page(ROOM, streamerStatus));
                    case "paused_streamer" -> ctx.html(page(ROOM, 3));
                    case "quiet_streamer" -> ctx.html(page(ROOM, 0).replace(",\"liveRoom\":{\"status\":0}", ""));
                    case "offline_streamer" -> ctx.html(page("7300000000000000002", 4));
                    default -> ctx.html("<html><body>Please verify you are a human</body></html>");   // WAF page
                }
            });
            cfg.routes.get("/api-live/user/room/", ctx -> {
                apiLiveCookies.add(String.valueOf(ctx.header("Cookie")));
                String user = String.valueOf(ctx.queryParam("uniqueId"));
                if (user.equals("paused_streamer") || user.equals("quiet_streamer")) {
                    ctx.json(Map.of("statusCode", 0, "data", Map.of("user", Map.of("roomId", ROOM),
                            "liveRoom", Map.of("status", user.equals("paused_streamer") ? 3 : 4))));
                } else if ("waf_user".equals(ctx.queryParam("uniqueId"))) {
                    ctx.json(Map.of("statusCode", 0, "data", Map.of("user", Map.of("roomId", ROOM),
                            "liveRoom", Map.of("status", 2))));
                } else {
                    ctx.json(Map.of("statusCode", 19881007, "message", "user_not_found"));
                }
            });
            cfg.routes.get("/webcast/fetch", ctx -> {
                signs.incrementAndGet();
                signRequests.add(ctx.fullUrl());
                // The signer signs for the agent the socket will send, and only for a client that enters the room.
                String agent = ctx.queryParam("user_agent");
                if (agent == null || agent.isBlank() || !"true".equals(ctx.queryParam("client_enter"))) {
                    ctx.status(400).json(Map.of("message", "user_agent and client_enter=true are required"));
                    return;
                }
                if (signFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    ctx.status(500).json(Map.of("message", "internal error"));
                    return;
                }
                if (signStatus != 200) {
                    if (retryAfter != null) ctx.header("Retry-After", retryAfter);
                    ctx.status(signStatus).contentType("application/json").result(signBody);
                    return;
                }
                lastSignedAgent = agent;
                ProtoMessageFetchResult result = ProtoMessageFetchResult.newBuilder()
                        .setPushServer("ws://127.0.0.1:" + port() + "/webcast/im/push")
                        .setCursor("cursor-" + signs.get()).setInternalExt("ext-" + signs.get())
                                .putRouteParams("wrss", "route-param").putRouteParams("empty_param", "")
                        .addAllMessages(initialMessages).build();
                if (signCookie) ctx.header("x-set-tt-cookie", COOKIE);
                ctx.contentType("application/protobuf").result(result.toByteArray());
            });
            cfg.routes.wsBeforeUpgrade("/webcast/im/push", ctx -> {
                String refusal = refusal(ctx);
                if (refusal != null) {
                    refusedUpgrades.incrementAndGet();
                    ctx.header("handshake-msg", refusal);
                    throw new io.javalin.http.HttpResponseException(200, "refused");
                }
            });
            cfg.routes.ws("/relay", ws -> {
                ws.onConnect(ctx -> {
                    relayConnections.incrementAndGet();
                    String key = ctx.queryParam("apiKey");
                    if (!RELAY_KEY.equals(key)) {
                        ctx.closeSession(4401, "Invalid API key");
                    } else if ("offline_streamer".equals(ctx.queryParam("uniqueId"))) {
                        ctx.closeSession(4404, "User is not live");
                    } else {
                        ctx.session.setIdleTimeout(Duration.ofMinutes(5));
                        relayClient = ctx;
                    }
                });
                ws.onClose(ctx -> {
                    if (relayClient == ctx) relayClient = null;
                });
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
                    closedConnections.incrementAndGet();
                    if (client == ctx) client = null;
                });
            });
        }).start();
    }

    /** Why TikTok would refuse this upgrade, or null to accept it. */
    private String refusal(io.javalin.http.Context ctx) {
        if (handshakeRefusal != null) return handshakeRefusal;
        for (Map.Entry<String, String> p : BROWSER_PARAMS.entrySet()) {
            if (!p.getValue().equals(ctx.queryParam(p.getKey()))) return "illegal app_id";
        }
        for (String field : BROWSER_FIELDS) {
            if (ctx.queryParam(field) == null || ctx.queryParam(field).isBlank()) return "illegal app_id";
        }
        List<String> versions = ctx.queryParams("version_code");
        if (versions.size() != 2 || !versions.get(0).equals("180800") || !versions.get(1).equals("270000")) {
            return "illegal app_id";
        }
        if (!ROOM.equals(ctx.queryParam("room_id")) || !"route-param".equals(ctx.queryParam("wrss"))
                || ctx.queryParamMap().containsKey("empty_param") || ctx.queryParam("cursor") == null
                || ctx.queryParam("internal_ext") == null) {
            return "illegal app_id";
        }
        String agent = ctx.header("User-Agent");
        if (agent == null || !agent.equals(lastSignedAgent)) return "illegal app_id";
        String cookie = ctx.header("Cookie");
        if (cookie == null || !cookie.contains(COOKIE)) return "illegal app_id";
        if (!"https://www.tiktok.com".equals(ctx.header("Origin"))) return "illegal app_id";
        return null;
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
        String agent = "Mozilla/5.0 (LTTH test agent)";
        return new WebcastConfig(base + "/@{user}/live", base + "/api-live/user/room/?uniqueId={user}",
                base + SIGN_PATH, relayUrl(), agent, BrowserParams.defaults(agent, java.time.ZoneId.of("UTC")),
                heartbeat, silenceLimit, Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofSeconds(5));
    }

    /** The settings that point LTTH at this fake, as the fields of a PUT /api/settings body (no braces). */
    public String settingsFields() {
        String base = "http://127.0.0.1:" + port();
        return "\"tiktok.livePageUrl\":\"" + base + "/@{user}/live\",\"tiktok.apiLiveUrl\":\"" + base
                + "/api-live/user/room/?uniqueId={user}\",\"tiktok.signUrl\":\"" + base + SIGN_PATH
                + "\",\"tiktok.relayUrl\":\"" + relayUrl() + "\"";
    }

    String relayUrl() {
        return "ws://127.0.0.1:" + port() + "/relay?uniqueId={user}&apiKey={apiKey}";
    }

    /** Waits for a relay client, then sends it one JSON frame. */
    void relaySend(String json) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (relayClient == null) {
            if (System.nanoTime() > deadline) throw new AssertionError("no client connected to the fake relay");
            Thread.sleep(10);
        }
        relayClient.send(json);
    }

    /** Waits for the client's socket, then sends it a frame. */
    public void send(byte[] frame) throws InterruptedException {
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
    }
}
