package app.ltth.obs;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OBS that speaks obs-websocket v5 (subprotocol obswebsocket.json): Hello with a challenge when it has a
 * password, close code 4009 for a wrong answer, requests with OBS's answers and failure codes, and the events a
 * client subscribes to. Its challenge check is written here from the protocol, not borrowed from LTTH's code.
 * Every request it receives is kept for the test to look at.
 */
public final class FakeObs implements AutoCloseable {

    public record Request(String type, JsonNode data) {
    }

    private final String password;
    private final String salt = "c2FsdC1mb3ItdGVzdHM=";
    private final String challenge = "Y2hhbGxlbmdlLWZvci10ZXN0cw==";
    private final NioEventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger identified = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<Channel, Integer> subscriptions = new ConcurrentHashMap<>();
    // OBS's state; touched only on the single event loop thread
    private final List<String> scenes = new ArrayList<>(List.of("Starting", "Gameplay", "Just Chatting", "Cam B", "Cam C"));
    private final Map<String, Map<String, Boolean>> sceneItems = new LinkedHashMap<>();
    private final Map<String, Map<String, Boolean>> filters = new LinkedHashMap<>();
    private volatile String currentScene = "Starting";
    private volatile boolean streaming;
    private volatile boolean recording;

    public FakeObs(String password) throws InterruptedException {
        this.password = password;
        sceneItems.put("Gameplay", new LinkedHashMap<>(Map.of("Webcam", true)));
        sceneItems.get("Gameplay").put("Cam 2", false);
        sceneItems.get("Gameplay").put("Cam 3", false);
        filters.put("Webcam", new LinkedHashMap<>(Map.of("Blur", false)));
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/", "obswebsocket.json"), new Handler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    public int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    /** How many sessions passed Identify. */
    public int identifiedCount() {
        return identified.get();
    }

    /** How many Identify answers were refused with 4009. */
    public int refusedCount() {
        return refused.get();
    }

    public String currentScene() {
        return currentScene;
    }

    /** The next request of {@code type} the fake received, waiting up to 5 s. */
    public Request next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Request r = requests.poll(100, TimeUnit.MILLISECONDS);
            if (r != null && r.type().equals(type)) return r;
        }
        throw new AssertionError("OBS received no " + type);
    }

    public List<Request> received() {
        return List.copyOf(requests);
    }

    /** Ends every connection without a close frame, as a crashing OBS or a pulled cable does. */
    public void dropAll() throws InterruptedException {
        clients.close().sync();
    }

    /** The streamer clicks a scene in OBS itself. */
    public void clickScene(String scene) {
        group.execute(() -> switchScene(scene));
    }

    private void switchScene(String scene) {
        currentScene = scene;
        ObjectNode data = Json.MAPPER.createObjectNode().put("sceneName", scene);
        broadcast(4, "CurrentProgramSceneChanged", data);
    }

    private void broadcast(int bit, String type, ObjectNode data) {
        ObjectNode d = Json.MAPPER.createObjectNode().put("eventType", type).put("eventIntent", bit);
        d.set("eventData", data);
        subscriptions.forEach((ch, mask) -> {
            if ((mask & bit) != 0) ch.writeAndFlush(frame(5, d));
        });
    }

    private static TextWebSocketFrame frame(int op, ObjectNode d) {
        ObjectNode m = Json.MAPPER.createObjectNode().put("op", op);
        m.set("d", d);
        return new TextWebSocketFrame(m.toString());
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                clients.add(ctx.channel());
                ObjectNode hello = Json.MAPPER.createObjectNode().put("obsWebSocketVersion", "5.5.0").put("rpcVersion", 1);
                if (password != null) hello.putObject("authentication").put("challenge", challenge).put("salt", salt);
                ctx.writeAndFlush(frame(0, hello));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws Exception {
            JsonNode m = Json.MAPPER.readTree(frame.text());
            JsonNode d = m.path("d");
            switch (m.path("op").asInt()) {
                case 1 -> {
                    if (password != null && !sha256(sha256(password + salt) + challenge).equals(d.path("authentication").asText())) {
                        refused.incrementAndGet();
                        ctx.writeAndFlush(new CloseWebSocketFrame(4009, "Authentication failed.")).addListener(ChannelFutureListener.CLOSE);
                        return;
                    }
                    subscriptions.put(ctx.channel(), d.path("eventSubscriptions").asInt(2047));
                    identified.incrementAndGet();
                    ctx.writeAndFlush(frame(2, Json.MAPPER.createObjectNode().put("negotiatedRpcVersion", 1)));
                }
                case 6 -> {
                    String type = d.path("requestType").asText();
                    requests.add(new Request(type, d.path("requestData")));
                    ObjectNode answer = Json.MAPPER.createObjectNode().put("requestType", type).put("requestId", d.path("requestId").asText());
                    ObjectNode data = Json.MAPPER.createObjectNode();
                    String failure = answer(type, d.path("requestData"), data);
                    ObjectNode status = answer.putObject("requestStatus").put("result", failure == null).put("code", failure == null ? 100 : Integer.parseInt(failure.substring(0, 3)));
                    if (failure != null) status.put("comment", failure.substring(4));
                    else answer.set("responseData", data);
                    // GetSceneItemList answers late, so answers arrive out of order and must be matched by id
                    long delay = type.equals("GetSceneItemList") ? 300 : 0;
                    ctx.executor().schedule(() -> ctx.writeAndFlush(frame(7, answer)), delay, TimeUnit.MILLISECONDS);
                }
                default -> { }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            subscriptions.remove(ctx.channel());
            super.channelInactive(ctx);
        }

        /** Fills the answer; returns "code comment" when OBS would refuse. */
        private String answer(String type, JsonNode q, ObjectNode data) {
            switch (type) {
                case "GetVersion" -> data.put("obsVersion", "30.2.0").put("obsWebSocketVersion", "5.5.0").put("rpcVersion", 1);
                case "GetCurrentProgramScene" -> data.put("currentProgramSceneName", currentScene).put("sceneName", currentScene);
                case "GetSceneList" -> {
                    data.put("currentProgramSceneName", currentScene);
                    ArrayNode list = data.putArray("scenes");
                    // as OBS does: the bottom scene first, with the highest index on top of its window
                    for (int i = scenes.size() - 1; i >= 0; i--) list.addObject().put("sceneName", scenes.get(i)).put("sceneIndex", scenes.size() - 1 - i);
                }
                case "SetCurrentProgramScene" -> {
                    String scene = q.path("sceneName").asText();
                    if (!scenes.contains(scene)) return "600 No source was found by the name of `" + scene + "`.";
                    switchScene(scene);
                }
                case "GetSceneItemList" -> {
                    Map<String, Boolean> items = sceneItems.get(q.path("sceneName").asText());
                    if (items == null) return "600 No source was found by the name of `" + q.path("sceneName").asText() + "`.";
                    ArrayNode list = data.putArray("sceneItems");
                    int id = 1;
                    for (Map.Entry<String, Boolean> e : items.entrySet()) {
                        list.addObject().put("sceneItemId", id++).put("sourceName", e.getKey()).put("sceneItemEnabled", e.getValue());
                    }
                }
                case "GetSceneItemId" -> {
                    List<String> names = new ArrayList<>(sceneItems.getOrDefault(q.path("sceneName").asText(), Map.of()).keySet());
                    int i = names.indexOf(q.path("sourceName").asText());
                    if (i < 0) return "600 No scene items were found in the specified scene by that name or offset.";
                    data.put("sceneItemId", i + 1);
                }
                case "GetSceneItemEnabled", "SetSceneItemEnabled" -> {
                    Map<String, Boolean> items = sceneItems.get(q.path("sceneName").asText());
                    int id = q.path("sceneItemId").asInt();
                    if (items == null || id < 1 || id > items.size()) return "600 No scene item was found.";
                    String name = new ArrayList<>(items.keySet()).get(id - 1);
                    if (type.startsWith("Set")) items.put(name, q.path("sceneItemEnabled").asBoolean());
                    else data.put("sceneItemEnabled", items.get(name));
                }
                case "GetSourceFilterList" -> {
                    Map<String, Boolean> f = filters.get(q.path("sourceName").asText());
                    if (f == null) return "600 No source was found by the name of `" + q.path("sourceName").asText() + "`.";
                    ArrayNode list = data.putArray("filters");
                    f.forEach((name, on) -> list.addObject().put("filterName", name).put("filterEnabled", on));
                }
                case "GetSourceFilter", "SetSourceFilterEnabled" -> {
                    Map<String, Boolean> f = filters.get(q.path("sourceName").asText());
                    String name = q.path("filterName").asText();
                    if (f == null || !f.containsKey(name)) return "600 No filter was found by that name.";
                    if (type.startsWith("Set")) f.put(name, q.path("filterEnabled").asBoolean());
                    else data.put("filterEnabled", f.get(name));
                }
                case "GetStreamStatus" -> data.put("outputActive", streaming);
                case "GetRecordStatus" -> data.put("outputActive", recording);
                case "StartStream", "StopStream", "ToggleStream" -> {
                    boolean on = type.equals("StartStream") || (type.equals("ToggleStream") && !streaming);
                    if (on == streaming && !type.startsWith("Toggle")) return on ? "500 The stream output is already active." : "501 The stream output is not active.";
                    streaming = on;
                    broadcast(64, "StreamStateChanged", Json.MAPPER.createObjectNode().put("outputActive", on)
                            .put("outputState", on ? "OBS_WEBSOCKET_OUTPUT_STARTED" : "OBS_WEBSOCKET_OUTPUT_STOPPED"));
                }
                case "StartRecord", "StopRecord", "ToggleRecord" -> {
                    boolean on = type.equals("StartRecord") || (type.equals("ToggleRecord") && !recording);
                    if (on == recording && !type.startsWith("Toggle")) return on ? "500 The record output is already active." : "501 The record output is not active.";
                    recording = on;
                    broadcast(64, "RecordStateChanged", Json.MAPPER.createObjectNode().put("outputActive", on)
                            .put("outputState", on ? "OBS_WEBSOCKET_OUTPUT_STARTED" : "OBS_WEBSOCKET_OUTPUT_STOPPED"));
                }
                default -> {
                    return "204 Your request type is not valid.";
                }
            }
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        clients.close().sync();
        server.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
}
