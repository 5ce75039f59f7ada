package app.ltth.effects;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Effects through the running app, as an overlay hears them: REST, gift rules, the emoji burst of a big streak, the
 * finale of a reached goal, chat commands with their permission, flow actions, the plugin switched off, a restart.
 */
class EffectsApiTest {

    @TempDir
    Path dir;

    @Test
    void effectsStartFromRestGiftsGoalsCommandsAndFlows() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, EffectService.START, EffectService.STOP,
                     EffectService.EMOJI, EffectService.STATE)) {
            TestApp.Response started = app.post("/api/effects/rain", "");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            JsonNode rain = overlay.await(EffectService.START, m -> m.get("name").asText().equals("rain"));
            assertThat(rain.get("seconds").asInt()).as("the configured seconds").isEqualTo(15);
            assertThat(rain.get("intensity").asDouble()).isEqualTo(0.7);
            assertThat(app.get("/api/effects").json().at("/state/running/0/name").asText()).isEqualTo("rain");
            TestApp.Response unknown = app.post("/api/effects/tornado", "{}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("field").asText()).isEqualTo("name");
            assertThat(app.post("/api/effects/snow", "{\"intensity\":5}").json().get("field").asText()).isEqualTo("intensity");
            app.post("/api/effects/stop", "{\"name\":\"rain\"}");
            overlay.await(EffectService.STOP, m -> m.get("name").asText().equals("rain"));
            assertThat(app.get("/api/effects").json().at("/state/running")).isEmpty();

            // gift rules and the burst of a big streak, with the viewer it is for
            assertThat(app.put("/api/effects", "{\"rules\":[{\"gift\":\"Rose\",\"effect\":\"snow\",\"seconds\":30},"
                    + "{\"minCoins\":500,\"effect\":\"fireworks\"}],\"emoji\":{\"burstCoins\":1000,\"burstCount\":50}}").status()).isEqualTo(200);
            overlay.await(EffectService.STATE, m -> m.at("/emoji/burstCount").asInt() == 50);
            app.giftStreak("rosy", "Rosy", "Rose", 1, 3, 11);
            assertThat(overlay.await(EffectService.START, m -> m.get("name").asText().equals("snow")).get("seconds").asInt()).isEqualTo(30);
            app.giftStreak("lion_fan", "Lion Fan", "Lion", 29999, 1, 12);
            assertThat(overlay.await(EffectService.START, m -> m.get("name").asText().equals("fireworks")).get("count").asInt())
                    .isEqualTo(1);
            JsonNode burst = overlay.await(EffectService.EMOJI, m -> m.get("op").asText().equals("burst"));
            assertThat(burst.get("count").asInt()).isEqualTo(50);
            assertThat(burst.get("user").asText()).isEqualTo("lion_fan");

            // a reached goal: the fireworks finale
            String goal = app.post("/api/goals", "{\"name\":\"Small\",\"metric\":\"coins\",\"target\":10}").json().get("id").asText();
            app.post("/api/goals/" + goal + "/add", "{\"amount\":10}");
            assertThat(overlay.await(EffectService.START, m -> m.get("finale").asBoolean()).get("count").asInt())
                    .isEqualTo(EffectService.FINALE_ROCKETS);

            // commands: a follower may, a stranger may not; a weather the streamer did not allow starts nothing
            app.put("/api/effects", "{\"commandEffects\":[\"snow\",\"fog\"]}");
            overlay.drain(EffectService.START);
            app.simulate("{\"type\":\"chat\",\"user\":\"stranger\",\"comment\":\"!weather fog\"}");
            app.simulate("{\"type\":\"chat\",\"user\":\"fan\",\"follower\":true,\"comment\":\"!weather rain\"}");
            app.simulate("{\"type\":\"chat\",\"user\":\"fan2\",\"follower\":true,\"comment\":\"!weather fog\"}");
            assertThat(overlay.await(EffectService.START, m -> true).get("name").asText()).isEqualTo("fog");
            assertThat(app.get("/api/commands").json().get("recent").toString()).contains("stranger").contains("permission");
            app.simulate("{\"type\":\"chat\",\"user\":\"fan3\",\"follower\":true,\"comment\":\"!emojirain storm\"}");
            JsonNode rains = overlay.await(EffectService.EMOJI, m -> m.get("op").asText().equals("start"));
            assertThat(rains.get("preset").asText()).isEqualTo("storm");

            // flows
            TestApp.Response flow = app.post("/api/flows", "{\"name\":\"party\",\"trigger\":{\"type\":\"manual\"},\"actions\":["
                    + "{\"type\":\"effect\",\"effect\":\"flame\",\"seconds\":\"12\"},"
                    + "{\"type\":\"emojiRain\",\"op\":\"preset\",\"preset\":\"celebration\"}]}");
            assertThat(flow.status()).as(flow.body()).isEqualTo(201);
            assertThat(app.post("/api/flows", "{\"name\":\"bad\",\"trigger\":{\"type\":\"manual\"},\"actions\":["
                    + "{\"type\":\"effect\",\"effect\":\"tornado\"}]}").json().get("field").asText()).isEqualTo("actions[0].effect");
            String id = flow.json().at("/flow/id").asText();
            app.post("/api/flows/" + id + "/run", "");
            assertThat(overlay.await(EffectService.START, m -> m.get("name").asText().equals("flame")).get("seconds").asInt()).isEqualTo(12);
            assertThat(overlay.await(EffectService.EMOJI, m -> m.get("op").asText().equals("preset")).get("preset").asText())
                    .isEqualTo("celebration");

            // switched off: nothing starts, and both REST and the flow say why
            app.post("/api/plugins/effects/disable", "");
            TestApp.Response off = app.post("/api/effects/snow", "");
            assertThat(off.status()).isEqualTo(409);
            assertThat(off.json().get("error").asText()).contains("plugin 'effects'");
            app.post("/api/flows/" + id + "/run", "");
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("the effects are off"));
            app.post("/api/plugins/effects/enable", "");
        }
        try (TestApp again = TestApp.start(dir)) {
            JsonNode config = again.get("/api/effects").json().get("config");
            assertThat(config.at("/rules/0/gift").asText()).as("kept in the profile").isEqualTo("Rose");
            assertThat(config.get("commandEffects").toString()).isEqualTo("[\"snow\",\"fog\"]");
            assertThat(config.at("/emoji/burstCount").asInt()).isEqualTo(50);
        }
    }
}
