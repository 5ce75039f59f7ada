package app.ltth.staying;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.AppProcess;
import app.ltth.TestApp;
import app.ltth.store.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LTTH killed with SIGKILL while events pour in, then started again: it starts, its database is intact, and every
 * event it had accepted more than the flush window before the kill is stored (BENCHMARKS.md, "Staying power").
 */
@Tag("staying")
class CrashRestartTest {

    /** An accepted event is written within one event-log commit; this bounds it generously under load. */
    static final Duration FLUSH_WINDOW = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private record Accepted(String id, long atNanos) {
    }

    @Test
    void aKillUnderLoadLosesNothingAcceptedBeforeTheFlushWindow() throws Exception {
        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        long killedAt;
        try (AppProcess app = AppProcess.fromClassPath(dir)) {
            app.awaitDashboard(Duration.ofSeconds(60));
            app.post("/api/demo", "{\"enabled\":false}");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> injectors = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Thread injector = new Thread(() -> {
                    for (long i = 0; running.get(); i++) {
                        String body = i % 5 == 0
                                ? "{\"type\":\"gift\",\"user\":\"g" + thread + "\",\"giftName\":\"Rose\",\"coins\":1,\"count\":1}"
                                : "{\"type\":\"chat\",\"user\":\"c" + thread + "\",\"comment\":\"crash " + i + "\"}";
                        try {
                            TestApp.Response r = app.post("/api/events/simulate", body);
                            if (r.status() == 202) {
                                accepted.add(new Accepted(r.json().get("id").asText(), System.nanoTime()));
                            }
                        } catch (Exception killed) {
                            return;
                        }
                    }
                });
                injector.start();
                injectors.add(injector);
            }
            Thread.sleep(4_000);
            killedAt = System.nanoTime();
            app.kill();
            running.set(false);
            for (Thread t : injectors) t.join(15_000);
        }
        assertThat(accepted).hasSizeGreaterThan(500);

        try (AppProcess again = AppProcess.fromClassPath(dir)) {
            again.awaitDashboard(Duration.ofSeconds(60));
            assertThat(again.get("/api/health").status()).isEqualTo(200);
        }
        long windowStart = killedAt - FLUSH_WINDOW.toNanos();
        List<String> mustSurvive = accepted.stream().filter(a -> a.atNanos() < windowStart).map(Accepted::id).toList();
        List<String> missing = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("user_configs").resolve("default").resolve("database.db"))) {
            db.read(c -> {
                try (ResultSet r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                    assertThat(r.next() ? r.getString(1) : "").isEqualTo("ok");
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM events WHERE id = ?")) {
                    for (String id : mustSurvive) {
                        ps.setString(1, id);
                        try (ResultSet r = ps.executeQuery()) {
                            if (!r.next()) missing.add(id);
                        }
                    }
                }
                return null;
            });
        }
        System.out.printf("crash: %d events accepted, %d before the flush window, %d of those missing%n", accepted.size(),
                mustSurvive.size(), missing.size());
        assertThat(missing).as("accepted more than %s before the kill, but not stored", FLUSH_WINDOW).isEmpty();
    }
}
