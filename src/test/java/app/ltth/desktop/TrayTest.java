package app.ltth.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.ltth.TestApp;
import app.ltth.events.ConnectionState;
import app.ltth.i18n.Locales;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tray icon's words in each language, and its code path on a real display (Xvfb). */
class TrayTest {

    private static final Locales LOCALES = new Locales(Path.of("target", "no-overrides"));

    @Test
    void theMenuSaysTheConnectionsStateInTheStreamersLanguage() {
        TrayMenu en = TrayMenu.of(LOCALES.texts("en"), ConnectionState.LIVE);
        assertThat(en.status()).isEqualTo("Connection: Live");
        assertThat(en.tooltip()).isEqualTo("LTTH · Live");
        assertThat(en.open()).isEqualTo("Open the dashboard");
        TrayMenu de = TrayMenu.of(LOCALES.texts("de"), ConnectionState.RECONNECTING);
        assertThat(de.status()).startsWith("Verbindung: ").doesNotContain("{state}");
        assertThat(de.quit()).isEqualTo("LTTH beenden");
        assertThat(TrayMenu.of(LOCALES.texts("fr"), null).status()).isEqualTo("Connexion : " + LOCALES.texts("fr").get("state.offline"));
    }

    /** Run in a JVM of its own with DISPLAY set: installs the tray as Main does and says what happened. */
    public static void main(String[] args) {
        var tray = Tray.install(() -> LOCALES.texts("en"), "http://127.0.0.1:1/dashboard.html", () -> { });
        tray.ifPresent(t -> t.show(ConnectionState.LIVE));
        System.out.println(tray.isPresent() ? "TRAY INSTALLED" : "NO TRAY");
        tray.ifPresent(Tray::close);
        System.exit(0);
    }

    @Test
    void onADisplayTheTrayIsAddedOrItsAbsenceExplained() throws Exception {
        boolean xvfb = Files.isExecutable(Path.of("/usr/bin/Xvfb"));
        assumeTrue(xvfb, "needs Xvfb (scripts/test.sh installs it) for a display");
        String display = ":" + (90 + TestApp.freeTcpPort() % 9);
        Process server = new ProcessBuilder("/usr/bin/Xvfb", display, "-screen", "0", "1280x720x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(1_000);
            assumeTrue(server.isAlive(), "Xvfb did not start on " + display);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TrayTest.class.getName()));
            ProcessBuilder probe = new ProcessBuilder(command).redirectErrorStream(true);
            probe.environment().put("DISPLAY", display);
            Process p = probe.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            // A bare X server has no tray: the code path says so in words and LTTH goes on; with a tray, it is added.
            assertThat(output).as(output).containsAnyOf("TRAY INSTALLED", "No tray icon: this desktop has no system tray");
            assertThat(output).doesNotContain("Exception");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
