package app.ltth.vdoninja;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The room is made once per profile and kept; every link carries the parameters VDO.Ninja needs. */
class VdoNinjaApiTest {

    @TempDir
    Path dir;

    /** The query as VDO.Ninja reads it: names without a value (like &solo) map to "". */
    static Map<String, String> query(String link) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String part : URI.create(link).getRawQuery().split("&")) {
            int eq = part.indexOf('=');
            q.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void linksForDirectorGuestsSoloAndScene() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode first = app.get("/api/vdoninja").json();
            String room = first.at("/room/room").asText();
            String password = first.at("/room/password").asText();
            assertThat(room).matches("ltth[a-z2-9]{10}");
            assertThat(password).matches("[a-z2-9]{12}");

            JsonNode changed = app.put("/api/vdoninja/config", "{\"layout\":\"pip\",\"guests\":[{\"name\":\"Mia & Co\"},{\"name\":\"Tom\"},"
                    + "{\"name\":\"\"}]}").json();
            JsonNode links = changed.get("links");
            assertThat(query(links.get("director").asText())).containsEntry("director", room).containsEntry("password", password)
                    .containsKey("layouts");
            Map<String, String> scene = query(links.get("scene").asText());
            assertThat(scene).containsEntry("scene", "0").containsEntry("room", room).containsEntry("password", password)
                    .containsKey("cleanoutput");
            assertThat(scene.get("layout")).contains("\"slot\":1").contains("\"w\":30");
            assertThat(links.get("guests")).hasSize(3);
            Map<String, String> guest = query(links.at("/guests/0/invite").asText());
            assertThat(guest).containsEntry("room", room).containsEntry("password", password).containsEntry("push", room + "g1")
                    .containsEntry("slot", "1").containsEntry("label", "Mia & Co");
            assertThat(links.at("/guests/2/name").asText()).isEqualTo("Guest 3");
            Map<String, String> solo = query(links.at("/guests/1/solo").asText());
            assertThat(solo).containsEntry("view", room + "g2").containsKey("solo").containsEntry("room", room);
            assertThat(links.get("director").asText()).startsWith("https://vdo.ninja/?");

            assertThat(app.put("/api/vdoninja/config", "{\"baseUrl\":\"http://vdo.example\"}").json().get("field").asText())
                    .isEqualTo("baseUrl");
            assertThat(app.put("/api/vdoninja/config", "{\"layout\":\"circle\"}").json().get("field").asText()).isEqualTo("layout");
        }
        try (TestApp again = TestApp.start(dir)) {
            JsonNode kept = again.get("/api/vdoninja").json();
            String room = kept.at("/room/room").asText();
            assertThat(kept.at("/room/layout").asText()).as("kept across a restart").isEqualTo("pip");
            JsonNode renewed = again.post("/api/vdoninja/room", "").json();
            assertThat(renewed.at("/room/room").asText()).isNotEqualTo(room);
            assertThat(renewed.at("/room/guests")).as("slots stay").hasSize(3);
            assertThat(again.post("/api/plugins/vdoninja/disable", "").status()).isEqualTo(200);
            assertThat(again.get("/api/vdoninja").status()).isEqualTo(409);
        }
    }
}
