package app.ltth.spotlights;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spotlights through the running app: each kind reaches an overlay on its event, and is there again after a restart. */
class SpotlightApiTest {

    @TempDir
    Path dir;

    @Test
    void eachSpotlightReachesTheOverlayAndSurvivesARestart() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.subscribe(app.socketUrl(), null, List.of(SpotlightService.UPDATE_EVENT),
                     SpotlightService.UPDATE_EVENT)) {
            assertThat(overlay.await(SpotlightService.UPDATE_EVENT, m -> true).get("cleared").size())
                    .as("the greeting: every kind, empty so far").isEqualTo(Spotlights.KINDS.size());
            app.simulate("{\"type\":\"follow\",\"user\":\"spot_follow\",\"nickname\":\"Follower\"}");
            app.simulate("{\"type\":\"like\",\"user\":\"spot_like\",\"count\":25}");
            app.simulate("{\"type\":\"chat\",\"user\":\"spot_chat\",\"comment\":\"what a stream\"}");
            app.simulate("{\"type\":\"share\",\"user\":\"spot_share\"}");
            app.simulate("{\"type\":\"subscribe\",\"user\":\"spot_sub\"}");
            app.giftStreak("spot_gift", "Gifter", "Rose", 1, 7, 3);
            // What changed comes once a second, several kinds in one message: gather them as the overlay does.
            Map<String, String> seen = new HashMap<>();
            Map<String, String> expected = Map.of("follower", "spot_follow", "liker", "spot_like", "chatter", "spot_chat",
                    "sharer", "spot_share", "subscriber", "spot_sub", "gifter", "spot_gift", "topGift", "spot_gift",
                    "streak", "spot_gift");
            overlay.await(SpotlightService.UPDATE_EVENT, m -> {
                m.get("spotlights").fields().forEachRemaining(e -> seen.put(e.getKey(), e.getValue().get("uniqueId").asText()));
                return seen.equals(expected);
            });
            JsonNode all = app.get("/api/spotlights").json().get("spotlights");
            assertThat(all.at("/chatter/comment").asText()).isEqualTo("what a stream");
            assertThat(all.at("/gifter/count").asLong()).isEqualTo(7);
            assertThat(all.at("/liker/count").asLong()).isEqualTo(25);
        }
        try (TestApp again = TestApp.start(dir);
             TestSocket overlay = TestSocket.subscribe(again.socketUrl(), null, List.of(SpotlightService.UPDATE_EVENT),
                     SpotlightService.UPDATE_EVENT)) {
            JsonNode greeting = overlay.await(SpotlightService.UPDATE_EVENT, m -> true);
            assertThat(greeting.at("/spotlights/follower/nickname").asText()).as("kept across a restart").isEqualTo("Follower");
            assertThat(greeting.at("/spotlights/topGift/coins").asLong()).isEqualTo(7);
        }
    }
}
