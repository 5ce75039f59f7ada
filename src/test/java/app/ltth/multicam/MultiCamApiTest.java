package app.ltth.multicam;

import static app.ltth.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.obs.FakeObs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat commands, gifts and the dashboard switch cams in a fake OBS. */
class MultiCamApiTest {

    @TempDir
    Path dir;
    TestApp app;
    FakeObs obs;

    @BeforeEach
    void start() throws Exception {
        obs = new FakeObs(null);
        app = TestApp.start(dir);
        assertThat(app.post("/api/obs/connect", "{\"port\":" + obs.port() + "}").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        obs.close();
    }

    private void chat(String user, boolean moderator, String text) throws Exception {
        assertThat(app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"" + user + "\",\"moderator\":" + moderator
                + ",\"comment\":\"" + text + "\"}").status()).isEqualTo(202);
    }

    private JsonNode awaitHistory(int size) throws Exception {
        await(() -> app.get("/api/multicam/status").json().get("history").size() >= size);
        return app.get("/api/multicam/status").json().get("history");
    }

    @Test
    void chatCommandsSwitchScenesWithinTheCooldowns() throws Exception {
        assertThat(app.post("/api/multicam/switch", "{\"cam\":\"1\"}").status()).as("off by default").isEqualTo(409);
        assertThat(app.put("/api/multicam/config", "{\"cams\":[\"Gameplay\",\"Cam B\",\"Cam C\"],\"globalCooldownSeconds\":60}").status())
                .isEqualTo(200);
        assertThat(app.post("/api/plugins/multicam/enable", "").status()).isEqualTo(200);

        chat("anna", false, "!cam 2");
        assertThat(obs.next("SetCurrentProgramScene").data().get("sceneName").asText()).isEqualTo("Cam B");
        chat("ben", false, "!cam 3");
        JsonNode history = awaitHistory(2);
        assertThat(history.get(0).get("done").asBoolean()).isFalse();
        assertThat(history.get(0).get("reason").asText()).contains("wait");
        assertThat(history.get(1).get("label").asText()).isEqualTo("Cam B");
        assertThat(history.get(1).get("by").asText()).isEqualTo("anna");

        JsonNode clicked = app.post("/api/multicam/switch", "{\"cam\":\"next\"}").json();
        assertThat(clicked.get("label").asText()).as("the streamer's click skips the cooldown").isEqualTo("Cam C");
        assertThat(obs.next("SetCurrentProgramScene").data().get("sceneName").asText()).isEqualTo("Cam C");
        await(() -> app.get("/api/multicam/status").json().get("current").asInt() == 3);
        assertThat(obs.received()).extracting(FakeObs.Request::type).doesNotContain("SetCurrentProgramScene");
    }

    @Test
    void sourcesModeShowsOneCamAndHidesTheOthersAndGiftsSwitch() throws Exception {
        app.put("/api/multicam/config", "{\"mode\":\"sources\",\"scene\":\"Gameplay\",\"cams\":[\"Webcam\",\"Cam 2\",\"Cam 3\"],"
                + "\"gifts\":{\"Rose\":\"3\"},\"globalCooldownSeconds\":0,\"modsOnly\":true}");
        app.post("/api/plugins/multicam/enable", "");
        chat("anna", false, "!cam 2");
        assertThat(awaitHistory(1).get(0).get("reason").asText()).contains("only moderators");

        app.giftStreak("anna", "Anna", "Rose", 1, 1, 3);
        JsonNode show = obs.next("SetSceneItemEnabled").data();
        assertThat(show.get("sceneItemId").asInt()).as("Cam 3 first").isEqualTo(3);
        assertThat(show.get("sceneItemEnabled").asBoolean()).isTrue();
        assertThat(obs.next("SetSceneItemEnabled").data().get("sceneItemEnabled").asBoolean()).isFalse();
        assertThat(obs.next("SetSceneItemEnabled").data().get("sceneItemEnabled").asBoolean()).isFalse();
        assertThat(app.get("/api/obs/sources?scene=Gameplay").json().get("sources")).extracting(s -> s.get("enabled").asBoolean())
                .containsExactly(false, false, true);
    }

    @Test
    void aViewerBlockedInTheChatPanelIsRefusedAndAnAllowedOneMaySwitchWhereOnlyModeratorsMay() throws Exception {
        app.put("/api/multicam/config", "{\"cams\":[\"Gameplay\",\"Cam B\",\"Cam C\"],\"globalCooldownSeconds\":0,"
                + "\"userCooldownSeconds\":0,\"modsOnly\":true}");
        app.post("/api/plugins/multicam/enable", "");
        assertThat(app.put("/api/viewers/Troll/flags", "{\"commands\":\"blocked\"}").status()).isEqualTo(200);
        assertThat(app.put("/api/viewers/@Helper/flags", "{\"commands\":\"allowed\"}").status()).isEqualTo(200);
        chat("troll", true, "!cam 2");
        await(() -> app.get("/api/commands").json().get("recent").size() == 1);
        JsonNode refused = app.get("/api/commands").json().get("recent").get(0);
        assertThat(refused.get("command").asText()).isEqualTo("cam");
        assertThat(refused.at("/refusal/why").asText()).as("even a moderator, once blocked").isEqualTo("blocked");
        chat("helper", false, "!cam 3");
        assertThat(obs.next("SetCurrentProgramScene").data().get("sceneName").asText()).isEqualTo("Cam C");
        assertThat(awaitHistory(1).get(0).get("by").asText()).isEqualTo("helper");

        // The cam command is set up on the Commands page like every other: an alias works as !cam does.
        assertThat(app.put("/api/commands/cam", "{\"aliases\":[\"kamera\"]}").status()).isEqualTo(200);
        chat("helper", false, "!kamera 1");
        assertThat(obs.next("SetCurrentProgramScene").data().get("sceneName").asText()).isEqualTo("Gameplay");
    }

    @Test
    void badSettingsAreRefusedWithTheField() throws Exception {
        TestApp.Response r = app.put("/api/multicam/config", "{\"mode\":\"sources\",\"cams\":[\"A\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("scene");
        assertThat(app.put("/api/multicam/config", "{\"cams\":[\"A\"],\"gifts\":{\"Rose\":\"up\"}}").json().get("field").asText())
                .isEqualTo("gifts.Rose");
    }
}
