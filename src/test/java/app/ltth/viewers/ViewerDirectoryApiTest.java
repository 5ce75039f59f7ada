package app.ltth.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer directory through the running app: orders, tiers, notes, corrections, the CSV export, restarts. */
class ViewerDirectoryApiTest {

    @TempDir
    Path dir;

    private static List<String> handles(TestApp app, String query) throws Exception {
        JsonNode viewers = app.get("/api/viewers?" + query).json().get("viewers");
        return java.util.stream.StreamSupport.stream(viewers.spliterator(), false).map(v -> v.get("handle").asText()).toList();
    }

    @Test
    void viewersAreOrderedTieredNotedCorrectedExportedSafelyAndKept() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.simulate("{\"type\":\"gift\",\"user\":\"dir_rich\",\"nickname\":\"=HYPERLINK(\\\"http://x\\\")\",\"giftName\":\"Lion\","
                    + "\"coins\":500,\"count\":1,\"streakable\":false}");
            app.simulate("{\"type\":\"chat\",\"user\":\"dir_chatty\",\"nickname\":\"Chatty, the \\\"one\\\"\",\"comment\":\"a\"}");
            app.simulate("{\"type\":\"chat\",\"user\":\"dir_chatty\",\"nickname\":\"Chatty, the \\\"one\\\"\",\"comment\":\"b\"}");
            app.awaitStored();
            TestApp.await(() -> handles(app, "q=dir_").size() == 2);
            assertThat(handles(app, "q=dir_&sort=coins")).containsExactly("dir_rich", "dir_chatty");
            assertThat(handles(app, "q=dir_&sort=chats")).containsExactly("dir_chatty", "dir_rich");
            assertThat(handles(app, "q=HYPERLINK")).as("found by name too").containsExactly("dir_rich");
            assertThat(handles(app, "q=%25")).as("% is a character, not a wildcard").isEmpty();
            JsonNode rich = app.get("/api/viewers?q=dir_rich").json().at("/viewers/0");
            assertThat(rich.get("coins").asLong()).isEqualTo(500);
            assertThat(rich.get("visits").asLong()).isEqualTo(1);
            assertThat(rich.get("tier").asText()).isEmpty();
            assertThat(app.get("/api/viewers?limit=0").json().get("field").asText()).isEqualTo("limit");

            // VIP tiers: checked, the first met wins
            assertThat(app.put("/api/vip/tiers", "{\"tiers\":[{\"name\":\"\",\"coins\":5}]}").json().get("field").asText())
                    .isEqualTo("tiers[0].name");
            assertThat(app.put("/api/vip/tiers", "{\"tiers\":[{\"name\":\"Gold\"}]}").json().get("field").asText())
                    .isEqualTo("tiers[0].coins");
            assertThat(app.put("/api/vip/tiers", "{\"tiers\":[{\"name\":\"Gold\",\"coins\":1,\"colour\":\"gold\"}]}")
                    .json().get("field").asText()).isEqualTo("tiers[0].colour");
            assertThat(app.put("/api/vip/tiers", "{\"tiers\":[{\"name\":\"A\",\"coins\":1},{\"name\":\"a\",\"coins\":2}]}")
                    .json().get("field").asText()).isEqualTo("tiers[1].name");
            assertThat(app.put("/api/vip/tiers", "{\"tiers\":\"gold\"}").json().get("field").asText()).isEqualTo("tiers");
            assertThat(app.put("/api/vip/tiers", "{\"tiers\":[{\"name\":\"Gold\",\"coins\":400},{\"name\":\"Regular\",\"visits\":1}]}")
                    .status()).isEqualTo(200);
            assertThat(app.get("/api/viewers/dir_rich").json().get("tier").asText()).isEqualTo("Gold");
            assertThat(app.get("/api/viewers?q=dir_chatty").json().at("/viewers/0/tier").asText()).isEqualTo("Regular");

            // notes and corrections
            assertThat(app.put("/api/viewers/dir_rich/flags", "{\"note\":\"" + "x".repeat(501) + "\"}").json().get("field").asText())
                    .isEqualTo("note");
            assertThat(app.put("/api/viewers/dir_rich/flags", "{\"note\":\"=cmd|' /C calc'!A0\"}").status()).isEqualTo(200);
            assertThat(app.post("/api/viewers/dir_rich/xp", "{\"add\":5,\"level\":2}").json().get("field").asText()).isEqualTo("add");
            assertThat(app.post("/api/viewers/dir_rich/xp", "{\"level\":0}").json().get("field").asText()).isEqualTo("level");
            assertThat(app.post("/api/viewers/dir_rich/xp", "{\"level\":30}").json().get("level").asInt()).isEqualTo(30);
            assertThat(app.post("/api/viewers/dir_rich/xp", "{\"add\":-100000000}").json().get("xp").asLong()).isZero();
            assertThat(app.post("/api/viewers/dir_nobody/xp", "{\"add\":5}").status()).isEqualTo(404);
            assertThat(app.get("/api/viewers/dir_rich/corrections").json().get("corrections"))
                    .extracting(c -> c.get("what").asText() + " " + c.get("amount").asLong())
                    .containsExactly("xp -100000000", "level 30");

            // the export: every row, names that spreadsheets would run made harmless, quotes and commas kept
            TestApp.Response csv = app.get("/api/viewers.csv?q=dir_&sort=coins");
            assertThat(csv.status()).isEqualTo(200);
            List<String> lines = csv.body().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).startsWith("handle,nickname,level,");
            assertThat(lines.get(1)).startsWith("dir_rich,\"'=HYPERLINK(\"\"http://x\"\")\",1,").contains(",500,")
                    .endsWith(",false,Gold,\"'=cmd|' /C calc'!A0\"");
            assertThat(lines.get(2)).startsWith("dir_chatty,\"Chatty, the \"\"one\"\"\",");
            assertThat(app.get("/api/viewers.csv?sort=height").json().get("field").asText()).isEqualTo("sort");
        }
        try (TestApp again = TestApp.start(dir)) {
            assertThat(again.get("/api/vip/tiers").json().get("tiers")).hasSize(2);
            assertThat(again.get("/api/viewers/dir_rich").json().get("note").asText()).startsWith("=cmd");
            assertThat(again.get("/api/viewers/dir_rich/corrections").json().get("corrections")).hasSize(2);
        }
    }
}
