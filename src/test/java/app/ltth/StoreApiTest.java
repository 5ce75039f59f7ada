package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings, history, profiles and backups over REST, on the whole running app. */
class StoreApiTest {

    @TempDir
    Path dir;

    private static void inject(TestApp app, String json) throws Exception {
        assertThat(app.post("/api/events/simulate", json).status()).isEqualTo(202);
    }

    private static List<String> storedUsers(TestApp app) throws Exception {
        List<String> users = new ArrayList<>();
        for (JsonNode e : app.get("/api/events?limit=1000").json().get("events")) users.add(e.get("uniqueId").asText());
        return users;
    }

    @Test
    void settingsAreTypedValidatedAndSecretsNeverComeBack() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode settings = app.get("/api/settings").json();
            assertThat(settings.get("backups.keep").asInt()).isEqualTo(7);
            assertThat(settings.get("tiktok.signApiKey").asText()).isEmpty();

            JsonNode updated = app.put("/api/settings", "{\"backups.keep\":10,\"tiktok.signApiKey\":\"sk-very-secret\"}").json();
            assertThat(updated.get("backups.keep").asInt()).isEqualTo(10);
            assertThat(updated.get("tiktok.signApiKey").asText()).isEqualTo("********");
            assertThat(app.get("/api/settings").body()).doesNotContain("sk-very-secret");
            // Sending the mask back keeps the secret; the log never saw it.
            app.put("/api/settings", "{\"tiktok.signApiKey\":\"********\",\"ui.language\":\"de\"}");
            assertThat(app.get("/api/settings").json().get("tiktok.signApiKey").asText()).isEqualTo("********");
            assertThat(Files.readString(Path.of(System.getProperty("ltth.logDir"), "ltth.log"))).doesNotContain("sk-very-secret");

            TestApp.Response bad = app.put("/api/settings", "{\"backups.keep\":10000,\"ui.language\":\"en\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("backups.keep");
            assertThat(app.get("/api/settings").json().get("ui.language").asText()).as("nothing saved").isEqualTo("de");
            assertThat(app.put("/api/settings", "{\"nope\":1}").json().get("field").asText()).isEqualTo("nope");
            assertThat(app.put("/api/settings", "{\"events.retentionDays\":\"ten\"}").status()).isEqualTo(400);
            assertThat(app.put("/api/settings", "{\"tiktok.username\":\"has spaces\"}").status()).isEqualTo(400);
            assertThat(app.get("/api/settings/schema").json().size()).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void historyPagesFiltersAndExports() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            for (int i = 0; i < 25; i++) inject(app, "{\"type\":\"chat\",\"user\":\"u" + (i % 3) + "\",\"comment\":\"n" + i + "\"}");
            inject(app, "{\"type\":\"gift\",\"user\":\"=HYPERLINK(\\\"x\\\")\",\"giftName\":\"Rose\",\"coins\":1,\"count\":5}");
            app.awaitStored();

            JsonNode first = app.get("/api/events?limit=10").json();
            assertThat(first.get("events")).hasSize(10);
            assertThat(first.at("/events/0/type").asText()).isEqualTo("gift");   // newest first
            List<String> comments = new ArrayList<>();
            Long cursor = first.get("nextCursor").asLong();
            first.get("events").forEach(e -> comments.add(e.at("/data/comment").asText()));
            while (cursor != null) {
                JsonNode page = app.get("/api/events?limit=10&cursor=" + cursor).json();
                page.get("events").forEach(e -> comments.add(e.at("/data/comment").asText()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asLong();
            }
            assertThat(comments).hasSize(26).contains("n0", "n24");

            assertThat(app.get("/api/events?type=chat&user=u1").json().get("events")).hasSize(8);
            long now = System.currentTimeMillis();
            assertThat(app.get("/api/events?until=" + (now - 3_600_000)).json().get("events")).isEmpty();
            assertThat(app.get("/api/events?since=2020-01-01T00:00:00Z").json().get("events")).hasSize(26);
            assertThat(app.get("/api/events?limit=0").json().get("field").asText()).isEqualTo("limit");
            assertThat(app.get("/api/events?type=party").json().get("field").asText()).isEqualTo("type");
            assertThat(app.get("/api/events?since=yesterday").json().get("field").asText()).isEqualTo("since");

            String jsonl = new String(app.download("/api/events/export?format=jsonl&type=chat"), StandardCharsets.UTF_8);
            assertThat(jsonl.lines()).hasSize(25).allSatisfy(line -> assertThat(line).startsWith("{").contains("\"comment\""));
            String csv = new String(app.download("/api/events/export?format=csv"), StandardCharsets.UTF_8);
            assertThat(csv.lines().findFirst()).contains("seq,id,type,time,user_id,unique_id,data");
            assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\"");   // a formula is defused with a quote
            assertThat(app.get("/api/events/export?format=xml").status()).isEqualTo(400);

            JsonNode top = app.get("/api/users/top?by=coins").json();
            assertThat(top.get("likesAreEstimates").asBoolean()).isTrue();
            assertThat(top.at("/users/0/coins").asLong()).isEqualTo(5);
            assertThat(app.get("/api/gifts").json().at("/gifts/0/name").asText()).isEqualTo("Rose");
        }
    }

    @Test
    void switchingProfilesWithoutRestartKeepsEachProfilesEventsApart() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            inject(app, "{\"type\":\"follow\",\"user\":\"in_default\"}");
            app.put("/api/settings", "{\"backups.keep\":5}");
            assertThat(app.post("/api/profiles", "{\"name\":\"second\"}").status()).isEqualTo(201);
            assertThat(app.post("/api/profiles", "{\"name\":\"second\"}").status()).isEqualTo(400);
            assertThat(app.post("/api/profiles", "{\"name\":\"../x\"}").json().get("field").asText()).isEqualTo("name");

            JsonNode switched = app.post("/api/profiles/switch", "{\"name\":\"second\"}").json();
            assertThat(switched.get("active").asText()).isEqualTo("second");
            inject(app, "{\"type\":\"follow\",\"user\":\"in_second\"}");
            app.awaitStored();
            assertThat(storedUsers(app)).containsExactly("in_second");
            assertThat(app.get("/api/settings").json().get("backups.keep").asInt()).as("settings reloaded").isEqualTo(7);
            assertThat(app.get("/api/status").json().get("profile").asText()).isEqualTo("second");

            app.post("/api/profiles/switch", "{\"name\":\"default\"}");
            assertThat(storedUsers(app)).containsExactly("in_default");
            assertThat(app.get("/api/settings").json().get("backups.keep").asInt()).isEqualTo(5);
            assertThat(app.post("/api/profiles/switch", "{\"name\":\"ghost\"}").status()).isEqualTo(400);

            // Rename the open profile: it stays open under its new name, with its data.
            app.post("/api/profiles/default/rename", "{\"newName\":\"main\"}");
            JsonNode list = app.get("/api/profiles").json();
            assertThat(list.get("active").asText()).isEqualTo("main");
            assertThat(storedUsers(app)).containsExactly("in_default");

            // Delete needs the name repeated, and never the open profile.
            assertThat(app.delete("/api/profiles/second").json().get("field").asText()).isEqualTo("confirm");
            assertThat(app.delete("/api/profiles/main?confirm=main").status()).isEqualTo(400);
            assertThat(app.delete("/api/profiles/second?confirm=second").status()).isEqualTo(200);
            assertThat(app.get("/api/profiles").json().get("profiles")).hasSize(1);
            assertThat(app.delete("/api/profiles/ghost?confirm=ghost").status()).isEqualTo(404);
        }
    }

    @Test
    void exportImportAndBackupsOverRest() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            inject(app, "{\"type\":\"chat\",\"user\":\"kept\",\"comment\":\"remember me\"}");
            app.awaitStored();
            byte[] zip = app.download("/api/profiles/default/export");

            TestApp.Response imported = app.upload("/api/profiles/import", "file", zip, Map.of("name", "restored"));
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            app.post("/api/profiles/switch", "{\"name\":\"restored\"}");
            assertThat(storedUsers(app)).containsExactly("kept");

            TestApp.Response refused = app.upload("/api/profiles/import", "file", "not a zip".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("file");
            assertThat(app.upload("/api/profiles/import", "other", zip, Map.of()).json().get("field").asText()).isEqualTo("file");

            // Backups: make one, change data, restore it.
            String backup = app.post("/api/backups", "").json().get("name").asText();
            inject(app, "{\"type\":\"chat\",\"user\":\"later\",\"comment\":\"after the backup\"}");
            app.awaitStored();
            assertThat(storedUsers(app)).containsExactly("later", "kept");
            assertThat(app.get("/api/backups").json().get("backups")).extracting(b -> b.get("name").asText()).contains(backup);
            assertThat(app.download("/api/backups/" + backup)).startsWith("SQLite format 3".getBytes(StandardCharsets.US_ASCII));
            assertThat(app.post("/api/backups/" + backup + "/restore", "").status()).isEqualTo(200);
            assertThat(storedUsers(app)).containsExactly("kept");
            assertThat(app.get("/api/backups/..%2F..%2Fdatabase.db").status()).isEqualTo(404);
            assertThat(app.post("/api/backups/nope.db/restore", "").status()).isEqualTo(404);
        }
    }

    /** The database inside a profile export. */
    private static byte[] exportedDatabase(byte[] zip) throws Exception {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("database.db")) return in.readAllBytes();
            }
        }
        throw new AssertionError("no database.db in the export");
    }

    private static boolean holds(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void exportsLeaveKeysAndPasswordsOutUnlessTheStreamerAsks() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.put("/api/settings", "{\"tts.openAiApiKey\":\"sk-export-secret\",\"tiktok.signApiKey\":\"euler-secret\"}");
            app.post("/api/obs/connect", "{\"host\":\"127.0.0.1\",\"port\":" + TestApp.freeTcpPort()
                    + ",\"password\":\"obs-secret\",\"autoConnect\":false}");
            assertThat(app.get("/api/obs/status").json().at("/connections/0/hasPassword").asBoolean()).isTrue();

            byte[] shared = app.download("/api/profiles/default/export");
            byte[] db = exportedDatabase(shared);
            assertThat(db).startsWith("SQLite format 3".getBytes(StandardCharsets.US_ASCII));
            for (String secret : List.of("sk-export-secret", "euler-secret", "obs-secret")) {
                assertThat(holds(db, secret)).as(secret + " in the shared export").isFalse();
            }
            assertThat(app.upload("/api/profiles/import", "file", shared, Map.of("name", "shared")).status()).isEqualTo(201);
            app.post("/api/profiles/switch", "{\"name\":\"shared\"}");
            assertThat(app.get("/api/settings").json().get("tts.openAiApiKey").asText()).isEmpty();
            assertThat(app.get("/api/obs/status").json().at("/connections/0/hasPassword").asBoolean()).isFalse();
            assertThat(app.get("/api/obs/status").json().at("/connections/0/host").asText()).as("the rest is kept")
                    .isEqualTo("127.0.0.1");
            app.post("/api/profiles/switch", "{\"name\":\"default\"}");

            byte[] own = exportedDatabase(app.download("/api/profiles/default/export?includeKeys=true"));
            assertThat(holds(own, "sk-export-secret")).as("a backup for oneself keeps the keys").isTrue();
            assertThat(holds(own, "obs-secret")).isTrue();
        }
    }

    @Test
    void dataFoldersDatabasesAndBackupsAreTheOwnersAlone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"),
                "a file system with POSIX modes");
        try (TestApp app = TestApp.start(dir)) {
            String backup = app.post("/api/backups", "").json().get("name").asText();
            assertThat(mode(dir.resolve("user_data"))).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("user_configs"))).isEqualTo("rwx------");
            Path db = dir.resolve("user_configs/default/database.db");
            assertThat(mode(db)).isEqualTo("rw-------");
            assertThat(mode(db.resolveSibling("database.db-wal"))).isEqualTo("rw-------");
            try (var files = Files.walk(dir.resolve("user_data/backups"))) {
                Path file = files.filter(p -> p.getFileName().toString().equals(backup)).findFirst().orElseThrow();
                assertThat(mode(file)).isEqualTo("rw-------");
            }
        }
    }

    private static String mode(Path p) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void connectingAsAnotherAccountOffersItsOwnProfile() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.unreachableTikTok();
            assertThat(app.post("/api/connect", "{\"username\":\"first_streamer\"}").status()).isEqualTo(503);
            assertThat(app.get("/api/settings").json().get("tiktok.username").asText()).isEqualTo("first_streamer");
            TestApp.Response other = app.post("/api/connect", "{\"username\":\"second_streamer\"}");
            assertThat(other.status()).isEqualTo(409);
            assertThat(other.json().get("profile").asText()).isEqualTo("second_streamer");
            assertThat(other.json().get("profileExists").asBoolean()).isFalse();
            assertThat(other.json().get("error").asText()).contains("create the profile 'second_streamer'");
            assertThat(app.get("/api/status").json().get("profile").asText()).as("nothing switched silently")
                    .isEqualTo("default");
        }
    }
}
