package app.ltth.tts;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
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

    @Test
    void theQueuesStateGoesOutMergedNotOncePerChat() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, TtsService.QUEUE_EVENT)) {
            app.post("/api/tts/queue/pause", "");
            app.put("/api/tts/config", "{\"queueMax\": 500}");
            socket.await(TtsService.QUEUE_EVENT, q -> q.get("paused").asBoolean());
            socket.drain(TtsService.QUEUE_EVENT);
            long started = System.nanoTime();
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 200; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"type\":\"chat\",\"user\":\"v" + i + "\",\"comment\":\"!tts hello " + i + "\"}");
            }
            app.post("/api/events/simulate/batch", batch.append("]").toString());
            long deadline = System.currentTimeMillis() + 10_000;
            while (app.get("/api/tts/queue").json().get("waiting").size() < 200 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(3 * TtsService.STATUS_EVERY_MS);
            java.util.List<JsonNode> sent = socket.drain(TtsService.QUEUE_EVENT);
            int messages = sent.size();
            assertThat(sent.get(sent.size() - 1).get("waiting")).as("the last state is the whole queue").hasSize(200);
            assertThat(messages).as("200 chats in %.1f s", seconds).isLessThanOrEqualTo((int) (seconds * 4) + 3);
        }
    }
}
