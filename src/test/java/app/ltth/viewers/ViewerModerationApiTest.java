package app.ltth.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewerModerationApiTest {

    @TempDir
    Path dir;

    @Test
    void decisionsAreCheckedKeptAcrossRestartsAndBelongToTheirProfile() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode set = app.put("/api/viewers/@Anna_B/flags", "{\"vip\":true,\"commands\":\"blocked\",\"ttsMuteMinutes\":5}").json();
            assertThat(set.get("handle").asText()).as("handles compare without @ and case").isEqualTo("anna_b");
            assertThat(set.get("ttsMutedUntil").asLong()).isGreaterThan(System.currentTimeMillis() + 4 * 60_000);
            assertThat(app.put("/api/viewers/anna_b/flags", "{\"colour\":\"red\"}").json().get("field").asText()).isEqualTo("colour");
            assertThat(app.put("/api/viewers/anna_b/flags", "{\"commands\":\"maybe\"}").json().get("field").asText()).isEqualTo("commands");
            assertThat(app.put("/api/viewers/anna_b/flags", "{\"ttsMuteMinutes\":100000}").json().get("field").asText())
                    .isEqualTo("ttsMuteMinutes");
            assertThat(app.put("/api/viewers/anna%20b/flags", "{\"vip\":true}").json().get("field").asText()).isEqualTo("handle");
            long benVip = app.put("/api/viewers/ben/flags", "{\"vip\":true}").json().get("revision").asLong();
            long benPlain = app.put("/api/viewers/ben/flags", "{\"vip\":false}").json().get("revision").asLong();
            assertThat(benPlain).as("each change counts: a page keeps the newest it was told").isEqualTo(benVip + 1)
                    .isGreaterThan(set.get("revision").asLong());
            JsonNode list = app.get("/api/viewers/flags").json();
            assertThat(list.get("viewers")).as("nothing left to remember of ben").hasSize(1);
            assertThat(list.get("revision").asLong()).as("the list is as new as the last change").isEqualTo(benPlain);

            app.simulate("{\"type\":\"chat\",\"user\":\"Anna_B\",\"comment\":\"hi\"}");
            app.awaitStored();
            JsonNode anna = app.get("/api/viewers/anna_b").json();
            assertThat(anna.get("vip").asBoolean()).isTrue();
            assertThat(anna.at("/totals/chats").asLong()).isEqualTo(1);
            assertThat(app.get("/api/viewers/nobody_here").json().has("totals")).isFalse();
        }
        try (TestApp again = TestApp.start(dir)) {
            // A flow for VIPs only: the decision of the last start counts.
            TestApp.Response flow = again.post("/api/flows", "{\"name\":\"vips\",\"trigger\":{\"type\":\"event\",\"event\":"
                    + "\"chat\"},\"conditions\":{\"userIs\":\"vip\"},\"actions\":[{\"type\":\"variable\",\"name\":\"v\","
                    + "\"op\":\"set\",\"value\":\"{username}\"}]}");
            assertThat(flow.status()).as(flow.body()).isEqualTo(201);
            again.simulate("{\"type\":\"chat\",\"user\":\"nobody_special\",\"comment\":\"hi\"}");
            again.simulate("{\"type\":\"chat\",\"user\":\"Anna_B\",\"comment\":\"hi\"}");
            TestApp.await(() -> again.get("/api/flows/log").json().get("runs").size() == 1);
            again.awaitStored();
            assertThat(again.get("/api/flows/log").json().get("runs")).as("not for the other viewer").hasSize(1);
            assertThat(again.get("/api/flows/log").json().at("/runs/0/steps/0/result").asText()).isEqualTo("v = Anna_B");
            JsonNode kept = again.get("/api/viewers/flags").json().get("viewers").get(0);
            assertThat(kept.get("handle").asText()).isEqualTo("anna_b");
            assertThat(kept.get("commands").asText()).isEqualTo("blocked");
            assertThat(again.post("/api/profiles", "{\"name\":\"second\"}").status()).isEqualTo(201);
            assertThat(again.post("/api/profiles/switch", "{\"name\":\"second\"}").status()).isEqualTo(200);
            assertThat(again.get("/api/viewers/flags").json().get("viewers")).as("another profile, other decisions").isEmpty();
        }
    }
}
