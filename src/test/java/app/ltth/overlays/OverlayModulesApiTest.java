package app.ltth.overlays;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts, goals, leaderboards, media and the overlay list over REST and Socket.IO, as the pages use them. */
class OverlayModulesApiTest {

    @TempDir
    Path dir;

    static void awaitGoal(TestApp app, String id, long current) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (app.get("/api/goals/" + id).json().get("current").asLong() != current) {
            assertThat(System.currentTimeMillis()).as("goal " + id + " reaches " + current).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aStreakCountsOnceEverywhereAndShowsOneAlert() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, "alert:show", "goal:update", "leaderboard:update")) {
            String goal = app.post("/api/goals", "{\"name\":\"Roses\",\"target\":1000}").json().get("id").asText();
            app.giftStreak("anna", "<b>Anna</b>", "Rose", 1, 10, 42);
            app.awaitStored();

            JsonNode alert = socket.await("alert:show", a -> true);
            assertThat(alert.get("type").asText()).isEqualTo("gift");
            assertThat(alert.get("html").asText()).isEqualTo("&lt;b&gt;Anna&lt;/b&gt; sent 10x Rose!");
            assertThat(app.get("/api/alerts").json().at("/queue/waiting").asInt()).as("one alert, not ten").isZero();
            awaitGoal(app, goal, 10);
            socket.await("goal:update", g -> g.get("current").asLong() == 10);
            JsonNode board = socket.await("leaderboard:update", b -> b.at("/boards/gifters").size() == 1);
            assertThat(board.at("/boards/gifters/0/value").asLong()).isEqualTo(10);
            assertThat(app.get("/api/leaderboard?board=gifters&period=alltime").json().at("/rows/0/value").asLong()).isEqualTo(10);
        }
    }

    @Test
    void goalsAreManagedOverRestKeepTheirProgressAndMoveByLiveEvents() throws Exception {
        String id;
        try (TestApp app = TestApp.start(dir)) {
            TestApp.Response bad = app.post("/api/goals", "{\"name\":\"Likes\",\"target\":0}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("target");
            assertThat(app.post("/api/goals", "{\"name\":\"x\",\"target\":5,\"onReached\":\"explode\"}").json()
                    .get("field").asText()).isEqualTo("onReached");

            id = app.post("/api/goals", "{\"name\":\"Likes\",\"metric\":\"likes\",\"target\":100,\"onReached\":\"double\"}")
                    .json().get("id").asText();
            app.post("/api/events/simulate", "{\"type\":\"like\",\"user\":\"ben\",\"count\":60}");
            app.post("/api/events/simulate", "{\"type\":\"follow\",\"user\":\"ben\"}");
            awaitGoal(app, id, 60);
            JsonNode reached = app.post("/api/goals/" + id + "/add", "{\"amount\":45}").json();
            assertThat(reached.get("current").asLong()).isEqualTo(105);
            assertThat(reached.get("currentTarget").asLong()).as("doubled when reached").isEqualTo(200);
            assertThat(app.post("/api/goals/" + id + "/set", "{\"value\":-3}").json().get("field").asText()).isEqualTo("value");
            assertThat(app.post("/api/goals/nope/add", "{\"amount\":1}").status()).isEqualTo(404);
            assertThat(app.put("/api/goals/" + id, "{\"label\":\"{name}: {percent}%\"}").json().get("current").asLong())
                    .as("editing keeps the progress").isEqualTo(105);
            assertThat(app.get("/api/overlays").json().findValuesAsText("id")).contains("alerts", "goals", "leaderboard",
                    "chat", "gifts", "hud", "emoji-rain", "xp-bar", "level-up", "xp-board", "viewer-card", "spotlight-follower",
                    "spotlights", "goal-" + id);
        }
        try (TestApp app = TestApp.start(dir)) {
            JsonNode again = app.get("/api/goals/" + id).json();
            assertThat(again.get("current").asLong()).as("progress survives a restart").isEqualTo(105);
            assertThat(again.get("currentTarget").asLong()).isEqualTo(200);
            assertThat(again.get("label").asText()).isEqualTo("{name}: {percent}%");
            assertThat(app.post("/api/goals/" + id + "/reset", "").json().get("currentTarget").asLong()).isEqualTo(100);
            assertThat(app.delete("/api/goals/" + id).status()).isEqualTo(200);
            assertThat(app.get("/api/goals/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void alertConfigsAreValidatedStoredAndTestable() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            TestApp.Response bad = app.put("/api/alerts/gift", "{\"animation\":\"explode\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("animation");
            assertThat(app.put("/api/alerts/gift", "{\"sound\":\"javascript:alert(1)\"}").json().get("field").asText())
                    .isEqualTo("sound");
            assertThat(app.put("/api/alerts/hug", "{}").status()).isEqualTo(400);
            assertThat(app.put("/api/alerts/gift", "{\"minCoins\":100,\"text\":\"{nickname}: {coins} coins\"}").status())
                    .isEqualTo(200);

            app.giftStreak("cheap", "Cheap", "Rose", 1, 5, 1);
            app.awaitStored();
            assertThat(app.get("/api/alerts").json().at("/queue/showing").isObject()).as("under minCoins: no alert").isFalse();
            app.giftStreak("rich", "Rich", "Lion", 500, 1, 2);
            app.awaitStored();
            // The alert is queued on delivery; the player thread takes it a moment later.
            TestApp.await(() -> app.get("/api/alerts").json().at("/queue/showing").isObject());
            assertThat(app.get("/api/alerts").json().at("/queue/showing/html").asText()).isEqualTo("Rich: 500 coins");

            JsonNode test = app.post("/api/alerts/follow/test", "").json();
            assertThat(test.get("html").asText()).isEqualTo("Test User followed!");
            // The streamer looks at OBS: the alert on screen makes way for the test at once.
            long deadline = System.currentTimeMillis() + 10_000;
            while (!app.get("/api/alerts").json().at("/queue/showing/type").asText().equals("follow")) {
                assertThat(System.currentTimeMillis()).as("the test alert shows without waiting").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
        try (TestApp app = TestApp.start(dir)) {
            JsonNode gift = app.get("/api/alerts").json().get("alerts").get(0);
            assertThat(gift.get("minCoins").asLong()).as("stored in the profile").isEqualTo(100);
        }
    }

    @Test
    void likeMilestonesAlertWhenTheRoomPassesAStep() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.put("/api/alerts/like", "{\"likeStep\":100}");
            app.post("/api/events/simulate", "{\"type\":\"like\",\"user\":\"a\",\"count\":60}");
            app.post("/api/events/simulate", "{\"type\":\"like\",\"user\":\"b\",\"count\":30}");
            app.awaitStored();
            assertThat(app.get("/api/alerts").json().at("/queue/showing").isObject()).isFalse();
            app.post("/api/events/simulate", "{\"type\":\"like\",\"user\":\"c\",\"count\":20}");
            // The alerts run behind their own queue: the event log having stored the like says nothing about them.
            TestApp.await(() -> !app.get("/api/alerts").json().at("/queue/showing/html").asText().isEmpty());
            assertThat(app.get("/api/alerts").json().at("/queue/showing/html").asText()).isEqualTo("100 likes! Thank you!");
        }
    }

    @Test
    void mediaUploadsAreServedAndOnlyMediaIsAccepted() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            byte[] sound = "ID3 fake mp3 bytes".getBytes(StandardCharsets.UTF_8);
            JsonNode stored = app.upload("/api/media", "file", "../../My Ding!.mp3", sound, Map.of()).json();
            assertThat(stored.get("name").asText()).isEqualTo("My_Ding_.mp3");
            assertThat(stored.get("kind").asText()).isEqualTo("audio");
            TestApp.Response served = app.get(stored.get("url").asText());
            assertThat(served.body()).isEqualTo("ID3 fake mp3 bytes");
            assertThat(served.contentType()).hasValue("audio/mpeg");
            TestApp.Response refused = app.upload("/api/media", "file", "evil.html", sound, Map.of());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("file");
            assertThat(app.get("/media/..%2Fuser_data.lock").status()).isEqualTo(404);
            assertThat(app.get("/api/media").json().get("media")).hasSize(1);
            assertThat(app.delete("/api/media/My_Ding_.mp3").status()).isEqualTo(200);
            assertThat(app.get("/media/My_Ding_.mp3").status()).isEqualTo(404);
            // A name Windows keeps for a device gets a prefix, so the file can be copied to any computer.
            assertThat(app.upload("/api/media", "file", "CON.mp3", sound, Map.of()).json().get("name").asText())
                    .isEqualTo("_CON.mp3");
        }
    }

    @Test
    void leaderboardOrderFollowsMixedGiftsAndResets() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.giftStreak("anna", "Anna", "Rose", 1, 10, 1);          // 10
            app.giftStreak("ben", "Ben", "Lion", 500, 1, 2);           // 500
            app.giftStreak("cleo", "Cleo", "Heart", 5, 3, 3);          // 15
            app.giftStreak("anna", "Anna", "Galaxy", 1000, 1, 4);      // anna 1010
            app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"dan\",\"giftName\":\"Rose\",\"coins\":1,"
                    + "\"count\":99,\"repeatEnd\":false,\"groupId\":5}");   // a streak still running: not counted yet
            app.awaitStored();
            JsonNode rows = app.get("/api/leaderboard?board=gifters&period=stream").json().get("rows");
            assertThat(rows.findValuesAsText("uniqueId")).containsExactly("anna", "ben", "cleo");
            assertThat(rows.get(0).get("value").asLong()).isEqualTo(1010);
            assertThat(app.get("/api/leaderboard?board=hugs").json().get("field").asText()).isEqualTo("board");
            assertThat(app.get("/api/leaderboard?limit=0").json().get("field").asText()).isEqualTo("limit");
            assertThat(app.get("/api/leaderboard?board=likers").json().get("estimated").asBoolean()).isTrue();
            app.post("/api/leaderboard/reset", "");
            assertThat(app.get("/api/leaderboard").json().get("rows")).isEmpty();
            assertThat(app.get("/api/leaderboard?period=alltime").json().get("rows")).as("all time stays").hasSize(3);
        }
    }
}
