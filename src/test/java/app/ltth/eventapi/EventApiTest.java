package app.ltth.eventapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.TestApp;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TikFinity's Event API: off by default with its port closed; on, widgets written from the published shape
 * (src/test/node/event-api-clients.mjs, a process of its own as OBS's browser sources are) get every event type with
 * its fields, streaks as TikTok-Live-Connector sends them; 100 of them at 200 events a second get every gift in order.
 */
class EventApiTest {

    @TempDir
    Path dir;

    /** The Node widgets: their lines, read as they come. */
    private static final class Widgets implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Writer in;

        Widgets(int port, int clients, String mode) throws IOException {
            process = new ProcessBuilder("node", Path.of("src", "test", "node", "event-api-clients.mjs").toString(),
                    "ws://127.0.0.1:" + port + "/", String.valueOf(clients), mode)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) lines.add(line);
                } catch (IOException e) {
                    lines.add("closed " + e.getMessage());
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String next() throws InterruptedException {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("a line from the widgets").isNotNull();
            return line;
        }

        /** The next message of {@code event}, checked by the widget: its data. */
        JsonNode next(String event) throws Exception {
            while (true) {
                String line = next();
                assertThat(line).as("the widget found every field with its type").doesNotStartWith("bad ");
                if (line.startsWith("ok " + event + " ")) return Json.MAPPER.readTree(line.substring(4 + event.length()));
            }
        }

        String ask(String question) throws Exception {
            in.write(question + "\n");
            in.flush();
            while (true) {
                String line = next();
                if (line.startsWith(question + " ")) return line;
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static void assertClosed(int port) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    /** The status a WebSocket handshake was refused with, 0 when it was not. */
    private static int refusal(HttpClient http, String url) throws Exception {
        try {
            http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            }).get(10, TimeUnit.SECONDS).abort();
            return 0;
        } catch (ExecutionException e) {
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private static int turnOn(TestApp app) throws Exception {
        int port = TestApp.freeTcpPort();
        assertThat(app.put("/api/settings", "{\"eventApi.port\": " + port + "}").status()).isEqualTo(200);
        assertThat(app.post("/api/plugins/event-api/enable", "").status()).isEqualTo(200);
        TestApp.await(() -> app.get("/api/event-api").json().get("listening").asBoolean());
        return port;
    }

    @Test
    void offByDefaultThenEveryEventTypeInTheShapeWidgetsRead() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode status = app.get("/api/event-api").json();
            assertThat(status.get("active").asBoolean()).isFalse();
            assertThat(status.get("port").asInt()).isEqualTo(EventApi.DEFAULT_PORT);
            assertClosed(EventApi.DEFAULT_PORT);
            assertThat(app.put("/api/settings", "{\"eventApi.port\": 80}").json().get("field").asText()).isEqualTo("eventApi.port");

            int port = turnOn(app);
            try (Widgets widget = new Widgets(port, 1, "shape")) {
                assertThat(widget.next()).isEqualTo("ready");
                TestApp.await(() -> app.get("/api/event-api").json().get("clients").size() == 1);

                app.simulate("{\"type\":\"chat\",\"user\":\"anna\",\"nickname\":\"Anna\",\"comment\":\"hi <b>all</b>\","
                        + "\"moderator\":true,\"follower\":true,\"teamLevel\":3}");
                JsonNode chat = widget.next("chat");
                assertThat(chat.get("comment").asText()).isEqualTo("hi <b>all</b>");
                assertThat(chat.get("uniqueId").asText()).isEqualTo("anna");
                assertThat(chat.get("nickname").asText()).isEqualTo("Anna");
                assertThat(chat.get("isModerator").asBoolean()).isTrue();
                assertThat(chat.get("followRole").asInt()).isEqualTo(1);
                assertThat(chat.get("teamMemberLevel").asInt()).isEqualTo(3);

                // A streak: updates with repeatEnd false, then the end with the final count (giftType 1).
                for (int n = 1; n <= 3; n++) {
                    app.simulate("{\"type\":\"gift\",\"user\":\"ben\",\"giftName\":\"Rose\",\"giftId\":5655,\"coins\":1,"
                            + "\"count\":" + n + ",\"repeatEnd\":" + (n == 3) + ",\"groupId\":77}");
                }
                for (int n = 1; n <= 3; n++) {
                    JsonNode gift = widget.next("gift");
                    assertThat(gift.get("giftType").asInt()).isEqualTo(1);
                    assertThat(gift.get("repeatCount").asInt()).isEqualTo(n);
                    assertThat(gift.get("repeatEnd").asBoolean()).isEqualTo(n == 3);
                    assertThat(gift.get("giftId").asLong()).isEqualTo(5655);
                    assertThat(gift.get("giftName").asText()).isEqualTo("Rose");
                    assertThat(gift.get("diamondCount").asInt()).isEqualTo(1);
                    assertThat(gift.get("groupId").asText()).isEqualTo("77");
                }
                app.simulate("{\"type\":\"gift\",\"user\":\"ben\",\"giftName\":\"Lion\",\"coins\":29999,\"count\":1,\"streakable\":false}");
                JsonNode lion = widget.next("gift");
                assertThat(lion.get("giftType").asInt()).as("a gift that runs no streak").isNotEqualTo(1);
                assertThat(lion.get("diamondCount").asInt()).isEqualTo(29999);

                app.simulate("{\"type\":\"like\",\"user\":\"cleo\",\"count\":15,\"totalLikes\":1015}");
                JsonNode like = widget.next("like");
                assertThat(like.get("likeCount").asInt()).isEqualTo(15);
                assertThat(like.get("totalLikeCount").asLong()).isEqualTo(1015);
                app.simulate("{\"type\":\"follow\",\"user\":\"dora\"}");
                assertThat(widget.next("follow").get("uniqueId").asText()).isEqualTo("dora");
                app.simulate("{\"type\":\"share\",\"user\":\"dora\"}");
                assertThat(widget.next("share").get("uniqueId").asText()).isEqualTo("dora");
                app.simulate("{\"type\":\"join\",\"user\":\"emil\"}");
                assertThat(widget.next("member").get("uniqueId").asText()).isEqualTo("emil");
                app.simulate("{\"type\":\"subscribe\",\"user\":\"fay\",\"months\":4,\"subscriber\":true}");
                JsonNode sub = widget.next("subscribe");
                assertThat(sub.get("subMonth").asInt()).isEqualTo(4);
                assertThat(sub.get("isSubscriber").asBoolean()).isTrue();
                app.simulate("{\"type\":\"emote\",\"user\":\"fay\",\"emoteId\":\"e1\",\"imageUrl\":\"https://example.com/e1.png\"}");
                assertThat(widget.next("emote").get("emoteImageUrl").asText()).isEqualTo("https://example.com/e1.png");
                app.simulate("{\"type\":\"question\",\"user\":\"gus\",\"question\":\"Which game next?\"}");
                assertThat(widget.next("questionNew").get("questionText").asText()).isEqualTo("Which game next?");
                app.simulate("{\"type\":\"viewers\",\"viewerCount\":120}");
                assertThat(widget.next("roomUser").get("viewerCount").asLong()).isEqualTo(120);
                app.simulate("{\"type\":\"treasureChest\",\"user\":\"hal\",\"diamonds\":100,\"people\":10}");
                assertThat(widget.next("envelope").get("coins").asLong()).isEqualTo(100);
                app.simulate("{\"type\":\"streamEnd\",\"reason\":\"the streamer ended the LIVE\"}");
                widget.next("streamEnd");

                JsonNode shown = app.get("/api/event-api").json();
                assertThat(shown.at("/clients/0/sent").asLong()).as("the page counts what the widget was sent").isEqualTo(15);
                assertThat(shown.at("/clients/0/address").asText()).contains("127.0.0.1");
            }
            // A new port in the settings: the Event API moves there at once.
            int moved = TestApp.freeTcpPort();
            assertThat(app.put("/api/settings", "{\"eventApi.port\": " + moved + "}").status()).isEqualTo(200);
            TestApp.await(() -> app.get("/api/event-api").json().get("port").asInt() == moved);
            assertClosed(port);
            new Socket("127.0.0.1", moved).close();
            assertThat(app.post("/api/plugins/event-api/disable", "").status()).isEqualTo(200);
            assertClosed(moved);
        }
    }

    @Test
    void aHundredWidgetsAtTwoHundredEventsASecondGetEveryGiftInOrder() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            int port = turnOn(app);
            int clients = 100;
            int seconds = 5;
            int perTick = 10;   // every 50 ms: 200 events a second
            try (Widgets widgets = new Widgets(port, clients, "load")) {
                assertThat(widgets.next()).isEqualTo("ready");
                TestApp.await(() -> app.get("/api/event-api").json().get("clients").size() == clients);
                int gifts = 0;
                long start = System.nanoTime();
                for (int tick = 0; tick < seconds * 20; tick++) {
                    List<String> batch = new ArrayList<>();
                    for (int i = 0; i < perTick; i++) {
                        if (i % 2 == 0) {
                            batch.add("{\"type\":\"gift\",\"user\":\"fan" + (i % 7) + "\",\"giftName\":\"Rose\",\"coins\":1,"
                                    + "\"count\":1,\"streakable\":false,\"groupId\":" + (++gifts) + "}");
                        } else {
                            batch.add(i % 3 == 0 ? "{\"type\":\"like\",\"user\":\"fan" + i + "\",\"count\":5}"
                                    : "{\"type\":\"chat\",\"user\":\"fan" + i + "\",\"comment\":\"hype " + tick + "\"}");
                        }
                    }
                    assertThat(app.post("/api/events/simulate/batch", "[" + String.join(",", batch) + "]").status()).isEqualTo(202);
                    long due = start + TimeUnit.MILLISECONDS.toNanos(50L * (tick + 1));
                    long wait = due - System.nanoTime();
                    if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                }
                int sent = gifts;
                String last = "";
                for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < deadline; ) {
                    last = widgets.ask("count");
                    if (last.equals("count " + clients + " 0 " + sent)) break;
                    Thread.sleep(200);
                }
                assertThat(last).as("clients with every gift in order, out of order, fewest gifts")
                        .isEqualTo("count " + clients + " 0 " + sent);
                JsonNode status = app.get("/api/event-api").json();
                assertThat(status.get("tooSlow").asLong()).isZero();
                assertThat(status.get("clients")).hasSize(clients);
            }
        }
    }
    @Test
    void fromAnotherDeviceOnlyInLanModeAndWithItsToken() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            int port = turnOn(app);
            JsonNode lan = app.put("/api/lan", "{\"enabled\": true}").json();
            Assumptions.assumeTrue(lan.path("enabled").asBoolean(), "this machine has a network address besides loopback");
            String address = lan.get("address").asText();
            JsonNode status = app.get("/api/event-api").json();
            TestApp.await(() -> app.get("/api/event-api").json().has("lanUrl"));
            String link = app.get("/api/event-api").json().get("lanUrl").asText();
            assertThat(link).startsWith("ws://" + address + ":" + port + "/?token=");
            HttpClient http = HttpClient.newHttpClient();
            WebSocket.Listener quiet = new WebSocket.Listener() {
            };
            // A device at the LAN address (this machine's, so not loopback) without the token, or with a wrong one.
            assertThat(refusal(http, "ws://" + address + ":" + port + "/")).isEqualTo(401);
            assertThat(refusal(http, "ws://" + address + ":" + port + "/?token=wrong")).isEqualTo(401);
            assertThat(refusal(http, "ws://127.0.0.1:" + port + "/")).as("this computer needs none").isZero();
            WebSocket device = http.newWebSocketBuilder().buildAsync(URI.create(link), quiet).get(10, TimeUnit.SECONDS);
            TestApp.await(() -> app.get("/api/event-api").json().get("clients").size() == 1);
            device.abort();

            app.put("/api/lan", "{\"enabled\": false}");
            TestApp.await(() -> !app.get("/api/event-api").json().has("lanUrl"));
            assertThatThrownBy(() -> new Socket(address, port).close()).as("the LAN port closes with LAN mode")
                    .isInstanceOf(ConnectException.class);
            assertThat(status.get("listening").asBoolean()).isTrue();
        }
    }
    @Test
    void aPortTakenByTikFinityIsSaidNotHidden() throws Exception {
        try (TestApp app = TestApp.start(dir);
             java.net.ServerSocket tikfinity = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(app.put("/api/settings", "{\"eventApi.port\": " + tikfinity.getLocalPort() + "}").status()).isEqualTo(200);
            assertThat(app.post("/api/plugins/event-api/enable", "").status()).isEqualTo(200);
            TestApp.await(() -> app.get("/api/event-api").json().path("error").asText().equals("portTaken"));
            assertThat(app.get("/api/event-api").json().get("listening").asBoolean()).isFalse();
        }
    }
}
