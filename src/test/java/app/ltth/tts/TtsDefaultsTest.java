package app.ltth.tts;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new profile's text to speech does no harm: plain chat is not read, a viewer who asks with !tts is. */
class TtsDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void aFreshProfileReadsOnlyChatThatAsksWithTts() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            assertThat(app.get("/api/tts/config").json().get("prefix").asText()).isEqualTo("!tts");
            app.post("/api/tts/queue/pause", "");
            app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"hello everyone\"}");
            app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"ben\",\"comment\":\"!tts hi there\"}");
            long deadline = System.currentTimeMillis() + 10_000;
            JsonNode waiting = app.get("/api/tts/queue").json().get("waiting");
            while (waiting.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(25);
                waiting = app.get("/api/tts/queue").json().get("waiting");
            }
            app.awaitStored();   // both chats went through every listener
            waiting = app.get("/api/tts/queue").json().get("waiting");
            assertThat(waiting).extracting(w -> w.get("text").asText()).containsExactly("hi there");
        }
    }
}
