package app.ltth.games;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wheel of fortune through the running app: a fresh profile spins with {}, a gift spins the wheel its rule names
 * and the overlay hears the decided segment, the prize's points are paid, flows hear the end, !spin from chat, the
 * plugin off, the settings kept across a restart.
 */
class GamesApiTest {

    @TempDir
    Path dir;

    @Test
    void giftsCommandsFlowsAndTheDashboardSpinTheRightWheelAndPrizesArePaid() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, WheelGame.SPIN, GameService.ENDED)) {
            TestApp.Response fresh = app.post("/api/games/wheel/start", "{}");
            assertThat(fresh.status()).as(fresh.body()).isEqualTo(202);
            assertThat(overlay.await(WheelGame.SPIN, m -> true).at("/wheel/id").asText()).isEqualTo("main");
            assertThat(app.post("/api/games/plinko/start", "{}").status()).isEqualTo(404);
            assertThat(app.post("/api/games/wheel/start", "{\"wheel\":\"nope\"}").json().get("field").asText()).isEqualTo("wheel");

            // one sure segment on a second wheel, quick to spin, which a Lion spins
            TestApp.Response saved = app.put("/api/games/wheel/config", "{\"wheels\":["
                    + "{\"id\":\"main\",\"name\":\"Main\",\"spinSeconds\":1,\"segments\":[{\"text\":\"a\"},{\"text\":\"b\"}]},"
                    + "{\"id\":\"lion\",\"name\":\"Lion wheel\",\"spinSeconds\":1,\"segments\":["
                    + "{\"text\":\"Jackpot\",\"weight\":10000,\"prize\":{\"text\":\"250 points\",\"points\":250,\"flow\":\"thanks\"}},"
                    + "{\"text\":\"Nothing\",\"weight\":1}]}],"
                    + "\"rules\":[{\"gift\":\"Lion\",\"wheel\":\"lion\"}]}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            TestApp.Response thanks = app.post("/api/flows", "{\"id\":\"thanks\",\"name\":\"thanks\",\"trigger\":{\"type\":\"manual\"},"
                    + "\"actions\":[{\"type\":\"variable\",\"name\":\"thanked\",\"op\":\"set\",\"value\":\"{winner} {prize}\"}]}");
            assertThat(thanks.status()).as(thanks.body()).isEqualTo(201);
            TestApp.Response ended = app.post("/api/flows", "{\"name\":\"ended\",\"trigger\":{\"type\":\"gameEnded\",\"game\":\"wheel\"},"
                    + "\"actions\":[{\"type\":\"variable\",\"name\":\"won\",\"op\":\"set\",\"value\":\"{username} {segment} {points}\"}]}");
            assertThat(ended.status()).as(ended.body()).isEqualTo(201);
            overlay.drain(WheelGame.SPIN);

            app.giftStreak("lucky", "Lucky", "Lion", 29999, 1, 21);
            JsonNode spin = overlay.await(WheelGame.SPIN, m -> m.at("/wheel/id").asText().equals("lion"));
            int segment = spin.get("segment").asInt();
            assertThat(spin.at("/wheel/segments/" + segment + "/text").asText()).isEqualTo("Jackpot");
            assertThat(spin.get("nickname").asText()).isEqualTo("Lucky");
            JsonNode result = overlay.await(GameService.ENDED, m -> m.get("round").asText().equals(spin.get("round").asText()));
            assertThat(result.at("/result/prize").asText()).isEqualTo("250 points");
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("won = lucky Jackpot 250"));
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("thanked = Lucky 250 points"));
            // the prize's points, kept with the viewer's corrections as who gave them
            TestApp.await(() -> app.get("/api/viewers/lucky/corrections").json().toString().contains("wheel round"));
            assertThat(app.get("/api/viewers/lucky/corrections").json().at("/corrections/0/amount").asLong()).isEqualTo(250);
            TestApp.await(() -> app.get("/api/events?type=custom").json().toString().contains("gameEnded"));   // in the event log

            // chat: a follower spins by name, a stranger does not
            app.simulate("{\"type\":\"chat\",\"user\":\"stranger\",\"comment\":\"!spin lion wheel\"}");
            app.simulate("{\"type\":\"chat\",\"user\":\"fan\",\"follower\":true,\"comment\":\"!spin Lion wheel\"}");
            JsonNode bySpin = overlay.await(WheelGame.SPIN, m -> m.get("nickname").asText().equals("fan"));
            assertThat(bySpin.at("/wheel/id").asText()).isEqualTo("lion");
            assertThat(app.get("/api/commands").json().get("recent").toString()).contains("stranger").contains("permission");

            app.post("/api/plugins/wheel/disable", "");
            assertThat(app.post("/api/games/wheel/start", "{}").status()).isEqualTo(409);
            assertThat(app.get("/api/games").json().at("/games/0/active").asBoolean()).isFalse();
            app.post("/api/plugins/wheel/enable", "");
        }
        try (TestApp again = TestApp.start(dir)) {
            assertThat(again.get("/api/games/wheel/config").json().at("/wheels/1/name").asText()).isEqualTo("Lion wheel");
        }
    }
}
