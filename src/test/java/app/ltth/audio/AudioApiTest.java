package app.ltth.audio;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TTS and the soundboard through the running app: what reaches the audio overlay, and the rules on the way. */
class AudioApiTest {

    static final byte[] MP3 = new byte[16_000];

    static {
        MP3[0] = (byte) 0xFF;
        MP3[1] = (byte) 0xFB;
        MP3[2] = (byte) 0x90;
    }

    @TempDir
    Path dir;
    TestApp app;
    HttpServer fake;
    String fakeUrl;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.start(dir);
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/broken", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        fake.createContext("/google", ex -> {
            byte[] body = ("{\"audioContent\":\"" + Base64.getEncoder().encodeToString(MP3) + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        fake.createContext("/en/search/", ex -> {
            byte[] body;
            try (InputStream in = getClass().getResourceAsStream("/myinstants/search-airhorn.html")) {
                body = in.readAllBytes();
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        fake.start();
        fakeUrl = "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        app.close();
        fake.stop(0);
    }

    static JsonNode speech(TestSocket socket) throws InterruptedException {
        return socket.await(AudioOut.PLAY, m -> m.get("channel").asText().equals("speech"));
    }

    @Test
    void aKeyIsNeverSentWhereAServiceRedirectsNorKeptWhenItsAddressMoves() throws Exception {
        java.util.List<String> stolen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        fake.createContext("/moved", ex -> {
            asked.incrementAndGet();
            ex.getResponseHeaders().set("Location", "http://localhost:" + fake.getAddress().getPort() + "/stolen");
            ex.sendResponseHeaders(307, -1);
            ex.close();
        });
        fake.createContext("/stolen", ex -> {
            stolen.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.sendResponseHeaders(200, MP3.length);
            ex.getResponseBody().write(MP3);
            ex.close();
        });
        app.put("/api/settings", "{\"tts.openAiApiKey\":\"sk-secret\",\"tts.openAiUrl\":\"" + fakeUrl + "/moved\"}");
        assertThat(app.post("/api/tts/speak", "{\"text\":\"hello\",\"voice\":\"openai:nova\"}").status()).isEqualTo(202);
        TestApp.await(() -> app.get("/api/tts/queue").json().get("fallbacks").asLong() == 1);
        assertThat(asked.get()).isEqualTo(1);
        assertThat(stolen).as("the redirect target").isEmpty();

        // Another path on the same service keeps the key; another host clears it, and the page asks again.
        app.put("/api/settings", "{\"tts.openAiUrl\":\"" + fakeUrl + "/v2/speech\"}");
        assertThat(app.get("/api/settings").json().get("tts.openAiApiKey").asText()).isEqualTo("********");
        app.put("/api/settings", "{\"tts.openAiUrl\":\"https://speech.example.net/v1\"}");
        assertThat(app.get("/api/settings").json().get("tts.openAiApiKey").asText()).isEmpty();
        // Moved with a new key in the same change: the new key stays.
        app.put("/api/settings", "{\"tts.openAiUrl\":\"" + fakeUrl + "/moved\",\"tts.openAiApiKey\":\"sk-new\"}");
        assertThat(app.get("/api/settings").json().get("tts.openAiApiKey").asText()).isEqualTo("********");
    }

    @Test
    void speechReachesTheAudioOverlayFromEachEngineAndFallsBackWhenOneFails() throws Exception {
        try (TestSocket overlay = TestSocket.connect(app.socketUrl(), null, AudioOut.PLAY)) {
            JsonNode voices = app.get("/api/tts/voices").json();
            assertThat(voices.get("engines")).anyMatch(e -> e.get("id").asText().equals("local") && e.get("available").asBoolean());
            assertThat(voices.get("engines")).anyMatch(e -> e.get("id").asText().equals("openai") && !e.get("available").asBoolean()
                    && e.get("reason").asText().contains("API key"));
            assertThat(voices.get("voices")).anyMatch(v -> v.get("id").asText().equals("tiktok:de_002"));

            // The local engine (espeak-ng), the default.
            assertThat(app.post("/api/tts/speak", "{\"text\":\"hello from the local voice\"}").status()).isEqualTo(202);
            JsonNode local = speech(overlay);
            byte[] wav = app.download(local.get("url").asText());
            assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            overlay.emit(AudioOut.ENDED, "{\"id\":\"" + local.get("id").asText() + "\"}");

            // A cloud engine (Google, here a local fake).
            app.put("/api/settings", "{\"tts.googleApiKey\":\"secret-key\",\"tts.googleUrl\":\"" + fakeUrl + "/google\"}");
            assertThat(app.get("/api/settings").body()).doesNotContain("secret-key");
            app.post("/api/tts/speak", "{\"text\":\"hallo\",\"voice\":\"google:de-DE-Standard-B\"}");
            JsonNode google = speech(overlay);
            assertThat(google.get("url").asText()).endsWith(".mp3");
            assertThat(app.download(google.get("url").asText())).isEqualTo(MP3);
            overlay.emit(AudioOut.ENDED, "{\"id\":\"" + google.get("id").asText() + "\"}");

            // OpenAI fails (HTTP 500): the next engine that can speak takes over.
            app.put("/api/settings", "{\"tts.openAiApiKey\":\"k\",\"tts.openAiUrl\":\"" + fakeUrl + "/broken\"}");
            app.post("/api/tts/speak", "{\"text\":\"fallback please\",\"voice\":\"openai:nova\"}");
            JsonNode fallback = speech(overlay);
            assertThat(fallback.get("text").asText()).isEqualTo("fallback please");
            assertThat(app.download(fallback.get("url").asText())).isNotEmpty();
            JsonNode status = app.get("/api/tts/queue").json();
            assertThat(status.get("fallbacks").asLong()).isEqualTo(1);
            assertThat(status.get("spoken").asLong()).isEqualTo(3);

            TestApp.Response bad = app.post("/api/tts/speak", "{\"text\":\"x\",\"voice\":\"nope:1\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("voice");
            assertThat(app.post("/api/tts/speak", "{}").json().get("field").asText()).isEqualTo("text");
        }
    }

    @Test
    void chatIsFilteredAndTheQueueObeysPauseClearAndItsMaximum() throws Exception {
        TestApp.Response invalid = app.put("/api/tts/config", "{\"who\":\"cats\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("field").asText()).isEqualTo("who");
        assertThat(app.put("/api/tts/config", "{\"who\":\"everyone\",\"chatTemplate\":\"{nickname}: {comment}\","
                + "\"block\":[\"troll\"],\"words\":{\"en\":[\"darn\"]},\"queueMax\":3,\"events\":{}}").status()).isEqualTo(200);
        app.post("/api/tts/queue/pause", "");
        app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"troll\",\"comment\":\"read me\"}");
        app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"darn it https://spam.example\"}");
        app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"darn it https://spam.example\"}");
        app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"ben\",\"comment\":\"darn it https://spam.example\"}");
        for (int i = 0; i < 3; i++) app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"c" + i + "\",\"comment\":\"m" + i + "\"}");
        app.post("/api/tts/speak", "{\"text\":\"the streamer first\"}");
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode queue = app.get("/api/tts/queue").json();
        while (System.currentTimeMillis() < deadline && queue.get("dropped").asLong() < 3) {
            Thread.sleep(50);
            queue = app.get("/api/tts/queue").json();
        }
        assertThat(queue.get("paused").asBoolean()).isTrue();
        assertThat(queue.get("waiting")).extracting(w -> w.get("text").asText())
                .containsExactly("the streamer first", "anna: beep it link", "ben: beep it link");
        assertThat(queue.get("dropped").asLong()).as("three chats found the queue full, one made room for the streamer").isEqualTo(3);
        assertThat(app.post("/api/tts/queue/clear", "").json().get("cleared").asInt()).isEqualTo(3);
        assertThat(app.get("/api/tts/queue").json().get("waiting")).isEmpty();
    }

    @Test
    void aTenRoseStreakPlaysOneSoundAndTheSoundboardCanBeSearchedAndTurnedOff() throws Exception {
        TestApp.Response invalid = app.put("/api/soundboard/config", "{\"gifts\":{\"Rose\":\"javascript:alert(1)\"}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("field").asText()).isEqualTo("gifts.Rose");
        assertThat(app.put("/api/soundboard/config", "{\"gifts\":{\"Rose\":\"/media/rose.mp3\"},\"streak\":\"once\","
                + "\"events\":{\"follow\":\"/media/follow.mp3\"},\"buttons\":[{\"name\":\"Horn\",\"sound\":\"/media/horn.mp3\",\"hotkey\":\"h\"}]}")
                .status()).isEqualTo(200);
        try (TestSocket overlay = TestSocket.connect(app.socketUrl(), null, AudioOut.PLAY)) {
            app.giftStreak("rosie", "Rosie", "Rose", 1, 10, 77);
            app.post("/api/events/simulate", "{\"type\":\"follow\",\"user\":\"fan\"}");
            // The gift alert plays its own sound on the same channel, whenever its turn comes: only the
            // soundboard's rose sound is counted here.
            overlay.await(AudioOut.PLAY, m -> m.get("url").asText().equals("/media/rose.mp3"));
            overlay.await(AudioOut.PLAY, m -> m.get("url").asText().equals("/media/follow.mp3"));
            assertThat(overlay.drain(AudioOut.PLAY)).filteredOn(m -> m.get("url").asText().equals("/media/rose.mp3")).isEmpty();
            assertThat(app.get("/api/soundboard/queue").json().get("played").asLong()).as("one rose sound, one follow sound").isEqualTo(2);
            assertThat(app.post("/api/soundboard/play", "{\"button\":\"Horn\"}").status()).isEqualTo(202);
            overlay.await(AudioOut.PLAY, m -> m.get("url").asText().equals("/media/horn.mp3"));

            // The flow actions play sounds and speak too.
            String flow = app.post("/api/flows", "{\"name\":\"horn\",\"trigger\":{\"type\":\"manual\"},\"actions\":["
                    + "{\"type\":\"sound\",\"sound\":\"/media/horn2.mp3\"},{\"type\":\"tts\",\"text\":\"thanks {nickname}\"}]}")
                    .json().at("/flow/id").asText();
            JsonNode run = app.post("/api/flows/" + flow + "/test", "").json();
            assertThat(run.get("steps")).extracting(st -> st.get("outcome").asText()).containsExactly("ok", "ok");
            overlay.await(AudioOut.PLAY, m -> m.get("url").asText().equals("/media/horn2.mp3"));
            overlay.await(AudioOut.PLAY, m -> m.get("channel").asText().equals("speech") && m.get("text").asText().startsWith("thanks"));
        }
        app.put("/api/settings", "{\"soundboard.myInstantsUrl\":\"" + fakeUrl + "\"}");
        JsonNode found = app.get("/api/soundboard/search?q=airhorn").json();
        assertThat(found.get("sounds")).hasSize(3);
        assertThat(app.get("/api/soundboard/search?q=").status()).isEqualTo(400);
        // MyInstants out of reach: said in words, never "null".
        app.put("/api/settings", "{\"soundboard.myInstantsUrl\":\"http://127.0.0.1:9\"}");
        TestApp.Response unreachable = app.get("/api/soundboard/search?q=airhorn");
        assertThat(unreachable.status()).isEqualTo(502);
        assertThat(unreachable.json().get("error").asText()).startsWith("MyInstants could not be reached: ")
                .doesNotContain("null").doesNotContain("Exception");

        assertThat(app.post("/api/plugins/soundboard/disable", "").status()).isEqualTo(200);
        TestApp.Response off = app.post("/api/soundboard/play", "{\"sound\":\"/media/horn.mp3\"}");
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.json().get("error").asText()).contains("Plugins");
    }
}
