package app.ltth.streamerbot;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamer.bot against a local fake of its WebSocket server: the password's challenge, the actions listed, a flow's
 * action run once per finished streak with its placeholders, refusals with Streamer.bot's reason, and a reconnect
 * after Streamer.bot restarts.
 */
class StreamerBotTest {

    @TempDir
    Path dir;

    private static String state(TestApp app) throws Exception {
        return app.get("/api/streamerbot").json().get("state").asText();
    }

    @Test
    void aFlowRunsAnActionOncePerStreakAndTheLinkComesBackAfterARestart() throws Exception {
        int port = TestApp.freeTcpPort();
        try (FakeStreamerBot bot = new FakeStreamerBot(port, "s3cret", List.of(
                new FakeStreamerBot.Action("9c6203fd-363f-4834-983e-b10423c568ea", "Confetti", "Fun"),
                new FakeStreamerBot.Action("0f4c7d9e-1111-4a4a-9b9b-222233334444", "Scene: BRB", "Scenes")));
             TestApp app = TestApp.start(dir)) {
            assertThat(state(app)).isEqualTo("off");
            app.put("/api/settings", "{\"streamerbot.port\": " + port + ", \"streamerbot.password\": \"wrong\", "
                    + "\"streamerbot.connect\": true}");
            TestApp.await(() -> state(app).equals("auth_failed"));
            JsonNode refused = app.get("/api/streamerbot").json();
            assertThat(refused.get("message").asText()).contains("refused the password");
            assertThat(refused.toString()).doesNotContain("wrong");
            assertThat(refused.get("hasPassword").asBoolean()).isTrue();

            app.put("/api/settings", "{\"streamerbot.password\": \"s3cret\"}");
            TestApp.await(() -> app.get("/api/streamerbot").json().get("actions").size() == 2);
            assertThat(state(app)).isEqualTo("connected");
            assertThat(app.get("/api/streamerbot").json().at("/actions/0/name").asText()).isEqualTo("Confetti");

            // A flow: every finished Rose streak runs Confetti with who and how many.
            TestApp.Response flow = app.post("/api/flows", "{\"name\":\"confetti\",\"trigger\":{\"type\":\"event\",\"event\":\"gift\"},"
                    + "\"actions\":[{\"type\":\"streamerbot\",\"action\":\"Confetti\",\"args\":{\"user\":\"{username}\",\"roses\":\"{giftCount}\"}}]}");
            assertThat(flow.status()).as(flow.body()).isEqualTo(201);
            for (int n = 1; n <= 3; n++) {
                app.simulate("{\"type\":\"gift\",\"user\":\"anna\",\"giftName\":\"Rose\",\"coins\":1,\"count\":" + n
                        + ",\"repeatEnd\":" + (n == 3) + "}");
            }
            JsonNode run = bot.ran.poll(10, TimeUnit.SECONDS);
            assertThat(run).as("the flow's DoAction").isNotNull();
            assertThat(run.at("/action/id").asText()).isEqualTo("9c6203fd-363f-4834-983e-b10423c568ea");
            assertThat(run.at("/args/user").asText()).isEqualTo("anna");
            assertThat(run.at("/args/roses").asText()).isEqualTo("3");
            app.simulate("{\"type\":\"chat\",\"user\":\"ben\",\"comment\":\"a chat after the streak\"}");
            app.awaitStored();
            TestApp.await(() -> app.get("/api/flows/log").json().get("runs").size() == 1);
            assertThat(bot.ran.poll(500, TimeUnit.MILLISECONDS)).as("once per finished streak").isNull();
            assertThat(app.get("/api/flows/log").json().at("/runs/0/steps/0/result").asText()).isEqualTo("Streamer.bot ran Confetti");

            // Streamer.bot's refusal, in its words; bad input is the caller's.
            TestApp.Response unknown = app.post("/api/streamerbot/run", "{\"action\": \"Nope\"}");
            assertThat(unknown.status()).isEqualTo(409);
            assertThat(unknown.json().get("error").asText()).contains("Action not found");
            assertThat(app.post("/api/streamerbot/run", "{\"action\": \"Confetti\", \"args\": \"x\"}").json().get("field").asText()).isEqualTo("args");
            assertThat(app.post("/api/flows", "{\"name\":\"x\",\"trigger\":{\"type\":\"event\",\"event\":\"gift\"},"
                    + "\"actions\":[{\"type\":\"streamerbot\"}]}").json().get("field").asText()).isEqualTo("actions[0].action");

            // Streamer.bot restarts: LTTH comes back on its own and runs again.
            bot.stop();
            TestApp.await(() -> !state(app).equals("connected"));
            bot.start();
            TestApp.await(() -> state(app).equals("connected"));
            assertThat(app.post("/api/streamerbot/run", "{\"action\": \"Scene: BRB\", \"args\": {\"reason\": \"break\"}}").status()).isEqualTo(200);
            JsonNode again = bot.ran.poll(5, TimeUnit.SECONDS);
            assertThat(again.at("/action/id").asText()).isEqualTo("0f4c7d9e-1111-4a4a-9b9b-222233334444");
            assertThat(app.get("/api/streamerbot").json().get("reconnects").asInt()).isPositive();
            assertThat(app.get("/api/streamerbot").json().at("/runs/0/action").asText()).isEqualTo("Scene: BRB");

            app.put("/api/settings", "{\"streamerbot.connect\": false}");
            TestApp.await(() -> state(app).equals("off"));
        }
    }
}
