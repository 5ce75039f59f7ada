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
        String property = System.getProperty("ltth.appImage");
        assumeTrue(property != null, "the app image is built and tested by mvn -Ppackage verify");
        Path image = Path.of(property);
        assertThat(image).as("built by scripts/Package.java").isDirectory();
        assertThat(Files.list(image.resolve("lib/app")).map(p -> p.getFileName().toString()))
                .contains("ltth.jar", "ltth.cfg");
        assertThat(Files.readString(image.resolve("lib/app/ltth.cfg"))).contains("-XX:+UseSerialGC", "-Xmx192m");

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
