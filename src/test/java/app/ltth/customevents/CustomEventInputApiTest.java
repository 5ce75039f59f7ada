package app.ltth.customevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.TestApp;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomEventInputApiTest {

    @TempDir
    Path dir;
    TestApp app;
    int udpPort;
    String token;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.start(dir);
        JsonNode off = app.get("/api/events/input").json();
        assertThat(off.get("udp").asBoolean() || off.get("websocket").asBoolean() || off.get("http").asBoolean())
                .as("every way in is off until turned on").isFalse();
        assertThat(app.post("/api/events/custom", "{\"name\":\"deck.scene\"}").status()).isEqualTo(403);
        udpPort = TestApp.freeUdpPort();
        TestApp.Response on = app.put("/api/events/input", "{\"udp\":true,\"udpPort\":" + udpPort
                + ",\"websocket\":true,\"http\":true}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("udpListening").asBoolean()).isTrue();
        token = on.json().get("token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void udp(String json) throws Exception {
        udp(json.getBytes(StandardCharsets.UTF_8));
    }

    private void udp(byte[] datagram) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), udpPort));
        }
    }

    private long count(String way, String what) throws Exception {
        return app.get("/api/events/input").json().at("/counts/" + way + "/" + what).asLong();
    }

    private void awaitCount(String way, String what, long n) throws Exception {
        TestApp.await(() -> count(way, what) >= n);
    }

    /** The run of {@code flowId} whose variable step set "scene = {expected}". */
    private void awaitScene(String flowId, String expected) throws Exception {
        TestApp.await(() -> {
            for (JsonNode run : app.get("/api/flows/log").json().get("runs")) {
                if (!run.get("flowId").asText().equals(flowId)) continue;
                for (JsonNode step : run.get("steps")) if (step.get("result").asText().equals("scene = " + expected)) return true;
            }
            return false;
        });
    }

    private String sceneFlow() throws Exception {
        TestApp.Response r = app.post("/api/flows", "{\"name\":\"deck scenes\",\"trigger\":{\"type\":\"custom\","
                + "\"name\":\"deck.scene\"},\"actions\":[{\"type\":\"variable\",\"name\":\"scene\",\"op\":\"set\","
                + "\"value\":\"{scene} via {source} ({name})\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("warnings")).as("{scene} is whatever the program sends: no typo warning").isEmpty();
        return r.json().at("/flow/id").asText();
    }

    /** Collects a WebSocket's answers. */
    private static final class Answers implements WebSocket.Listener {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(Json.MAPPER.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonNode next() throws InterruptedException {
            JsonNode n = received.poll(10, TimeUnit.SECONDS);
            assertThat(n).as("an answer within 10 s").isNotNull();
            return n;
        }
    }

    private WebSocket connect(String query, Answers answers) {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(app.baseUrl().replace("http:", "ws:") + "/api/events/input" + query), answers)
                .join();
    }

    @Test
    void aDatagramAWebSocketMessageAndARequestTriggerTheSameFlowWithTheirFields() throws Exception {
        String flow = sceneFlow();
        assertThat(app.post("/api/flows", "{\"name\":\"x\",\"trigger\":{\"type\":\"event\",\"event\":\"custom\"},"
                + "\"actions\":[{\"type\":\"log\",\"line\":\"x\"}]}").json().get("field").asText()).isEqualTo("trigger.event");
        assertThat(app.post("/api/flows", "{\"name\":\"x\",\"trigger\":{\"type\":\"custom\",\"name\":\"two words\"},"
                + "\"actions\":[{\"type\":\"log\",\"line\":\"x\"}]}").json().get("field").asText()).isEqualTo("trigger.name");
        String other = app.post("/api/flows", "{\"name\":\"other\",\"trigger\":{\"type\":\"custom\",\"name\":\"game.win\"},"
                + "\"actions\":[{\"type\":\"variable\",\"name\":\"w\",\"op\":\"set\",\"value\":\"1\"}]}").json()
                .at("/flow/id").asText();

        udp("{\"token\":\"" + token + "\",\"name\":\"deck.scene\",\"fields\":{\"scene\":\"Intro\"}}");
        awaitScene(flow, "Intro via udp (deck.scene)");

        Answers answers = new Answers();
        WebSocket ws = connect("?token=" + token, answers);
        ws.sendText("{\"name\":\"deck.scene\",\"fields\":{\"scene\":\"Outro 🎬\"}}", true).join();
        JsonNode ok = answers.next();
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("id").asText()).isNotEmpty();
        awaitScene(flow, "Outro 🎬 via websocket (deck.scene)");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();

        TestApp.Response http = app.post("/api/events/custom", "{\"name\":\"deck.scene\",\"fields\":{\"scene\":\"Break\"}}");
        assertThat(http.status()).as(http.body()).isEqualTo(202);
        awaitScene(flow, "Break via http (deck.scene)");

        app.awaitStored();
        JsonNode stored = app.get("/api/events?type=custom").json().get("events");
        assertThat(stored).hasSize(3);
        assertThat(stored).extracting(e -> e.at("/data/source").asText()).containsExactlyInAnyOrder("udp", "websocket", "http");
        assertThat(stored.get(0).at("/data/fields/scene").asText()).isEqualTo("Break");
        assertThat(app.get("/api/flows/log").json().get("runs")).noneMatch(r -> r.get("flowId").asText().equals(other));
        assertThat(count("udp", "accepted") + count("websocket", "accepted") + count("http", "accepted")).isEqualTo(3);
    }

    @Test
    void withoutTheTokenWithBadJsonTooBigOrTooFastNothingIsTakenEachIsCountedAndTheAppCarriesOn() throws Exception {
        String flow = sceneFlow();
        app.put("/api/events/input", "{\"perSecond\":5}");

        udp("{\"name\":\"deck.scene\",\"fields\":{\"scene\":\"no token\"}}");
        udp("{\"token\":\"wrong\",\"name\":\"deck.scene\"}");
        udp("{\"token\":\"" + token + "\",\"name\":");
        udp("{\"token\":\"" + token + "\",\"name\":\"deck.scene\",\"colour\":\"red\"}");
        udp("{\"token\":\"" + token + "\",\"name\":\"deck.scene\",\"fields\":{\"scene\":{\"nested\":1}}}");
        byte[] big = new byte[CustomEvents.MAX_BYTES + 100];
        java.util.Arrays.fill(big, (byte) ' ');
        udp(big);
        awaitCount("udp", "token", 2);
        awaitCount("udp", "json", 1);
        awaitCount("udp", "fields", 2);
        awaitCount("udp", "size", 1);
        assertThat(count("udp", "accepted")).isZero();

        // 10x the limit of 5 a second, all within well under a second: about 5 get through, the rest are counted
        String good = "{\"token\":\"" + token + "\",\"name\":\"deck.scene\",\"fields\":{\"scene\":\"flood\"}}";
        Thread.sleep(1_100);   // the bucket is full again after the refusals above
        byte[] flood = good.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < 50; i++) s.send(new DatagramPacket(flood, flood.length, InetAddress.getLoopbackAddress(), udpPort));
        }
        TestApp.await(() -> count("udp", "accepted") + count("udp", "rate") == 50);
        // The burst of 5 and what the bucket refills while they are read (RateLimiterTest has the exact sums); a slow
        // machine reads them over a second or two, which still leaves most of them dropped.
        assertThat(count("udp", "accepted")).isGreaterThanOrEqualTo(5);
        assertThat(count("udp", "rate")).isGreaterThanOrEqualTo(30);

        assertThatThrownBy(() -> connect("", new Answers())).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThatThrownBy(() -> connect("?token=wrong", new Answers())).hasCauseInstanceOf(WebSocketHandshakeException.class);
        awaitCount("websocket", "token", 2);
        Answers answers = new Answers();
        WebSocket ws = connect("?token=" + token, answers);
        ws.sendText("not json", true).join();
        assertThat(answers.next().get("ok").asBoolean()).isFalse();
        ws.sendText("{\"name\":\"deck.scene\",\"fields\":{\"date\":\"today\"}}", true).join();
        JsonNode reserved = answers.next();
        assertThat(reserved.get("field").asText()).isEqualTo("fields.date");
        ws.sendText("{\"token\":\"wrong\",\"name\":\"deck.scene\"}", true).join();
        assertThat(answers.next().get("field").asText()).isEqualTo("token");
        ws.sendText(" ".repeat(CustomEvents.MAX_BYTES + 1), true).join();
        assertThat(answers.next().get("ok").asBoolean()).isFalse();
        assertThat(count("websocket", "json")).isEqualTo(1);
        assertThat(count("websocket", "fields")).isEqualTo(1);
        assertThat(count("websocket", "token")).isEqualTo(3);
        assertThat(count("websocket", "size")).isEqualTo(1);

        TestApp.Response unknown = app.post("/api/events/custom", "{\"name\":\"deck.scene\",\"user\":\"anna\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("user");
        assertThat(app.post("/api/events/custom", "{\"name\":").status()).isEqualTo(400);
        assertThat(app.post("/api/events/custom", "").status()).isEqualTo(400);
        assertThat(count("http", "json")).isEqualTo(2);
        assertThat(app.post("/api/events/custom", "{\"name\":\"deck.scene\",\"token\":\"wrong\"}").status()).isEqualTo(401);
        assertThat(app.post("/api/events/custom", "{\"name\":\"" + "x".repeat(CustomEvents.MAX_BYTES) + "\"}").status())
                .isEqualTo(413);
        int tooMany = 0;
        for (int i = 0; i < 50; i++) {
            if (app.post("/api/events/custom", "{\"name\":\"deck.scene\",\"fields\":{\"scene\":\"rush\"}}").status() == 429) tooMany++;
        }
        assertThat(tooMany).isGreaterThanOrEqualTo(30);

        // the app carries on: the health page answers and a good event a moment later still runs the flow
        assertThat(app.get("/api/health").status()).isEqualTo(200);
        Thread.sleep(1_100);
        udp("{\"token\":\"" + token + "\",\"name\":\"deck.scene\",\"fields\":{\"scene\":\"still here\"}}");
        awaitScene(flow, "still here via udp (deck.scene)");

        // turning WebSockets off closes the open one; a new token refuses the old one
        app.put("/api/events/input", "{\"websocket\":false}");
        TestApp.await(() -> ws.isInputClosed());
        app.put("/api/events/input", "{\"websocket\":true}");
        String renewed = app.post("/api/events/input/token", "").json().get("token").asText();
        assertThat(renewed).isNotEqualTo(token);
        udp(good);
        awaitCount("udp", "token", 3);
        assertThat(app.put("/api/events/input", "{\"udpPort\":80}").json().get("field").asText()).isEqualTo("udpPort");
        assertThat(app.put("/api/events/input", "{\"tcp\":true}").json().get("field").asText()).isEqualTo("tcp");
    }

    @Test
    void inLanModeOtherComputersSendWithTheTokenAndNoLongerOnceItIsOff() throws Exception {
        TestApp.Response on = app.put("/api/lan", "{\"enabled\":true}");
        Assumptions.assumeTrue(on.status() == 200, "this machine has a network address besides loopback");
        Optional<String> address = Optional.of(on.json().get("address").asText());
        String flow = sceneFlow();
        assertThat(app.get("/api/events/input").json().get("lanAddress").asText()).isEqualTo(address.get());
        InetAddress lan = InetAddress.getByName(address.get());
        byte[] datagram = ("{\"token\":\"" + token + "\",\"name\":\"deck.scene\",\"fields\":{\"scene\":\"from the LAN\"}}")
                .getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket s = new DatagramSocket(0, lan)) {
            s.send(new DatagramPacket(datagram, datagram.length, lan, udpPort));
        }
        awaitScene(flow, "from the LAN via udp (deck.scene)");

        String lanWs = "ws://" + address.get() + ":" + app.app().httpPort() + "/api/events/input";
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(lanWs), new Answers()).join())
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        Answers answers = new Answers();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(lanWs + "?token=" + token), answers).join();
        ws.sendText("{\"name\":\"deck.scene\",\"fields\":{\"scene\":\"LAN socket\"}}", true).join();
        assertThat(answers.next().get("ok").asBoolean()).isTrue();
        awaitScene(flow, "LAN socket via websocket (deck.scene)");
        // HTTP from another computer is the API: it needs the dashboard link's token, as every API call does
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + address.get() + ":" + app.app().httpPort() + "/api/events/custom"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"deck.scene\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);

        app.put("/api/lan", "{\"enabled\":false}");
        assertThat(app.get("/api/events/input").json().path("lanAddress").asText("")).isEmpty();
        assertThat(app.get("/api/events/input").json().get("udpListening").asBoolean()).as(app.get("/api/events/input").body()).isTrue();
    }
}
