package app.ltth.desktop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting LTTH with the computer (the setting desktop.autostart, off until the streamer turns it on): an entry in
 * the desktop's autostart folder on Linux (freedesktop), a login item on macOS (a LaunchAgent), a Run value in the
 * user's registry on Windows. It starts this LTTH as it was started now, without opening the browser (the tray icon
 * or the dashboard's address lead there).
 */
public final class Autostart {

    private static final Logger log = LoggerFactory.getLogger(Autostart.class);
    static final String WINDOWS_RUN_KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";

    /** Where and what to write for one system. {@code file} is empty on Windows, where the registry holds it. */
    record Entry(Optional<Path> file, String content, List<String> enable, List<String> disable) {
    }

    private final String os;
    private final Path home;
    private final Map<String, String> env;
    private final List<String> command;

    /**
     * @param command how this LTTH was started ({@link #thisLtth}); the entry adds --no-browser
     */
    public Autostart(String os, Path home, Map<String, String> env, List<String> command) {
        this.os = os.toLowerCase(Locale.ROOT);
        this.home = home;
        this.env = env;
        this.command = command;
    }

    public static Autostart forThisComputer() {
        return new Autostart(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv(),
                thisLtth());
    }

    /**
     * The command that starts this LTTH: the app's own launcher (jpackage names it in jpackage.app-path), else
     * this Java with the jar, else this Java with its class path.
     */
    static List<String> thisLtth() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null) return List.of(launcher);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            return List.of(java, "-jar", Path.of(classPath).toAbsolutePath().toString());
        }
        return List.of(java, "-cp", classPath, "app.ltth.Main");
    }

    Entry entry() {
        List<String> start = new ArrayList<>(command);
        start.add("--no-browser");
        if (os.contains("win")) {
            String line = start.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(" "));
            return new Entry(Optional.empty(), line, List.of("reg", "add", WINDOWS_RUN_KEY, "/v", "LTTH", "/t", "REG_SZ",
                    "/d", line, "/f"), List.of("reg", "delete", WINDOWS_RUN_KEY, "/v", "LTTH", "/f"));
        }
        if (os.contains("mac")) {
            String arguments = start.stream().map(a -> "    <string>" + xml(a) + "</string>\n").collect(Collectors.joining());
            return new Entry(Optional.of(home.resolve("Library/LaunchAgents/app.ltth.plist")), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                    <plist version="1.0">
                    <dict>
                      <key>Label</key><string>app.ltth</string>
                      <key>ProgramArguments</key>
                      <array>
                    %s  </array>
                      <key>RunAtLoad</key><true/>
                    </dict>
                    </plist>
                    """.formatted(arguments), List.of(), List.of());
        }
        String config = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path dir = (config.isBlank() ? home.resolve(".config") : Path.of(config)).resolve("autostart");
        String exec = start.stream().map(Autostart::desktopArgument).collect(Collectors.joining(" "));
        return new Entry(Optional.of(dir.resolve("ltth.desktop")), """
                [Desktop Entry]
                Type=Application
                Name=LTTH
                Comment=Little TikTool Helper for TikTok LIVE
                Exec=%s
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """.formatted(exec), List.of(), List.of());
    }

    /** Turns it on or off; a failure is logged in words and changes nothing else. */
    public void apply(boolean on) {
        Entry entry = entry();
        try {
            if (entry.file().isPresent()) {
                Path file = entry.file().get();
                if (on) {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, entry.content());
                } else {
                    Files.deleteIfExists(file);
                }
            } else {
                Process p = new ProcessBuilder(on ? entry.enable() : entry.disable()).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                // Deleting a value that is not there fails: that is the state wanted.
                if (p.waitFor() != 0 && on) throw new IOException("the registry refused the entry");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("LTTH could not {} starting with the computer: {}", on ? "turn on" : "turn off", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isOn() {
        return entry().file().map(Files::isRegularFile).orElse(false);
    }

    /** An Exec= argument: quoted when it has spaces or quotes, as the freedesktop specification asks. */
    static String desktopArgument(String a) {
        if (!a.matches(".*[\\s\"'\\\\$`].*")) return a;
        return "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
