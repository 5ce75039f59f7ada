package app.ltth.minecraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Minecraft bridge against a mod speaking the original LTTH's protocol: off by default, the mod's actions listed,
 * each mapping once per finished streak with its placeholders, like milestones, the rate limit, actions waiting while
 * the game is away and sent when it is back, the game's refusal shown, flows, and bad mappings refused by field.
 */
class MinecraftBridgeTest {

    @TempDir
    Path dir;

    private static JsonNode status(TestApp app) throws Exception {
        return app.get("/api/minecraft").json();
    }

    @Test
    void mappingsReachTheGameOnceAtTheirPaceAndWaitWhileItIsAway() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            int port = TestApp.freeTcpPort();
            assertThat(status(app).get("listening").asBoolean()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", MinecraftService.DEFAULT_PORT).close()).isInstanceOf(ConnectException.class);
            assertThat(app.post("/api/minecraft/run", "{\"action\":\"lightning\"}").status()).as("off: nothing is queued").isEqualTo(409);

            // Bad mappings are refused at save, the field named.
            assertThat(app.put("/api/minecraft/config", "{\"mappings\":[{\"on\":\"gift\",\"action\":\"spawn entity!\"}]}")
                    .json().get("field").asText()).isEqualTo("mappings[0].action");
            assertThat(app.put("/api/minecraft/config", "{\"mappings\":[{\"on\":\"likes\",\"action\":\"lightning\"}]}")
                    .json().get("field").asText()).isEqualTo("mappings[0].likes");
            assertThat(app.put("/api/minecraft/config", "{\"mappings\":[{\"on\":\"gift\",\"action\":\"x\",\"params\":{\"a\":{\"b\":1}}}]}")
                    .json().get("field").asText()).isEqualTo("mappings[0].params.a");
            assertThat(app.put("/api/minecraft/config", "{\"perMinute\":0}").json().get("field").asText()).isEqualTo("perMinute");

            TestApp.Response saved = app.put("/api/minecraft/config", "{\"perMinute\": 3, \"gapMillis\": 0, \"mappings\":["
                    + "{\"on\":\"gift\",\"gift\":\"Rose\",\"action\":\"spawn_entity\",\"params\":{\"entity\":\"creeper\",\"count\":\"{giftCount}\",\"name\":\"{nickname}\"}},"
                    + "{\"on\":\"likes\",\"likes\":100,\"action\":\"lightning\"},"
                    + "{\"on\":\"follow\",\"action\":\"give_item\",\"params\":{\"item\":\"cake\"}}]}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().at("/mappings/0/on").asText()).as("written flat, as it is read").isEqualTo("gift");

            app.put("/api/settings", "{\"minecraft.port\": " + port + "}");
            assertThat(app.post("/api/plugins/minecraft/enable", "").status()).isEqualTo(200);
            TestApp.await(() -> status(app).get("listening").asBoolean());
            try (FakeMod mod = new FakeMod(port, "give_item")) {
                TestApp.await(() -> status(app).get("actions").size() == 3);
                assertThat(status(app).get("connected").asBoolean()).isTrue();
                assertThat(status(app).at("/actions/0/params/0").asText()).isEqualTo("entity");

                for (int n = 1; n <= 3; n++) {
                    app.simulate("{\"type\":\"gift\",\"user\":\"anna\",\"nickname\":\"Anna\",\"giftName\":\"Rose\",\"coins\":1,\"count\":" + n
                            + ",\"repeatEnd\":" + (n == 3) + "}");
                }
                JsonNode spawn = mod.next();
                assertThat(spawn.get("type").asText()).isEqualTo("execute_action");
                assertThat(spawn.get("action").asText()).isEqualTo("spawn_entity");
                assertThat(spawn.at("/params/entity").asText()).isEqualTo("creeper");
                assertThat(spawn.at("/params/count").asText()).isEqualTo("3");
                assertThat(spawn.at("/params/name").asText()).isEqualTo("Anna");
                assertThat(spawn.get("timestamp").asLong()).isPositive();

                // 250 likes: two milestones of 100.
                app.simulate("{\"type\":\"like\",\"user\":\"ben\",\"count\":250}");
                assertThat(mod.next().get("action").asText()).isEqualTo("lightning");
                assertThat(mod.next().get("action").asText()).isEqualTo("lightning");
                assertThat(mod.executed.poll(300, TimeUnit.MILLISECONDS)).as("once per streak, twice for 250 likes").isNull();

                // Three in this minute were sent: the fourth waits for the limit.
                app.simulate("{\"type\":\"follow\",\"user\":\"cleo\"}");
                TestApp.await(() -> status(app).get("waiting").asInt() == 1);
                assertThat(mod.executed.poll(500, TimeUnit.MILLISECONDS)).as("the rate limit holds").isNull();
            }
            TestApp.await(() -> !status(app).get("connected").asBoolean());

            // The game is away: raise the limit; what comes now waits, and goes when the game is back.
            app.put("/api/minecraft/config", "{\"perMinute\": 100}");
            TestApp.Response flow = app.post("/api/flows", "{\"name\":\"mc\",\"trigger\":{\"type\":\"event\",\"event\":\"share\"},"
                    + "\"actions\":[{\"type\":\"minecraft\",\"action\":\"spawn_entity\",\"params\":{\"entity\":\"pig\",\"name\":\"{username}\"}}]}");
            assertThat(flow.status()).as(flow.body()).isEqualTo(201);
            app.simulate("{\"type\":\"share\",\"user\":\"dora\"}");
            TestApp.await(() -> status(app).get("waiting").asInt() == 2);
            try (FakeMod back = new FakeMod(port, "give_item")) {
                JsonNode waited = back.next();
                assertThat(waited.get("action").asText()).as("the follow that waited for the limit").isEqualTo("give_item");
                JsonNode pig = back.next();
                assertThat(pig.at("/params/entity").asText()).isEqualTo("pig");
                assertThat(pig.at("/params/name").asText()).isEqualTo("dora");
                TestApp.await(() -> status(app).get("refused").asInt() == 1);
                assertThat(status(app).get("recent")).as("the game's refusal, in its words")
                        .anyMatch(r -> r.get("action").asText().equals("give_item") && r.get("result").asText().equals("Unknown entity"));
                assertThat(app.post("/api/minecraft/run", "{\"action\":\"lightning\",\"params\":{\"power\":\"9\"}}").status()).isEqualTo(202);
                assertThat(back.next().at("/params/power").asText()).isEqualTo("9");
            }
            assertThat(app.post("/api/plugins/minecraft/disable", "").status()).isEqualTo(200);
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }
}
