package app.ltth.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.audio.AudioLength;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each cloud engine against a local fake that answers like the real service; the local one with espeak-ng. */
class TtsEnginesTest {

    /** An MPEG-1 layer III frame header at 128 kbit/s, then silence: 16,000 bytes are one second. */
    static final byte[] MP3 = mp3();

    static byte[] mp3() {
        byte[] b = new byte[16_000];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFB;
        b[2] = (byte) 0x90;
        return b;
    }

    HttpServer server;
    String base;
    final Map<String, JsonNode> bodies = new ConcurrentHashMap<>();
    final Map<String, String> headers = new ConcurrentHashMap<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void fake() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tiktok", ex -> {
            String q = ex.getRequestURI().getQuery();
            headers.put("tiktok", ex.getRequestHeaders().getFirst("Cookie") + " " + q);
            String body = ex.getRequestHeaders().getFirst("Cookie").equals("sessionid=good")
                    ? "{\"status_code\":0,\"data\":{\"v_str\":\"" + Base64.getEncoder().encodeToString(MP3) + "\"}}"
                    : "{\"status_code\":1,\"message\":\"Couldn't load speech. Try again.\"}";
            send(ex, 200, body.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/google", ex -> {
            bodies.put("google", Json.MAPPER.readTree(ex.getRequestBody()));
            headers.put("google", ex.getRequestURI().getQuery());
            send(ex, 200, ("{\"audioContent\":\"" + Base64.getEncoder().encodeToString(MP3) + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/eleven/", ex -> {
            bodies.put("eleven", Json.MAPPER.readTree(ex.getRequestBody()));
            headers.put("eleven", ex.getRequestHeaders().getFirst("xi-api-key") + " " + ex.getRequestURI().getPath());
            send(ex, 200, MP3);
        });
        server.createContext("/openai", ex -> {
            bodies.put("openai", Json.MAPPER.readTree(ex.getRequestBody()));
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            headers.put("openai", auth);
            if (auth.equals("Bearer wrong")) send(ex, 401, "{\"error\":{\"message\":\"Incorrect API key\"}}".getBytes(StandardCharsets.UTF_8));
            else send(ex, 200, MP3);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static void send(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws java.io.IOException {
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void tiktokSendsTheSessionAndVoiceAndReadsTheBase64Audio() throws Exception {
        TtsEngine.Speech speech = new CloudTts.TikTok(http, () -> "good", () -> base + "/tiktok").speak("hallo du", "de_002");
        assertThat(speech.audio()).isEqualTo(MP3);
        assertThat(headers.get("tiktok")).startsWith("sessionid=good ").contains("text_speaker=de_002", "req_text=hallo+du");
        assertThatThrownBy(() -> new CloudTts.TikTok(http, () -> "old", () -> base + "/tiktok").speak("x", "de_002"))
                .hasMessageContaining("session id is not valid");
        assertThat(new CloudTts.TikTok(http, () -> "", () -> base).unavailableReason()).contains("session id");
    }

    @Test
    void googleElevenLabsAndOpenAiGetTheirRequestShapes() throws Exception {
        assertThat(new CloudTts.Google(http, () -> "gkey", () -> base + "/google").speak("Guten Tag", "de-DE-Standard-B").audio())
                .isEqualTo(MP3);
        assertThat(headers.get("google")).isEqualTo("key=gkey");
        assertThat(bodies.get("google").at("/voice/languageCode").asText()).isEqualTo("de-DE");
        assertThat(bodies.get("google").at("/input/text").asText()).isEqualTo("Guten Tag");

        assertThat(new CloudTts.ElevenLabs(http, () -> "ekey", () -> base + "/eleven/").speak("hi", "Rachel1").audio()).isEqualTo(MP3);
        assertThat(headers.get("eleven")).isEqualTo("ekey /eleven/Rachel1");
        assertThat(bodies.get("eleven").get("text").asText()).isEqualTo("hi");

        assertThat(new CloudTts.OpenAi(http, () -> "okey", () -> base + "/openai").speak("hello", "nova").audio()).isEqualTo(MP3);
        assertThat(headers.get("openai")).isEqualTo("Bearer okey");
        assertThat(bodies.get("openai").get("voice").asText()).isEqualTo("nova");
        TtsException refused = org.junit.jupiter.api.Assertions.assertThrows(TtsException.class,
                () -> new CloudTts.OpenAi(http, () -> "wrong", () -> base + "/openai").speak("hello", "nova"));
        assertThat(refused.getMessage()).contains("refused the key (HTTP 401)").doesNotContain("wrong");
        assertThat(AudioLength.millis(MP3)).isEqualTo(1000);
    }

    @Test
    void theLocalEngineSpeaksWithEspeakNg(@TempDir Path dir) throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> chosen = new java.util.concurrent.atomic.AtomicReference<>("");
        LocalTts local = new LocalTts(chosen::get, dir);
        assertThat(local.unavailableReason()).as("scripts/test.sh installs espeak-ng").isNull();
        assertThat(local.voices()).extracting(TtsEngine.Voice::id).contains("en-us", "de");
        assertThat(local.defaultVoice()).isEqualTo("en-us");
        TtsEngine.Speech speech = local.speak("-rf / ; echo \"hello\" $(whoami)", "en");
        assertThat(speech.mimeType()).isEqualTo("audio/wav");
        assertThat(AudioLength.millis(speech.audio())).isBetween(500L, 15_000L);
        assertThatThrownBy(() -> local.speak("x", "en; rm -rf /")).isInstanceOf(TtsException.class);
        // The path set under Settings, Advanced: one that is not a program means no local voice.
        chosen.set("/no/such/espeak-ng");
        assertThat(local.unavailableReason()).contains("espeak-ng");
        assertThat(local.voices()).isEmpty();
        chosen.set("/usr/bin/espeak-ng");
        assertThat(local.unavailableReason()).isNull();
        LocalTts none = new LocalTts(new LocalTts.Program(LocalTts.Kind.NONE, ""), dir);
        assertThat(none.unavailableReason()).contains("espeak-ng");
        assertThatThrownBy(() -> none.speak("x", "en")).hasMessageContaining("espeak-ng");
    }
}
