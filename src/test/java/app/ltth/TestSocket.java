package app.ltth;

import app.ltth.json.Json;
import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real socket.io client (protocol v4, websocket only, as browsers connect) that records what it receives. */
public final class TestSocket implements AutoCloseable {

    private final Socket socket;
    private final Map<String, BlockingQueue<JsonNode>> received = new ConcurrentHashMap<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch refused = new CountDownLatch(1);

    private TestSocket(String url, String origin, List<String> subscription, String... events) {
        io.socket.client.SocketOptionBuilder options = IO.Options.builder()
                .setTransports(new String[] {WebSocket.NAME})
                .setReconnection(false)
                .setForceNew(true);
        if (origin != null) options.setExtraHeaders(Map.of("Origin", List.of(origin)));
        socket = IO.socket(URI.create(url), options.build());
        socket.on(Socket.EVENT_CONNECT, args -> {
            if (subscription == null) {
                socket.emit(SocketEvents.HELLO);
            } else {
                socket.emit(SocketEvents.HELLO, new org.json.JSONObject(Map.of("subscribe", new org.json.JSONArray(subscription))));
            }
        });
        // The server greets with the status once it has taken the hello: from then on broadcasts reach us.
        socket.on(SocketEvents.STATUS, args -> connected.countDown());
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> refused.countDown());
        for (String event : events) {
            BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
            received.put(event, queue);
            socket.on(event, args -> queue.add(parse(args[0])));
        }
        socket.connect();
    }

    /** Connects and waits until the server accepted the connection and greeted it. */
    public static TestSocket connect(String url, String origin, String... events) throws InterruptedException {
        return subscribe(url, origin, null, events);
    }

    /** Connects as an overlay does: saying in its hello which Socket.IO events it listens to. */
    public static TestSocket subscribe(String url, String origin, List<String> subscription, String... events)
            throws InterruptedException {
        TestSocket s = new TestSocket(url, origin, subscription, events);
        if (!s.connected.await(10, TimeUnit.SECONDS)) {
            s.close();
            throw new AssertionError("socket.io client did not connect to " + url);
        }
        return s;
    }

    /** Tries to connect; true when the server refused (or did not answer) within the time. */
    public static boolean isRefused(String url, String origin) throws InterruptedException {
        try (TestSocket s = new TestSocket(url, origin, null)) {
            boolean refused = s.refused.await(10, TimeUnit.SECONDS);
            return refused && s.connected.getCount() == 1;
        }
    }

    /** The first message of {@code event} that matches, waiting up to 10 s. */
    public JsonNode await(String event, Predicate<JsonNode> matching) throws InterruptedException {
        BlockingQueue<JsonNode> queue = received.get(event);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (message == null) throw new AssertionError("no matching '" + event + "' message within 10 s");
            if (matching.test(message)) return message;
        }
    }

    /** Sends an event to the server, as a page does (e.g. the audio overlay's audio:ended). */
    public void emit(String event, String json) throws org.json.JSONException {
        socket.emit(event, new org.json.JSONObject(json));
    }

    /** Every message of {@code event} received so far, taken out of the queue. */
    public java.util.List<JsonNode> drain(String event) {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        received.get(event).drainTo(all);
        return all;
    }

    private static JsonNode parse(Object arg) {
        try {
            return Json.MAPPER.readTree(arg.toString());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + arg, e);
        }
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
