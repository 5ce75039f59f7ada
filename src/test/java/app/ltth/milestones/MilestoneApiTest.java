package app.ltth.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import app.ltth.alerts.AlertService;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gift milestones through the running app: celebrated on the Alerts overlay, in order, with their media; the API. */
class MilestoneApiTest {

    @TempDir
    Path dir;

    @Test
    void aStreakCrossingTwoTiersShowsBothCelebrationsInOrderOnTheAlertsOverlay() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, AlertService.SHOW)) {
            TestApp.Response bad = app.put("/api/milestones", "{\"tiers\":[{\"coins\":50},{\"coins\":20}]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("tiers[1].coins");
            TestApp.Response saved = app.put("/api/milestones", "{\"tiers\":[{\"coins\":10,\"media\":\"/media/ten.gif\","
                    + "\"seconds\":1},{\"coins\":30,\"name\":\"<b>Thirty</b>\",\"sound\":\"/sounds/gift.wav\",\"seconds\":1}]}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("nextCoins").asLong()).isEqualTo(10);
            assertThat(app.post("/api/milestones/test", "{\"tier\":5}").json().get("field").asText()).isEqualTo("tier");

            app.giftStreak("fan", "Fan", "Rose", 1, 35, 4);
            JsonNode first = overlay.await(AlertService.SHOW, a -> a.get("type").asText().equals("milestone"));
            assertThat(first.get("html").asText()).isEqualTo("Milestone: 10 coins!");
            assertThat(first.get("media").asText()).isEqualTo("/media/ten.gif");
            JsonNode second = overlay.await(AlertService.SHOW, a -> a.get("type").asText().equals("milestone"));
            assertThat(second.get("html").asText()).as("the name is text").isEqualTo("&lt;b&gt;Thirty&lt;/b&gt;: 30 coins!");
            assertThat(second.get("sound").asText()).isEqualTo("/sounds/gift.wav");
            TestApp.await(() -> app.get("/api/milestones").json().get("reached").asInt() == 2);

            assertThat(app.post("/api/milestones/reset", "").json().get("coins").asLong()).isZero();
            assertThat(app.post("/api/milestones/test", "{\"tier\":1}").status()).isEqualTo(200);
            assertThat(overlay.await(AlertService.SHOW, a -> a.get("type").asText().equals("milestone")).get("sound").asText())
                    .isEqualTo("/sounds/gift.wav");
        }
        try (TestApp again = TestApp.start(dir)) {
            assertThat(again.get("/api/milestones").json().at("/plan/tiers")).hasSize(2);
        }
    }
}
