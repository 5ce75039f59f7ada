package app.ltth.obs;

import static app.ltth.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OBS page's REST calls and the flow actions, against a fake OBS with a password. */
class ObsApiTest {

    @TempDir
    Path dir;
    TestApp app;
    FakeObs obs;

    @BeforeEach
    void start() throws Exception {
        obs = new FakeObs("s3cret");
        app = TestApp.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        obs.close();
    }

    private TestApp.Response connect(String password) throws Exception {
        return app.post("/api/obs/connect", "{\"host\":\"127.0.0.1\",\"port\":" + obs.port() + ",\"password\":\"" + password + "\"}");
    }

    @Test
    void aWrongPasswordIsAClearErrorAndNoPasswordIsEverReturned() throws Exception {
        TestApp.Response refused = connect("nope");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).contains("refused the password").contains("4009");
        assertThat(refused.json().get("field").asText()).isEqualTo("password");

        TestApp.Response ok = connect("s3cret");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("state").asText()).isEqualTo("connected");
        TestApp.Response status = app.get("/api/obs/status");
        assertThat(status.body()).doesNotContain("s3cret").doesNotContain("nope");
        assertThat(status.json().at("/connections/0/hasPassword").asBoolean()).isTrue();
        assertThat(status.json().at("/connections/0/state").asText()).isEqualTo("connected");

        // Saved again without a password: the same OBS keeps it; another host does not get it.
        String samePlace = "{\"host\":\"127.0.0.1\",\"port\":" + obs.port() + "}";
        assertThat(app.post("/api/obs/connect", samePlace).json().get("state").asText()).isEqualTo("connected");
        TestApp.Response moved = app.post("/api/obs/connect", "{\"host\":\"localhost\",\"port\":" + obs.port() + "}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(401);
        assertThat(app.get("/api/obs/status").json().at("/connections/0/hasPassword").asBoolean()).isFalse();
    }

    @Test
    void scenesSourcesFiltersAndOutputsReachObs() throws Exception {
        assertThat(app.get("/api/obs/scenes").status()).as("nothing connected yet").isEqualTo(409);
        connect("s3cret");
        JsonNode scenes = app.get("/api/obs/scenes").json();
        assertThat(scenes.get("current").asText()).isEqualTo("Starting");
        assertThat(scenes.get("scenes")).extracting(JsonNode::asText)
                .as("in the order OBS's window shows them").containsExactly("Starting", "Gameplay", "Just Chatting", "Cam B", "Cam C");

        assertThat(app.post("/api/obs/scene", "{\"name\":\"Gameplay\"}").status()).isEqualTo(200);
        assertThat(obs.next("SetCurrentProgramScene").data().get("sceneName").asText()).isEqualTo("Gameplay");
        await(() -> statusScene().equals("Gameplay"));

        TestApp.Response missing = app.post("/api/obs/scene", "{\"name\":\"Nowhere\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).as("OBS's own words, not a generic 404").contains("Nowhere");
        assertThat(app.get("/api/obs/nothing").json().get("error").asText()).contains("No such API endpoint");
        assertThat(app.post("/api/obs/scene", "{}").json().get("field").asText()).isEqualTo("name");

        JsonNode sources = app.get("/api/obs/sources?scene=Gameplay").json().get("sources");
        assertThat(sources).extracting(s -> s.get("source").asText()).containsExactly("Webcam", "Cam 2", "Cam 3");
        JsonNode hidden = app.post("/api/obs/source", "{\"scene\":\"Gameplay\",\"source\":\"Webcam\",\"visible\":\"toggle\"}").json();
        assertThat(hidden.get("visible").asBoolean()).isFalse();
        JsonNode set = obs.next("SetSceneItemEnabled").data();
        assertThat(set.get("sceneItemId").asInt()).isEqualTo(1);
        assertThat(set.get("sceneItemEnabled").asBoolean()).isFalse();

        assertThat(app.get("/api/obs/filters?source=Webcam").json().at("/filters/0/name").asText()).isEqualTo("Blur");
        assertThat(app.post("/api/obs/filter", "{\"source\":\"Webcam\",\"filter\":\"Blur\",\"enabled\":true}").json()
                .get("enabled").asBoolean()).isTrue();
        assertThat(obs.next("SetSourceFilterEnabled").data().get("filterEnabled").asBoolean()).isTrue();

        assertThat(app.post("/api/obs/output", "{\"output\":\"stream\",\"action\":\"start\"}").status()).isEqualTo(200);
        obs.next("StartStream");
        await(() -> app.get("/api/obs/status").json().at("/connections/0/streaming").asBoolean());
        assertThat(app.post("/api/obs/output", "{\"output\":\"stream\",\"action\":\"start\"}").status())
                .as("OBS says it is already streaming").isEqualTo(409);
        assertThat(app.post("/api/obs/output", "{\"output\":\"record\",\"action\":\"toggle\"}").status()).isEqualTo(200);
        obs.next("ToggleRecord");
    }

    private String statusScene() throws Exception {
        return app.get("/api/obs/status").json().at("/connections/0/currentScene").asText();
    }

    @Test
    void flowActionsSwitchScenesSourcesAndFilters() throws Exception {
        String body = "{\"name\":\"obs\",\"trigger\":{\"type\":\"event\",\"event\":\"gift\"},\"actions\":["
                + "{\"type\":\"obsScene\",\"scene\":\"{giftName}\"},"
                + "{\"type\":\"obsSource\",\"scene\":\"Gameplay\",\"source\":\"Cam 2\",\"visible\":\"show\"},"
                + "{\"type\":\"obsFilter\",\"source\":\"Webcam\",\"filter\":\"Blur\",\"enabled\":\"toggle\"}]}";
        String id = app.post("/api/flows", body).json().at("/flow/id").asText();
        JsonNode offline = app.post("/api/flows/" + id + "/test", "").json();
        assertThat(offline.at("/steps/0/result").asText()).as(offline.toString()).contains("No OBS connection is set up");

        connect("s3cret");
        JsonNode run = app.post("/api/flows/" + id + "/test", "{\"event\":{\"type\":\"gift\",\"user\":\"ben\","
                + "\"giftName\":\"Gameplay\",\"coins\":1,\"count\":1,\"streakable\":false}}").json();
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("done");
        assertThat(obs.next("SetCurrentProgramScene").data().get("sceneName").asText()).isEqualTo("Gameplay");
        JsonNode shown = obs.next("SetSceneItemEnabled").data();
        assertThat(shown.get("sceneItemId").asInt()).isEqualTo(2);
        assertThat(shown.get("sceneItemEnabled").asBoolean()).isTrue();
        assertThat(obs.next("SetSourceFilterEnabled").data().get("filterEnabled").asBoolean()).as("toggled from off").isTrue();

        TestApp.Response invalid = app.post("/api/flows", "{\"name\":\"bad\",\"trigger\":{\"type\":\"manual\"},"
                + "\"actions\":[{\"type\":\"obsSource\",\"scene\":\"Gameplay\",\"source\":\"Cam 2\",\"visible\":\"maybe\"}]}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("field").asText()).isEqualTo("actions[0].visible");
    }

    @Test
    void aDroppedObsIsReconnectedAndTheConnectionSurvivesARestart() throws Exception {
        connect("s3cret");
        obs.dropAll();
        await(() -> obs.identifiedCount() == 2);
        await(() -> {
            JsonNode c = app.get("/api/obs/status").json().at("/connections/0");
            return c.get("state").asText().equals("connected") && c.get("reconnects").asInt() >= 1;
        });

        app.close();
        app = TestApp.start(dir);
        await(() -> obs.identifiedCount() == 3);
        assertThat(app.get("/api/obs/scenes").status()).as("connects at start with the saved password").isEqualTo(200);
    }
}
