package app.ltth.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What viewers see and hear by default is in the streamer's language, until the streamer writes their own. */
class DefaultTextsTest {

    @TempDir
    Path dir;

    private static JsonNode alert(TestApp app, String type) throws Exception {
        for (JsonNode a : app.get("/api/alerts").json().get("alerts")) if (a.get("type").asText().equals(type)) return a;
        throw new AssertionError("no " + type + " alert");
    }

    @Test
    void alertAndSpeechDefaultsFollowTheLanguageButAStreamersOwnTextStays() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.put("/api/settings", "{\"ui.language\": \"en\"}");
            assertThat(alert(app, "gift").get("text").asText()).isEqualTo("{nickname} sent {giftCount}x {giftName}!");
            assertThat(app.get("/api/tts/config").json().at("/events/gift").asText()).isEqualTo("{nickname} sent {giftCount} {giftName}");

            app.put("/api/settings", "{\"ui.language\": \"de\"}");
            assertThat(alert(app, "gift").get("text").asText()).isEqualTo("{nickname} schickt {giftCount}x {giftName}!");
            assertThat(alert(app, "follow").get("text").asText()).isEqualTo("{nickname} folgt jetzt!");
            assertThat(app.get("/api/tts/config").json().at("/events/gift").asText()).isEqualTo("{nickname} schickt {giftCount} {giftName}");

            // Saving an alert with its default text (a new sound, say) keeps the text following the language.
            assertThat(app.put("/api/alerts/gift", "{\"volume\": 0.5}").status()).isEqualTo(200);
            app.put("/api/alerts/follow", "{\"text\": \"Willkommen, {nickname}!\"}");
            app.put("/api/settings", "{\"ui.language\": \"en\"}");
            assertThat(alert(app, "gift").get("text").asText()).isEqualTo("{nickname} sent {giftCount}x {giftName}!");
            assertThat(alert(app, "gift").get("volume").asDouble()).isEqualTo(0.5);
            assertThat(alert(app, "follow").get("text").asText()).isEqualTo("Willkommen, {nickname}!");
        }
        // ...and so it is after a restart.
        try (TestApp app = TestApp.start(dir)) {
            assertThat(alert(app, "gift").get("text").asText()).isEqualTo("{nickname} sent {giftCount}x {giftName}!");
            assertThat(alert(app, "follow").get("text").asText()).isEqualTo("Willkommen, {nickname}!");
        }
    }
}
