package app.ltth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aNewProfileGetsTheWholeSchemaInWalMode() throws Exception {
        ProfileStore profiles = new ProfileStore(dir);
        try (Database db = profiles.open("streamer")) {
            assertThat(db.file()).isEqualTo(dir.resolve("user_configs/streamer/database.db"));
            assertThat(pragma(db.connection(), "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db.connection(), "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db.connection(), "synchronous")).isEqualTo("1");   // NORMAL
            assertThat(Migrations.userVersion(db.connection())).isEqualTo(Migrations.latestVersion()).isPositive();
            SettingsRepository settings = new SettingsRepository(db);
            settings.put("tiktok.username", "someone");
            settings.put("tiktok.username", "someone_else");
            assertThat(settings.get("tiktok.username")).contains("someone_else");
            assertThat(settings.get("missing")).isEmpty();
        }
        assertThat(profiles.activeProfile()).isEqualTo("streamer");
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() throws Exception {
        ProfileStore profiles = new ProfileStore(dir);
        try (Database db = profiles.open("p")) {
            new SettingsRepository(db).put("k", "v");
        }
        try (Database db = profiles.open("p")) {
            assertThat(new SettingsRepository(db).get("k")).contains("v");
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
        assertThatThrownBy(() -> new ProfileStore(dir).open("p"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer LTTH")
                .hasMessageContaining("999");
        assertThat(java.util.Arrays.equals(Files.readAllBytes(file), before)).as("file unchanged").isTrue();
    }

    @Test
    void profileNamesCannotEscapeTheProfilesFolder() {
        assertThat(ProfileStore.isValidName("my_profile-2")).isTrue();
        assertThat(ProfileStore.isValidName("../evil")).isFalse();
        assertThat(ProfileStore.isValidName("a/b")).isFalse();
        assertThat(ProfileStore.isValidName("")).isFalse();
        assertThat(ProfileStore.isValidName(".hidden")).isFalse();
        assertThatThrownBy(() -> new ProfileStore(dir).open("../x")).hasMessageContaining("not a valid profile name");
    }

    @Test
    void anUnreadableActiveProfileMarkerFallsBackToDefault() throws Exception {
        Files.createDirectories(dir.resolve("user_configs"));
        Files.writeString(dir.resolve("user_configs/.active_profile"), "../../etc");
        assertThat(new ProfileStore(dir).activeProfile()).isEqualTo(ProfileStore.DEFAULT_PROFILE);
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
