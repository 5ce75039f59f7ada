package app.ltth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.input.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    private Backups backups() {
        return new Backups(dir.resolve("user_data"), 3);
    }

    private ProfileStore store() {
        return new ProfileStore(dir, backups());
    }

    private Database open(String profile, List<String> notices) throws StoreException {
        return store().open(profile, notices::add);
    }

    @Test
    void aNewProfileGetsTheWholeSchemaInWalMode() throws Exception {
        try (Database db = open("streamer", new ArrayList<>())) {
            assertThat(db.file()).isEqualTo(dir.resolve("user_configs/streamer/database.db"));
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "synchronous")).isEqualTo("1");   // NORMAL
            assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion()).isGreaterThanOrEqualTo(2);
            assertThat(tables(db)).contains("settings", "events", "gift_catalog", "user_stats", "alert_configs",
                    "flows", "gift_sounds", "user_voices");
            SettingsRepository settings = new SettingsRepository(db);
            settings.put("k", "\"one\"");
            settings.put("k", "\"two\"");
            assertThat(settings.get("k")).contains("\"two\"");
            assertThat(settings.get("missing")).isEmpty();
        }
        assertThat(store().activeProfile()).isEqualTo("streamer");
        assertThat(backups().list("streamer")).as("a new database needs no backup").isEmpty();
    }

    @Test
    void anOlderDatabaseIsBackedUpThenUpgradedKeepingItsData() throws Exception {
        Path file = dir.resolve("user_configs/old/database.db");
        Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(new String(StoreTest.class.getResourceAsStream("/db/migration/V1.sql").readAllBytes(),
                    StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", ""));
            s.execute("INSERT INTO settings VALUES ('tiktok.username', '\"old_streamer\"', 1)");
            s.execute("PRAGMA user_version = 1");
        }
        try (Database db = open("old", new ArrayList<>())) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(new SettingsRepository(db).get("tiktok.username")).contains("\"old_streamer\"");
            assertThat(tables(db)).contains("events");
        }
        List<Backups.Backup> list = backups().list("old");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).reason()).isEqualTo("before-v" + Migrations.latestVersion());
        Path backup = backups().dir("old").resolve(list.get(0).name());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the backup is the database as it was").isEqualTo(1);
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("user_configs/p/database.db");
        Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 999");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> open("p", new ArrayList<>()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer LTTH")
                .hasMessageContaining("999");
        assertThat(Arrays.equals(Files.readAllBytes(file), before)).as("file unchanged").isTrue();
    }

    @Test
    void aCorruptDatabaseIsKeptAsideAndTheUserIsTold() throws Exception {
        Path file = dir.resolve("user_configs/broken/database.db");
        Files.createDirectories(file.getParent());
        byte[] garbage = "this is not a database, just bytes that were once one".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        List<String> notices = new ArrayList<>();
        try (Database db = open("broken", notices)) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("damaged").contains(".corrupt-").contains("restore a backup");
        try (Stream<Path> files = Files.list(file.getParent())) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("database.db.corrupt-")
                    && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm"))
                    .findFirst().orElseThrow();
            assertThat(Arrays.equals(Files.readAllBytes(aside), garbage)).as("damaged file kept as it was").isTrue();
        }
    }

    @Test
    void profileNamesCannotEscapeTheProfilesFolder() {
        assertThat(ProfileStore.isValidName("my_profile-2")).isTrue();
        assertThat(ProfileStore.isValidName("../evil")).isFalse();
        assertThat(ProfileStore.isValidName("a/b")).isFalse();
        assertThat(ProfileStore.isValidName("")).isFalse();
        assertThat(ProfileStore.isValidName(".hidden")).isFalse();
        assertThatThrownBy(() -> open("../x", new ArrayList<>())).hasMessageContaining("not a valid profile name");
        assertThat(backups().find("p", "../../database.db")).isEmpty();
        assertThat(backups().find("p", "20261122-041500-123-manual.db/../x")).isEmpty();
    }

    @Test
    void profileNamesWorkOnEverySystem() {
        for (String name : List.of("CON", "con", "nul.db", "Aux", "COM1", "lpt9.txt", "stream.", "stream..x")) {
            assertThat(ProfileStore.isValidName(name)).as(name).isFalse();
        }
        assertThat(ProfileStore.isValidName("console")).isTrue();
        assertThat(ProfileStore.isValidName("com10")).isTrue();
        assertThatThrownBy(() -> store().create("CON")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("devices");
    }

    @Test
    void profilesDifferingOnlyInCaseAreOneProfile() throws Exception {
        ProfileManager profiles = new ProfileManager(store(), backups(), n -> { });
        profiles.open("default");
        try {
            // On Windows and macOS "DEFAULT" is the open profile's folder: it must not pass as "another profile".
            assertThatThrownBy(() -> profiles.delete("DEFAULT")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("open profile");
            assertThatThrownBy(() -> store().create("Default")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("'default' exists");
            store().create("Second");
            assertThatThrownBy(() -> profiles.rename("default", "SECOND")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("'Second' exists");
            profiles.switchTo("second");
            assertThat(profiles.active()).isEqualTo("Second");
            profiles.delete("DEFAULT");
            assertThat(store().names()).containsExactly("Second");
        } finally {
            profiles.close();
        }
    }

    @Test
    void anUnreadableActiveProfileMarkerFallsBackToDefault() throws Exception {
        Files.createDirectories(dir.resolve("user_configs"));
        Files.writeString(dir.resolve("user_configs/.active_profile"), "../../etc");
        assertThat(store().activeProfile()).isEqualTo(ProfileStore.DEFAULT_PROFILE);
    }

    @Test
    void backupAndRestoreRoundTrip() throws Exception {
        ProfileManager profiles = new ProfileManager(store(), backups(), n -> { });
        profiles.open("p");
        try {
            new SettingsRepository(profiles.database()).put("k", "\"before\"");
            String backup = profiles.backupNow("manual").getFileName().toString();
            new SettingsRepository(profiles.database()).put("k", "\"after\"");

            List<String> reopened = new ArrayList<>();
            profiles.addListener((profile, db) -> reopened.add(profile));
            profiles.restore(backup);
            assertThat(new SettingsRepository(profiles.database()).get("k")).contains("\"before\"");
            assertThat(reopened).containsExactly("p", "p");   // told at once, then after the restore
            assertThat(backups().list("p")).extracting(Backups.Backup::reason).contains("manual", "before-restore");

            // The restore itself can be undone from the automatic "before-restore" backup.
            String undo = backups().list("p").stream().filter(b -> b.reason().equals("before-restore"))
                    .findFirst().orElseThrow().name();
            profiles.restore(undo);
            assertThat(new SettingsRepository(profiles.database()).get("k")).contains("\"after\"");
            assertThatThrownBy(() -> profiles.restore("nope.db")).isInstanceOf(ValidationException.class);
        } finally {
            profiles.close();
        }
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        ProfileManager profiles = new ProfileManager(store(), backups(), n -> { });
        profiles.open("p");
        try {
            for (int i = 0; i < 5; i++) {
                profiles.backupNow("manual");
                Thread.sleep(2);   // backup names carry the millisecond
            }
            assertThat(backups().list("p")).hasSize(3);
        } finally {
            profiles.close();
        }
    }

    @Test
    void exportAndImportRoundTrip() throws Exception {
        ProfileStore store = store();
        ProfileArchive archive = new ProfileArchive(store, dir.resolve("tmp"), ProfileArchive.DEFAULT_MAX_IMPORT_BYTES, List.of());
        try (Database db = store.open("source", n -> { })) {
            new SettingsRepository(db).put("tiktok.username", "\"exported\"");
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            archive.export("source", db, true, "test", zip);

            assertThat(archive.importZip(new ByteArrayInputStream(zip.toByteArray()), "copy")).isEqualTo("copy");
            assertThatThrownBy(() -> archive.importZip(new ByteArrayInputStream(zip.toByteArray()), "copy"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("exists already");
            // Without a name, the name in the manifest is used.
            store.delete("source");
            assertThat(archive.importZip(new ByteArrayInputStream(zip.toByteArray()), null)).isEqualTo("source");
        }
        try (Database copy = store.open("copy", n -> { })) {
            assertThat(new SettingsRepository(copy).get("tiktok.username")).contains("\"exported\"");
        }
        // A closed profile exports from disk.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        archive.export("source", null, true, "test", again);
        assertThat(archive.importZip(new ByteArrayInputStream(again.toByteArray()), "third")).isEqualTo("third");
    }

    @Test
    void brokenOrForeignZipsAreRefusedWithAReason() throws Exception {
        ProfileStore store = store();
        ProfileArchive archive = new ProfileArchive(store, dir.resolve("tmp"), 512 * 1024, List.of());
        byte[] manifest = "{\"format\":\"ltth-profile\",\"formatVersion\":1,\"profile\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] db;
        try (Database d = store.open("real", n -> { })) {
            Path copy = dir.resolve("copy.db");
            d.backupTo(copy);
            db = Files.readAllBytes(copy);
        }
        Map<String, byte[]> good = Map.of(ProfileArchive.MANIFEST, manifest, ProfileArchive.DATABASE, db);
        assertThat(archive.importZip(new ByteArrayInputStream(zip(good)), "fine")).isEqualTo("fine");

        assertRefused(archive, zip(Map.of("../evil.db", db)), "unsafe path");
        assertRefused(archive, zip(Map.of("/etc/passwd", db)), "unsafe path");
        assertRefused(archive, zip(Map.of(ProfileArchive.DATABASE, db)), "no ltth-profile.json");
        assertRefused(archive, zip(Map.of(ProfileArchive.MANIFEST, manifest)), "no database.db");
        assertRefused(archive, zip(Map.of(ProfileArchive.MANIFEST, "{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8),
                ProfileArchive.DATABASE, db)), "does not describe an LTTH profile");
        assertRefused(archive, zip(Map.of(ProfileArchive.MANIFEST, "not json".getBytes(StandardCharsets.UTF_8),
                ProfileArchive.DATABASE, db)), "not valid JSON");
        assertRefused(archive, zip(Map.of(ProfileArchive.MANIFEST, manifest, ProfileArchive.DATABASE,
                "SQLite? no.".getBytes(StandardCharsets.UTF_8))), "not an SQLite database");
        assertRefused(archive, zip(Map.of(ProfileArchive.MANIFEST, manifest, ProfileArchive.DATABASE, db,
                "extra.txt", new byte[1])), "not part of an LTTH profile");
        assertRefused(archive, zip(Map.of(ProfileArchive.MANIFEST, manifest, ProfileArchive.DATABASE, new byte[600 * 1024])),
                "larger than");
        assertRefused(archive, "PK but not really a zip".getBytes(StandardCharsets.UTF_8), "not an LTTH profile export");
        Path newer = dir.resolve("newer.db");
        Files.write(newer, db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 999");
        }
        assertRefused(archive, zip(Map.of(ProfileArchive.MANIFEST, manifest, ProfileArchive.DATABASE, Files.readAllBytes(newer))),
                "newer LTTH");
        assertThat(store.names()).containsExactlyInAnyOrder("real", "fine");
    }

    private static void assertRefused(ProfileArchive archive, byte[] zip, String reason) {
        assertThatThrownBy(() -> archive.importZip(new ByteArrayInputStream(zip), "imported"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be imported")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("file"));
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String pragma(Database db, String name) throws Exception {
        return db.write(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static List<String> tables(Database db) throws Exception {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            return names;
        });
    }
}
