package app.ltth.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL while writing at full speed: every event the writer reported as committed survives, undamaged. */
class EventLogCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyCommittedEventSurvivesAKill() throws Exception {
        Path file = dir.resolve("crash.db");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        long reported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("committed ")) reported = Long.parseLong(line.substring(10));
                if (reported >= 50_000 || System.nanoTime() > deadline) break;
            }
            // SIGKILL: no shutdown hook, no flush. (Process.destroyForcibly() would also close our end of its output.)
            assertThat(child.toHandle().destroyForcibly()).isTrue();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Commits reported after the last line we read may also have happened: read what is left.
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("committed ")) reported = Long.parseLong(line.substring(10));
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(reported).as("the child committed events before it was killed").isPositive();
        long committed = reported;

        assertThat(Database.damage(file)).as("integrity check").isEmpty();
        try (Database db = Database.open(file)) {
            long stored = new EventRepository(db).count();
            assertThat(stored).isGreaterThanOrEqualTo(committed);
            // The events are the first `stored` ones, without a gap: e0 .. e(stored-1).
            long last = committed - 1;
            boolean lastReportedPresent = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM events WHERE id = ?")) {
                    ps.setString(1, "e" + last);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
            assertThat(lastReportedPresent).isTrue();
            long distinctBelow = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM events WHERE CAST(substr(id, 2) AS INTEGER) < ?")) {
                    ps.setLong(1, committed);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            assertThat(distinctBelow).isEqualTo(committed);
        }
    }
}
