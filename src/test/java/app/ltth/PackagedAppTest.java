package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable app that {@code mvn -Ppackage verify} builds (scripts/Package.java): its own launcher and runtime
 * start LTTH, which serves the dashboard and stops on SIGTERM. Runs in the profile's integration-test step, after
 * the image is built; in the normal test run there is no image and it is skipped.
 */
class PackagedAppTest {

    @TempDir
    Path dir;

    @Test
    void theAppImagesLauncherStartsLtthWithItsOwnRuntime() throws Exception {
        String property = System.getProperty("ltth.packageDir");
        assumeTrue(property != null, "the app image is built and tested by mvn -Ppackage verify");
        Path macImage = Path.of(property, "ltth.app");
        Path image = Files.isDirectory(macImage) ? macImage : Path.of(property, "ltth");
        assertThat(image).as("built by scripts/Package.java").isDirectory();
        // Where jpackage puts the launcher's settings differs per system (lib/app, app, Contents/app).
        Path cfg;
        try (var files = Files.walk(image)) {
            cfg = files.filter(p -> p.getFileName().toString().equals("ltth.cfg")).findFirst().orElseThrow();
        }
        assertThat(cfg.resolveSibling("ltth.jar")).exists();
        assertThat(Files.readString(cfg)).contains("-XX:+UseSerialGC", "-Xmx192m");

        AppProcess app = AppProcess.fromAppImage(image, dir);
        try {
            long nanos = app.awaitDashboard(Duration.ofSeconds(60));
            assertThat(app.get("/api/status").status()).isEqualTo(200);
            assertThat(app.get("/alerts.html").body()).contains("<html");
            assertThat(app.awaitLine("started in")).contains("is running");
            System.out.printf("The app image answered after %d ms%n", nanos / 1_000_000);
            app.close();
            app.awaitLine("Shutting down");
        } finally {
            app.kill();
        }
        assertThat(Files.readString(dir.resolve("user_data/logs/ltth.log"))).contains("Shutting down");
    }
}
