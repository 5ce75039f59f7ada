package app.ltth.osc;

import static app.ltth.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCMessageEvent;
import com.illposed.osc.messageselector.JavaRegexAddressMessageSelector;
import com.illposed.osc.transport.OSCPortIn;
import com.illposed.osc.transport.OSCPortInBuilder;
import com.illposed.osc.transport.OSCPortOut;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OSC bridge against a local javaosc receiver standing in for VRChat, and javaosc sending to the bridge. */
class OscApiTest {

    @TempDir
    Path dir;
    TestApp app;
    OSCPortIn vrchat;
    int vrchatPort;
    int listenPort;
    final BlockingQueue<OSCMessage> atVrchat = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        vrchatPort = TestApp.freeUdpPort();
        listenPort = TestApp.freeUdpPort();
        vrchat = new OSCPortInBuilder().setLocalSocketAddress(new InetSocketAddress("127.0.0.1", vrchatPort))
                .setPacketListener(OSCPortIn.defaultPacketListener())
                .addMessageListener(new JavaRegexAddressMessageSelector(".*"), (OSCMessageEvent e) -> atVrchat.add(e.getMessage()))
                .build();
        vrchat.startListening();
        app = TestApp.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        vrchat.close();
    }

    private void configureAndEnable(String extra) throws Exception {
        TestApp.Response r = app.put("/api/osc/config", "{\"sendPort\":" + vrchatPort + ",\"listenPort\":" + listenPort
                + ",\"pulseMillis\":200" + extra + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(app.post("/api/plugins/osc/enable", "").status()).isEqualTo(200);
    }

    private OSCMessage next() throws InterruptedException {
        OSCMessage m = atVrchat.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a message reached the receiver").isNotNull();
        return m;
    }

    @Test
    void offUntilTurnedOnThenPresetsAndTypedMessagesArrive() throws Exception {
        assertThat(app.post("/api/osc/send", "{\"preset\":\"wave\"}").status()).as("the plugin is off by default").isEqualTo(409);
        configureAndEnable("");

        assertThat(app.post("/api/osc/send", "{\"preset\":\"wave\"}").status()).isEqualTo(202);
        OSCMessage press = next();
        assertThat(press.getAddress()).isEqualTo("/avatar/parameters/Wave");
        assertThat(press.getArguments()).containsExactly(true);
        OSCMessage release = next();
        assertThat(release.getArguments()).as("a trigger goes back to false").containsExactly(false);

        assertThat(app.post("/api/osc/send", "{\"address\":\"/avatar/parameters/Mood\",\"args\":\"i:3 f:0.5 b:true s:\\\"hi there\\\"\"}")
                .status()).isEqualTo(202);
        OSCMessage typed = next();
        assertThat(typed.getAddress()).isEqualTo("/avatar/parameters/Mood");
        assertThat(typed.getArguments()).containsExactly(3, 0.5f, true, "hi there");
        assertThat(typed.getArguments().get(0)).isInstanceOf(Integer.class);
        assertThat(typed.getArguments().get(1)).isInstanceOf(Float.class);

        assertThat(app.post("/api/osc/send", "{\"preset\":\"chatbox\",\"text\":\"" + "x".repeat(200) + "\"}").status()).isEqualTo(202);
        OSCMessage chat = next();
        assertThat(chat.getAddress()).isEqualTo("/chatbox/input");
        assertThat((String) chat.getArguments().get(0)).as("cut to VRChat's 144").hasSize(144);
        assertThat(chat.getArguments().subList(1, 3)).containsExactly(true, false);

        JsonNode bad = app.post("/api/osc/send", "{\"address\":\"no slash\"}").json();
        assertThat(bad.get("field").asText()).isEqualTo("address");
        assertThat(app.get("/api/osc/status").json().get("sent").asLong()).isEqualTo(4);
    }

    @Test
    void settingsSurviveARestartAndBrokenSavedSettingsFallBackToTheDefaults() throws Exception {
        app.put("/api/osc/config", "{\"maxPerSecond\":7}");
        app.close();
        app = TestApp.start(dir);
        assertThat(app.get("/api/osc/config").json().get("maxPerSecond").asInt()).isEqualTo(7);
        new app.ltth.plugin.PluginConfigRepository(app.app().profiles(), "osc").set("config", "{\"sendPort\":\"nope\"}");
        app.close();
        app = TestApp.start(dir);
        assertThat(app.get("/api/osc/config").json().get("sendPort").asInt()).isEqualTo(9000);
    }

    @Test
    void onlyThisComputerOrAllowedHostsAreSentTo() throws Exception {
        TestApp.Response refused = app.put("/api/osc/config", "{\"sendHost\":\"192.168.1.50\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("sendHost");
        assertThat(app.put("/api/osc/config", "{\"sendHost\":\"192.168.1.50\",\"allowedHosts\":[\"192.168.1.50\"]}").status())
                .isEqualTo(200);
    }

    @Test
    void theRateCapDropsWhatComesTooFast() throws Exception {
        configureAndEnable(",\"maxPerSecond\":1");
        assertThat(app.post("/api/osc/send", "{\"address\":\"/a\",\"args\":\"1\"}").status()).isEqualTo(202);
        TestApp.Response capped = app.post("/api/osc/send", "{\"address\":\"/a\",\"args\":\"2\"}");
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.json().get("error").asText()).contains("rate cap");
        assertThat(app.get("/api/osc/status").json().get("dropped").asLong()).isEqualTo(1);
    }

    @Test
    void messagesSentFromManyThreadsAtOnceAllArriveIntact() throws Exception {
        configureAndEnable(",\"maxPerSecond\":200");
        java.util.Set<String> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> senders = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            senders.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    String address = "/t" + thread + "/m" + i;
                    if (app.post("/api/osc/send", "{\"address\":\"" + address + "\",\"args\":\"i:" + i + " s:\\\"" + address
                            + "\\\"\"}").status() == 202) accepted.add(address);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : senders) f.get();
        pool.shutdown();
        assertThat(accepted).hasSizeGreaterThan(100);
        java.util.Set<String> received = new java.util.HashSet<>();
        for (OSCMessage m; received.size() < accepted.size() && (m = atVrchat.poll(5, TimeUnit.SECONDS)) != null; ) {
            assertThat(m.getArguments()).as("the packet is whole: " + m.getAddress()).hasSize(2).endsWith(m.getAddress());
            received.add(m.getAddress());
        }
        assertThat(received).as("every accepted message arrived, none garbled").isEqualTo(accepted);
    }

    @Test
    void receivedMessagesAppearLive() throws Exception {
        configureAndEnable("");
        try (TestSocket page = TestSocket.connect(app.socketUrl(), app.baseUrl(), OscBridge.RECEIVED_EVENT)) {
            OSCPortOut game = new OSCPortOut(new InetSocketAddress("127.0.0.1", listenPort));
            game.send(new OSCMessage("/avatar/parameters/VelocityX", List.of(0.75f)));
            game.send(new OSCMessage("/avatar/change", List.of("avtr_123")));
            game.close();
            JsonNode live = page.await(OscBridge.RECEIVED_EVENT, n -> n.get("address").asText().equals("/avatar/change"));
            assertThat(live.get("args").asText()).isEqualTo("s:\"avtr_123\"");
            await(() -> app.get("/api/osc/received").json().get("received").size() == 2);
            assertThat(app.get("/api/osc/received").json().at("/received/0/args").asText()).isEqualTo("f:0.75");
        }
    }

    @Test
    void giftRulesAndFlowActionsSend() throws Exception {
        configureAndEnable(",\"gifts\":[{\"gift\":\"Rose\",\"preset\":\"hearts\"},"
                + "{\"gift\":\"\",\"minCoins\":100,\"address\":\"/avatar/parameters/Big\",\"args\":\"i:{coins}\"}]");
        app.giftStreak("anna", "Anna", "Rose", 1, 3, 7);
        OSCMessage hearts = next();
        assertThat(hearts.getAddress()).as("once for the whole streak").isEqualTo("/avatar/parameters/Hearts");
        assertThat(next().getArguments()).containsExactly(false);
        app.giftStreak("ben", "Ben", "Lion", 29999, 1, 8);
        OSCMessage big = next();
        assertThat(big.getAddress()).isEqualTo("/avatar/parameters/Big");
        assertThat(big.getArguments()).containsExactly(29999);

        String id = app.post("/api/flows", "{\"name\":\"osc\",\"trigger\":{\"type\":\"manual\"},\"actions\":[{\"type\":\"osc\","
                + "\"address\":\"/input/Jump\",\"args\":\"i:1\"}]}").json().at("/flow/id").asText();
        JsonNode run = app.post("/api/flows/" + id + "/test", "").json();
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("done");
        OSCMessage jump = next();
        assertThat(jump.getAddress()).isEqualTo("/input/Jump");
        assertThat(jump.getArguments()).containsExactly(1);
        assertThat(atVrchat.poll(300, TimeUnit.MILLISECONDS)).as("nothing else was sent").isNull();
    }
}
