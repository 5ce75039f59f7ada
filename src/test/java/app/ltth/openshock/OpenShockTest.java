package app.ltth.openshock;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenShock against a local fake of its HTTP API: off by default; the token never shown; shockers read; mappings above
 * the limits refused at save; a mapping once per finished streak; every command clamped to the limits; the daily
 * budget; the cooldown; the emergency stop empties the queue, breaks off a pattern, sends Stop and refuses everything
 * until released; every command in the log.
 */
class OpenShockTest {

    @TempDir
    Path dir;

    private static JsonNode status(TestApp app) throws Exception {
        return app.get("/api/openshock").json();
    }

    private static JsonNode shock(JsonNode control) {
        return control.at("/shocks/0");
    }

    @Test
    void limitsBudgetCooldownAndTheEmergencyStopHold() throws Exception {
        try (FakeOpenShock api = new FakeOpenShock("tok-123"); TestApp app = TestApp.start(dir)) {
            assertThat(status(app).get("active").asBoolean()).as("off by default").isFalse();
            TestApp.Response off = app.post("/api/openshock/test", "{\"type\":\"vibrate\"}");
            assertThat(off.status()).isEqualTo(409);
            assertThat(off.json().get("key").asText()).isEqualTo("openshock.refused.off");

            app.put("/api/settings", "{\"openshock.url\": \"" + api.url() + "\", \"openshock.token\": \"tok-123\"}");
            assertThat(app.post("/api/plugins/openshock/enable", "").status()).isEqualTo(200);
            TestApp.await(() -> status(app).get("shockers").size() == 3);
            assertThat(status(app).toString()).as("the token is never shown").doesNotContain("tok-123");
            assertThat(status(app).get("hasToken").asBoolean()).isTrue();

            // Above the limits is refused at save, the field named.
            String limits = "\"limits\": {\"maxIntensity\": 40, \"maxDurationMs\": 1500, \"dailyShockSeconds\": 2, "
                    + "\"cooldownSeconds\": 0, \"userCooldownSeconds\": 0}";
            assertThat(app.put("/api/openshock/config", "{" + limits + ", \"mappings\": [{\"on\": \"gift\", \"type\": \"shock\", "
                    + "\"intensity\": 80, \"durationMs\": 1000}]}").json().get("field").asText()).isEqualTo("mappings[0].intensity");
            assertThat(app.put("/api/openshock/config", "{" + limits + ", \"mappings\": [{\"on\": \"gift\", \"type\": \"shock\", "
                    + "\"intensity\": 30, \"durationMs\": 5000}]}").json().get("field").asText()).isEqualTo("mappings[0].durationMs");
            assertThat(app.put("/api/openshock/config", "{" + limits + ", \"patterns\": [{\"name\": \"Pulse\", \"steps\": ["
                    + "{\"type\": \"vibrate\", \"intensity\": 20, \"durationMs\": 500}, {\"type\": \"vibrate\", \"intensity\": 99, "
                    + "\"durationMs\": 500}]}]}").json().get("field").asText()).isEqualTo("patterns[0].steps[1].intensity");
            assertThat(app.put("/api/openshock/config", "{" + limits + ", \"mappings\": [{\"on\": \"follow\", \"pattern\": \"Nope\"}]}")
                    .json().get("field").asText()).isEqualTo("mappings[0].pattern");

            TestApp.Response saved = app.put("/api/openshock/config", "{" + limits + ", \"patterns\": [{\"name\": \"Long buzz\", \"steps\": ["
                    + "{\"type\": \"vibrate\", \"intensity\": 20, \"durationMs\": 1500, \"pauseMs\": 500}, "
                    + "{\"type\": \"vibrate\", \"intensity\": 30, \"durationMs\": 1500, \"pauseMs\": 500}, "
                    + "{\"type\": \"vibrate\", \"intensity\": 40, \"durationMs\": 1500}]}], "
                    + "\"mappings\": [{\"on\": \"gift\", \"gift\": \"Rose\", \"shocker\": \"s1\", \"type\": \"shock\", \"intensity\": 40, \"durationMs\": 1000}]}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(app.put("/api/openshock/config", "{\"limits\": {\"maxIntensity\": 20}}").json().get("field").asText())
                    .as("lower limits hold for what is kept").isEqualTo("patterns[0].steps[1].intensity");

            // A streak: one shock when it ends, on its shocker, as set.
            for (int n = 1; n <= 3; n++) {
                app.simulate("{\"type\":\"gift\",\"user\":\"anna\",\"giftName\":\"Rose\",\"coins\":1,\"count\":" + n + ",\"repeatEnd\":" + (n == 3) + "}");
            }
            JsonNode first = api.controls.poll(10, TimeUnit.SECONDS);
            assertThat(shock(first).get("id").asText()).isEqualTo("s1");
            assertThat(shock(first).get("type").asText()).isEqualTo("Shock");
            assertThat(shock(first).get("intensity").asInt()).isEqualTo(40);
            assertThat(shock(first).get("duration").asInt()).isEqualTo(1000);
            assertThat(api.controls.poll(1500, TimeUnit.MILLISECONDS)).as("once per finished streak").isNull();

            // A flow asks for more than the limits allow: clamped.
            TestApp.Response flow = app.post("/api/flows", "{\"name\":\"buzz\",\"trigger\":{\"type\":\"event\",\"event\":\"share\"},"
                    + "\"actions\":[{\"type\":\"openshock\",\"command\":\"vibrate\",\"shocker\":\"all\",\"intensity\":90,\"durationMs\":5000}]}");
            assertThat(flow.status()).as(flow.body()).isEqualTo(201);
            app.simulate("{\"type\":\"share\",\"user\":\"ben\"}");
            JsonNode clamped = api.controls.poll(10, TimeUnit.SECONDS);
            assertThat(clamped.get("shocks")).as("all shockers that are not paused").hasSize(2);
            assertThat(shock(clamped).get("type").asText()).isEqualTo("Vibrate");
            assertThat(shock(clamped).get("intensity").asInt()).as("intensity clamp").isEqualTo(40);
            assertThat(shock(clamped).get("duration").asInt()).as("duration clamp").isEqualTo(1500);

            // The budget: 2 s of shock a day; 1 s used, 1 s more fits, the third is refused.
            app.simulate("{\"type\":\"gift\",\"user\":\"cleo\",\"giftName\":\"Rose\",\"coins\":1,\"count\":1,\"streakable\":false}");
            assertThat(api.controls.poll(10, TimeUnit.SECONDS)).isNotNull();
            app.simulate("{\"type\":\"gift\",\"user\":\"dora\",\"giftName\":\"Rose\",\"coins\":1,\"count\":1,\"streakable\":false}");
            TestApp.await(() -> status(app).at("/log/0/result").asText().equals("refused: budget"));
            assertThat(api.controls.poll(300, TimeUnit.MILLISECONDS)).as("no shock over the budget").isNull();
            assertThat(status(app).get("shockMsToday").asLong()).isEqualTo(2000);

            // The cooldown: 3 s between commands from live events (the last gift started it).
            app.put("/api/openshock/config", "{\"limits\": {\"cooldownSeconds\": 3}, \"mappings\": [{\"on\": \"follow\", \"type\": \"sound\", "
                    + "\"intensity\": 10, \"durationMs\": 500}]}");
            Thread.sleep(3100);
            app.simulate("{\"type\":\"follow\",\"user\":\"emil\"}");
            assertThat(shock(api.controls.poll(10, TimeUnit.SECONDS)).get("type").asText()).isEqualTo("Sound");
            app.simulate("{\"type\":\"follow\",\"user\":\"fay\"}");
            TestApp.await(() -> status(app).at("/refusals/cooldown").asInt() == 1);
            assertThat(api.controls.poll(300, TimeUnit.MILLISECONDS)).isNull();

            // The emergency stop: a pattern runs, a test waits; stop empties, breaks off, sends Stop, refuses.
            assertThat(app.post("/api/openshock/test", "{\"pattern\": \"Long buzz\"}").status()).isEqualTo(202);
            assertThat(app.post("/api/openshock/test", "{\"type\": \"vibrate\", \"shocker\": \"s2\"}").status()).isEqualTo(202);
            assertThat(shock(api.controls.poll(10, TimeUnit.SECONDS)).get("intensity").asInt()).as("the pattern's first step").isEqualTo(20);
            JsonNode stopped = app.post("/api/openshock/stop", "").json();
            assertThat(stopped.get("stopped").asBoolean()).isTrue();
            assertThat(stopped.get("waiting").asInt()).as("the queue is empty at once").isZero();
            JsonNode stop = api.controls.poll(10, TimeUnit.SECONDS);
            assertThat(shock(stop).get("type").asText()).isEqualTo("Stop");
            assertThat(stop.get("shocks")).hasSize(3);
            assertThat(api.controls.poll(2500, TimeUnit.MILLISECONDS)).as("the rest of the pattern and the test never go").isNull();
            TestApp.Response refused = app.post("/api/openshock/test", "{\"type\": \"vibrate\"}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("key").asText()).isEqualTo("openshock.refused.stopped");
            app.simulate("{\"type\":\"follow\",\"user\":\"gus\"}");
            TestApp.await(() -> status(app).at("/refusals/stopped").asInt() == 1);
            assertThat(api.controls.poll(300, TimeUnit.MILLISECONDS)).as("live events send nothing either").isNull();

            app.post("/api/openshock/release", "");
            assertThat(app.post("/api/openshock/test", "{\"type\": \"vibrate\", \"shocker\": \"s2\", \"intensity\": 15}").status()).isEqualTo(202);
            assertThat(shock(api.controls.poll(10, TimeUnit.SECONDS)).get("intensity").asInt()).isEqualTo(15);
            TestApp.await(() -> status(app).at("/log/0/result").asText().equals("ok"));
            // shock, vibration, shock, refused shock, sound, the pattern's first step, stop, vibration
            TestApp.await(() -> status(app).get("log").size() == 8);
        }
        try (TestApp again = TestApp.start(dir)) {
            assertThat(again.get("/api/openshock").json().get("log")).as("the log is kept").hasSize(8);
            assertThat(again.get("/api/openshock").json().get("shockMsToday").asLong()).as("a restart gives no budget back").isEqualTo(2000);
        }
    }
}
