package app.ltth.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the alert overlay and the audio overlay are sent for a gift: picture, avatar, style, sound, variation. */
class AlertLookApiTest {

    @TempDir
    Path dir;

    @Test
    void aGiftAlertCarriesItsPicturesAndItsSoundGoesToTheAudioOverlay() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, "alert:show", "audio:play")) {
            assertThat(app.put("/api/alerts/gift", "{\"style\":\"comic\"}").status()).isEqualTo(200);
            app.simulate("{\"type\":\"gift\",\"user\":\"mia\",\"nickname\":\"Mia\",\"avatar\":\"https://cdn.example/mia.jpg\","
                    + "\"giftName\":\"Corgi\",\"coins\":299,\"streakable\":false,\"imageUrl\":\"https://cdn.example/corgi.png\"}");
            JsonNode alert = socket.await("alert:show", a -> true);
            assertThat(alert.get("style").asText()).isEqualTo("comic");
            assertThat(alert.get("picture").asText()).isEqualTo("https://cdn.example/corgi.png");
            assertThat(alert.get("avatar").asText()).isEqualTo("https://cdn.example/mia.jpg");
            assertThat(alert.get("name").asText()).isEqualTo("Mia");
            JsonNode sound = socket.await("audio:play", a -> a.get("channel").asText().equals("sound"));
            assertThat(sound.get("url").asText()).isEqualTo("/sounds/gift.wav");
            assertThat(sound.get("channel").asText()).isEqualTo("sound");
            assertThat(app.download("/sounds/gift.wav")).startsWith("RIFF".getBytes());

            // Untrusted addresses never reach the page as pictures.
            app.post("/api/alerts/skip", "");
            app.simulate("{\"type\":\"follow\",\"user\":\"eve\",\"avatar\":\"javascript:alert(1)\"}");
            JsonNode follow = socket.await("alert:show", a -> a.get("type").asText().equals("follow"));
            assertThat(follow.get("avatar").asText()).isEmpty();
            assertThat(follow.get("picture").asText()).isEmpty();

            // A variation for the gift wins, and its preview matches it.
            app.put("/api/alerts/gift", "{\"variations\":[{\"giftName\":\"Galaxy\",\"text\":\"Galaxy by {nickname}\",\"sound\":\"/sounds/like.wav\"}]}");
            app.post("/api/alerts/skip", "");
            assertThat(app.post("/api/alerts/gift/test?variation=0", "").status()).isEqualTo(202);
            assertThat(socket.await("alert:show", a -> a.get("type").asText().equals("gift")).get("html").asText())
                    .isEqualTo("Galaxy by Test User");
            socket.await("audio:play", a -> a.get("url").asText().equals("/sounds/like.wav"));
            TestApp.Response missing = app.post("/api/alerts/gift/test?variation=3", "");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("field").asText()).isEqualTo("variation");
        }
    }
}
