package app.ltth.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.AppProcess;
import app.ltth.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting with the computer: the entry each system wants, written and removed as the setting changes. */
class AutostartTest {

    @TempDir
    Path home;

    private static final List<String> LAUNCHER = List.of("/opt/LTTH app/bin/ltth");

    @Test
    void linuxGetsAFreedesktopEntryThatStartsLtthWithoutTheBrowser() throws Exception {
        Autostart linux = new Autostart("Linux", home, Map.of(), LAUNCHER);
        Path file = home.resolve(".config/autostart/ltth.desktop");
        assertThat(linux.entry().file()).contains(file);
        assertThat(linux.entry().content()).contains("Exec=\"/opt/LTTH app/bin/ltth\" --no-browser\n", "Type=Application");
        assertThat(linux.isOn()).isFalse();
        linux.apply(true);
        assertThat(file).exists();
        assertThat(linux.isOn()).isTrue();
        linux.apply(false);
        assertThat(file).doesNotExist();
        linux.apply(false);   // already off: nothing to do, nothing fails

        Autostart xdg = new Autostart("Linux", home, Map.of("XDG_CONFIG_HOME", home.resolve("cfg").toString()), LAUNCHER);
        assertThat(xdg.entry().file()).contains(home.resolve("cfg/autostart/ltth.desktop"));
    }

    @Test
    void macOsGetsALaunchAgentAndWindowsARunValue() {
        Autostart mac = new Autostart("Mac OS X", home, Map.of(), List.of("/Applications/LTTH.app/Contents/MacOS/ltth"));
        assertThat(mac.entry().file()).contains(home.resolve("Library/LaunchAgents/app.ltth.plist"));
        assertThat(mac.entry().content()).contains("<string>/Applications/LTTH.app/Contents/MacOS/ltth</string>",
                "<string>--no-browser</string>", "<key>RunAtLoad</key><true/>");

        Autostart windows = new Autostart("Windows 11", home, Map.of(), List.of("C:\\Program Files\\LTTH\\ltth.exe"));
        assertThat(windows.entry().file()).isEmpty();
        assertThat(windows.entry().enable()).containsSubsequence("reg", "add", Autostart.WINDOWS_RUN_KEY, "/v", "LTTH",
                "/d", "\"C:\\Program Files\\LTTH\\ltth.exe\" \"--no-browser\"");
        assertThat(windows.entry().disable()).containsExactly("reg", "delete", Autostart.WINDOWS_RUN_KEY, "/v", "LTTH", "/f");
    }

    @Test
    void theSettingTurnsItOnAndOffInTheRunningApp() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));
        AppProcess app = AppProcess.withEnvironment(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("cfg").toString()),
                "--no-browser", "--data-dir", data.toString(), "--port", "0", "--socket-port", "0");
        try {
            app.baseUrl();
            Path entry = home.resolve("cfg/autostart/ltth.desktop");
            assertThat(entry).as("off until the streamer turns it on").doesNotExist();
            assertThat(app.put("/api/settings", "{\"desktop.autostart\": true}").status()).isEqualTo(200);
            TestApp.await(() -> Files.exists(entry));
            assertThat(Files.readString(entry)).contains("app.ltth.Main", "--no-browser");
            app.put("/api/settings", "{\"desktop.autostart\": false}");
            TestApp.await(() -> !Files.exists(entry));
        } finally {
            app.kill();
        }
    }
}
