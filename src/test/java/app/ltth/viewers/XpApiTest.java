package app.ltth.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Viewer levels through the running app: earning, level-ups for flows and overlays, caps, commands, corrections. */
class XpApiTest {

    @TempDir
    Path dir;

    private static void chat(TestApp app, String user, String comment, boolean moderator) throws Exception {
        app.simulate(Json.MAPPER.createObjectNode().put("type", "chat").put("user", user).put("nickname", user.toUpperCase())
                .put("moderator", moderator).put("comment", comment).toString());
    }

    private static JsonNode xp(TestApp app, String handle) throws Exception {
        return app.get("/api/viewers/" + handle).json().get("xp");
    }

    @Test
    void aFollowAndGiftsReachTheLevelWhoseLevelUpRunsTheFlowAndReachesTheOverlay() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, XpService.LEVEL_UP_EVENT)) {
            TestApp.Response flow = app.post("/api/flows", "{\"name\":\"level up\",\"trigger\":{\"type\":\"xp\",\"on\":\"levelUp\"},"
                    + "\"actions\":[{\"type\":\"variable\",\"name\":\"l\",\"op\":\"set\",\"value\":\"{nickname} {oldLevel}>{level} {levelName}\"},"
                    + "{\"type\":\"addPoints\",\"value\":\"{level}\"}]}");
            assertThat(flow.status()).as(flow.body()).isEqualTo(201);
            assertThat(flow.json().get("warnings")).isEmpty();
            app.simulate("{\"type\":\"follow\",\"user\":\"anna\",\"nickname\":\"Anna\"}");
            app.giftStreak("anna", "Anna", "Rose", 1, 10, 1);
            // follow 50 + daily bonus 20 + 10 coins = 80: level 1; a 20-coin gift makes 100: level 2
            TestApp.await(() -> xp(app, "anna") != null && xp(app, "anna").get("xp").asLong() == 80);
            assertThat(xp(app, "anna").get("level").asInt()).isEqualTo(1);
            app.simulate("{\"type\":\"gift\",\"user\":\"anna\",\"nickname\":\"Anna\",\"giftName\":\"Doughnut\",\"coins\":20,\"count\":1,"
                    + "\"streakable\":false}");
            JsonNode up = overlay.await(XpService.LEVEL_UP_EVENT, e -> true);
            assertThat(up.get("handle").asText()).isEqualTo("anna");
            assertThat(up.get("level").asInt()).isEqualTo(2);
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("l = Anna 1>2 Newcomer"));
            TestApp.await(() -> xp(app, "anna").get("points").asLong() == 100 + 2);   // the flow's addPoints
            // an event's flow sees the viewer's level too
            assertThat(app.get("/api/viewers?sort=points").json().at("/viewers/0/handle").asText()).isEqualTo("anna");
        }
        try (TestApp again = TestApp.start(dir)) {
            assertThat(xp(again, "anna").get("xp").asLong()).as("kept across a restart").isEqualTo(100);
            assertThat(xp(again, "anna").get("points").asLong()).isEqualTo(102);
        }
    }

    @Test
    void rankShowsTheViewerCardAndTheOverlaysLearnWhoEarnedTheirLevelsAndThisStreamsBoard() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, XpService.CARD_EVENT, XpService.ACTIVE_EVENT,
                     XpService.LEVELS_EVENT, XpService.BOARD_EVENT)) {
            app.giftStreak("anna", "Anna", "Rose", 1, 300, 1);   // 300 coins + 20 daily bonus: 320 XP, level 3
            chat(app, "ben", "hi", false);                       // 5 + 20: 25 XP, level 1
            JsonNode active = overlay.await(XpService.ACTIVE_EVENT, m -> m.path("handle").asText().equals("ben"));
            assertThat(active.get("xp").asLong()).isEqualTo(25);
            assertThat(active.get("nextLevelXp").asLong()).isEqualTo(100);
            JsonNode levels = overlay.await(XpService.LEVELS_EVENT, m -> m.at("/viewers/ben").isObject());
            assertThat(levels.at("/viewers/ben/level").asInt()).isEqualTo(1);
            JsonNode board = overlay.await(XpService.BOARD_EVENT, m -> m.at("/boards/xp").size() == 2);
            assertThat(board.at("/boards/xp/0/handle").asText()).isEqualTo("anna");
            assertThat(board.at("/boards/xp/0/value").asLong()).isEqualTo(320);
            assertThat(board.at("/boards/level/0/value").asInt()).isEqualTo(3);

            chat(app, "anna", "!rank", false);
            JsonNode card = overlay.await(XpService.CARD_EVENT, m -> true);
            assertThat(card.get("handle").asText()).isEqualTo("anna");
            assertThat(card.get("level").asInt()).isEqualTo(3);
            assertThat(card.get("rank").asLong()).as("first by XP").isEqualTo(1);
            TestApp.await(() -> xp(app, "ben") != null);
            chat(app, "ben", "!rank", false);
            assertThat(overlay.await(XpService.CARD_EVENT, m -> true).get("rank").asLong()).isEqualTo(2);

            assertThat(app.put("/api/xp/config", "{\"rankAnswer\":\"speech\"}").json().get("rankAnswer").asText()).isEqualTo("speech");
            assertThat(app.put("/api/xp/config", "{\"rankAnswer\":\"chat\"}").json().get("field").asText()).isEqualTo("rankAnswer");
            chat(app, "cara", "hello", false);
            TestApp.await(() -> xp(app, "cara") != null);
            chat(app, "cara", "!rank", false);
            chat(app, "cara", "!rank", false);   // refused (cooldown) and listed: the first has been answered by then
            TestApp.await(() -> app.get("/api/commands").json().get("recent").toString().contains("\"viewer\":\"cara\",\"command\":\"xp\",\"ran\":false"));
            assertThat(overlay.drain(XpService.CARD_EVENT)).as("spoken only: no card").isEmpty();
        }
    }

    @Test
    void farmingBeyondTheCapGainsNothingAndGiveIsForModeratorsOnly() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            assertThat(app.put("/api/xp/config", "{\"chatCooldownSeconds\":0,\"capPer5Minutes\":30,\"dailyBonus\":0}").status())
                    .isEqualTo(200);
            TestApp.Response bad = app.put("/api/xp/config", "{\"levelExponent\":9}");
            assertThat(bad.json().get("field").asText()).isEqualTo("levelExponent");
            assertThat(app.put("/api/xp/config", "{\"levelNames\":{\"0\":\"x\"}}").json().get("field").asText()).isEqualTo("levelNames");
            for (int i = 0; i < 20; i++) chat(app, "farmer", "spam " + i, false);
            app.awaitStored();
            TestApp.await(() -> xp(app, "farmer") != null && xp(app, "farmer").get("xp").asLong() == 30);
            chat(app, "farmer", "one more", false);
            chat(app, "marker", "after the farmer", false);
            TestApp.await(() -> xp(app, "marker") != null);
            assertThat(xp(app, "farmer").get("xp").asLong()).as("capped at 30 in 5 minutes").isEqualTo(30);

            chat(app, "farmer", "!give @farmer 1000", false);
            TestApp.await(() -> app.get("/api/commands").json().get("recent").size() == 1);
            JsonNode refused = app.get("/api/commands").json().at("/recent/0");
            assertThat(refused.get("command").asText()).isEqualTo("give");
            assertThat(refused.at("/refusal/why").asText()).isEqualTo("permission");
            chat(app, "mod_mia", "!give @Farmer 15", true);
            TestApp.await(() -> xp(app, "farmer").get("points").asLong() == 30 + 15);

            JsonNode given = app.post("/api/viewers/farmer/points", "{\"add\":-5}").json();
            assertThat(given.get("points").asLong()).isEqualTo(40);
            assertThat(app.post("/api/viewers/nobody/points", "{\"add\":5}").status()).isEqualTo(404);
            assertThat(app.post("/api/viewers/farmer/points", "{\"add\":\"lots\"}").json().get("field").asText()).isEqualTo("add");
            assertThat(app.get("/api/viewers?q=FARM").json().get("viewers")).extracting(v -> v.get("handle").asText())
                    .containsExactly("farmer");
            assertThat(app.get("/api/viewers?sort=colour").json().get("field").asText()).isEqualTo("sort");
            assertThat(app.get("/api/viewers/farmer/corrections").json().get("corrections"))
                    .extracting(c -> c.get("amount").asLong() + " " + c.get("what").asText() + " by " + c.get("by").asText())
                    .containsExactly("-5 points by the dashboard", "15 points by !give of @mod_mia");

            // Off (the plugin): nothing is earned.
            assertThat(app.post("/api/plugins/xp/disable", "").status()).isEqualTo(200);
            chat(app, "newcomer", "hello", false);
            app.awaitStored();
            Thread.sleep(300);
            assertThat(xp(app, "newcomer")).isNull();
        }
    }
}
