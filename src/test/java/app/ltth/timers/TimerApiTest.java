package app.ltth.timers;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timers through the running app: REST, rules on simulated events, flows on both sides, a restart. */
class TimerApiTest {

    @TempDir
    Path dir;

    private static long left(TestApp app, String id) throws Exception {
        return app.get("/api/timers/" + id).json().get("remainingMs").asLong();
    }

    @Test
    void aSubathonTimerMovesByRestRulesAndFlowsAndEndsIntoAFlow() throws Exception {
        String id;
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, TimerService.UPDATE)) {
            TestApp.Response bad = app.post("/api/timers", "{\"name\":\"X\",\"mode\":\"hourglass\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("mode");
            assertThat(app.post("/api/timers", "{\"name\":\"X\",\"rules\":[{\"on\":\"gift\",\"seconds\":5}]}").json()
                    .get("field").asText()).isEqualTo("rules[0].gift");
            TestApp.Response created = app.post("/api/timers", "{\"name\":\"Subathon\",\"seconds\":600,\"rules\":["
                    + "{\"on\":\"gift\",\"gift\":\"Rose\",\"seconds\":10},{\"on\":\"command\",\"command\":\"addtime\",\"seconds\":60}]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asText();
            assertThat(created.json().get("state").asText()).isEqualTo("stopped");
            assertThat(created.json().get("remainingMs").asLong()).isEqualTo(600_000);

            assertThat(app.post("/api/timers/" + id + "/start", "").json().get("state").asText()).isEqualTo("running");
            JsonNode update = overlay.await(TimerService.UPDATE, u -> u.get("id").asText().equals(id) && u.get("state").asText().equals("running"));
            assertThat(update.get("since").asLong()).isPositive();
            assertThat(app.post("/api/timers/Subathon/add", "{\"seconds\":-100}").status()).as("by name").isEqualTo(200);
            app.giftStreak("fan", "Fan", "Rose", 1, 3, 5);   // +30 s
            app.simulate("{\"type\":\"chat\",\"user\":\"fan\",\"comment\":\"!addtime\"}");   // +60 s
            TestApp.await(() -> left(app, id) > 580_000);
            assertThat(left(app, id)).isBetween(585_000L, 590_000L);
            assertThat(app.post("/api/timers/" + id + "/add", "{\"seconds\":\"lots\"}").json().get("field").asText()).isEqualTo("seconds");
            assertThat(app.post("/api/timers/nope/start", "").status()).isEqualTo(404);

            // Flows: an action sets it, a placeholder reads it, and its end starts another flow.
            TestApp.Response shortFlow = app.post("/api/flows", "{\"name\":\"short\",\"trigger\":{\"type\":\"manual\"},\"actions\":["
                    + "{\"type\":\"timerSet\",\"timer\":\"Subathon\",\"seconds\":\"2\"},"
                    + "{\"type\":\"variable\",\"name\":\"shown\",\"op\":\"set\",\"value\":\"{timer:Subathon}\"}]}");
            assertThat(shortFlow.status()).as(shortFlow.body()).isEqualTo(201);
            assertThat(shortFlow.json().get("warnings")).as("{timer:...} is a known placeholder").isEmpty();
            TestApp.Response ends = app.post("/api/flows", "{\"name\":\"ends\",\"trigger\":{\"type\":\"timerEnded\",\"timer\":\"subathon\"},"
                    + "\"actions\":[{\"type\":\"variable\",\"name\":\"ended\",\"op\":\"set\",\"value\":\"{timerName} {rounds}\"}]}");
            assertThat(ends.status()).as(ends.body()).isEqualTo(201);
            assertThat(ends.json().get("warnings")).isEmpty();
            app.post("/api/flows/" + shortFlow.json().at("/flow/id").asText() + "/run", "");
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("ended = Subathon 1"));
            assertThat(app.get("/api/flows/log").json().toString()).contains("shown = 0:02");
            assertThat(app.get("/api/timers/" + id).json().get("state").asText()).isEqualTo("ended");

            app.post("/api/timers/" + id + "/set", "{\"seconds\":300}");
            app.post("/api/timers/" + id + "/pause", "");
        }
        try (TestApp again = TestApp.start(dir)) {
            JsonNode kept = again.get("/api/timers/" + id).json();
            assertThat(kept.get("state").asText()).as("paused across the restart").isEqualTo("paused");
            assertThat(kept.get("remainingMs").asLong()).isBetween(295_000L, 300_000L);
            assertThat(again.get("/api/overlays").json().findValuesAsText("id")).contains("timer-" + id);
            assertThat(again.delete("/api/timers/" + id).status()).isEqualTo(200);
            assertThat(again.get("/api/timers").json().get("timers")).isEmpty();
        }
    }
}
