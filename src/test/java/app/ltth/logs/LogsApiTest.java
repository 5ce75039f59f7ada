package app.ltth.logs;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.json.Json;
import app.ltth.live.webcast.FakeTikTok;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogsApiTest {

    @TempDir
    Path dir;

    private static final Logger connector = LoggerFactory.getLogger("app.ltth.live.LogsApiTest");

    private static JsonNode linesContaining(TestApp app, String text) throws Exception {
        for (JsonNode line : app.get("/api/logs/lines?after=0").json().get("lines")) {
            if (line.get("message").asText().contains(text)) return line;
        }
        return null;
    }

    @Test
    void linesArriveWithTheirPartAndAConnectorSetToDebugWritesDebugUntilSetBack() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            long before = app.get("/api/logs/lines?after=0").json().get("last").asLong();
            connector.info("viewer <b>anna</b> said hi");
            JsonNode line = linesContaining(app, "viewer <b>anna</b> said hi");
            assertThat(line).isNotNull();
            assertThat(line.get("part").asText()).isEqualTo("connector");
            assertThat(line.get("level").asText()).isEqualTo("INFO");
            assertThat(line.get("seq").asLong()).isGreaterThan(before);
            assertThat(app.get("/api/logs/lines?after=" + line.get("seq").asLong()).json().get("lines"))
                    .noneMatch(l -> l.get("message").asText().contains("anna"));

            connector.debug("a debug line before");
            assertThat(linesContaining(app, "a debug line before")).isNull();
            JsonNode set = app.put("/api/logs/levels", "{\"connector\":\"debug\"}").json();
            assertThat(set.at("/levels/connector").asText()).isEqualTo("debug");
            assertThat(set.at("/levels/flows").asText()).isEqualTo("info");
            connector.debug("a debug line after");
            assertThat(linesContaining(app, "a debug line after")).isNotNull();

            TestApp.Response loud = app.put("/api/logs/levels", "{\"connector\":\"loud\"}");
            assertThat(loud.status()).isEqualTo(400);
            assertThat(loud.json().get("field").asText()).isEqualTo("connector");
            assertThat(app.put("/api/logs/levels", "{\"nope\":\"debug\"}").json().get("field").asText()).isEqualTo("nope");
            assertThat(app.put("/api/logs/levels", "{\"flows\":5}").status()).isEqualTo(400);
            assertThat(app.get("/api/logs/lines?after=x").status()).isEqualTo(400);
            app.put("/api/logs/levels", "{\"connector\":\"info\"}");
            connector.debug("a debug line at info again");
            assertThat(linesContaining(app, "a debug line at info again")).isNull();
        }
    }

    @Test
    void theLogFilesAreListedAndDownloadedAndNothingElseIs() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            connector.info("written to the file too");
            JsonNode files = app.get("/api/logs").json().get("files");
            assertThat(files).extracting(f -> f.get("name").asText()).contains("ltth.log");
            assertThat(files).as("the page learns names, not where the files are").allMatch(f -> !f.has("path"));
            assertThat(new String(app.download("/api/logs/ltth.log"), StandardCharsets.UTF_8)).contains("written to the file too");
            assertThat(app.get("/api/logs/pom.xml").status()).isEqualTo(404);
            assertThat(app.get("/api/logs/..%2F..%2Fpom.xml").status()).isEqualTo(404);
            assertThat(app.get("/api/logs/ltth-..%2F.log").status()).isEqualTo(404);
        }
    }

    @Test
    void theBugReportHoldsTheLogsTheSettingsWithoutSecretsAndAProbeOfTheLive() throws Exception {
        String[] secrets = {"very-secret-google-key-123", "euler-secret-456", "openai-secret-789"};
        try (FakeTikTok tiktok = new FakeTikTok(); TestApp app = TestApp.start(dir)) {
            assertThat(app.put("/api/settings", "{" + tiktok.settingsFields() + ",\"tiktok.username\":\"streamer\","
                    + "\"tts.googleApiKey\":\"" + secrets[0] + "\",\"tiktok.signApiKey\":\"" + secrets[1] + "\","
                    + "\"tts.openAiApiKey\":\"" + secrets[2] + "\"}").status()).isEqualTo(200);
            connector.info("a line for the report");

            Map<String, String> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(app.postForBytes("/api/logs/report")))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(entries).containsKeys("logs/ltth.log", "settings.json", "probe.txt");
            assertThat(entries.get("logs/ltth.log")).contains("a line for the report");
            JsonNode settings = Json.MAPPER.readTree(entries.get("settings.json"));
            assertThat(settings.get("tiktok.username").asText()).isEqualTo("streamer");
            assertThat(settings.has("tts.googleApiKey")).isFalse();
            assertThat(entries.get("probe.txt")).contains("ltth webcast probe streamer").contains(FakeTikTokRoom.ID);
            for (String entry : entries.values()) {
                for (String secret : secrets) assertThat(entry).doesNotContain(secret);
            }
        }
    }

    /** The fake TikTok's room, as its LIVE page names it. */
    private static final class FakeTikTokRoom {
        static final String ID = "7300000000000000001";
    }
}
