package app.ltth;

import app.ltth.config.AppConfig;
import app.ltth.config.AppHome;
import app.ltth.config.CommandLine;
import app.ltth.config.ConfigException;
import app.ltth.desktop.Autostart;
import app.ltth.desktop.Tray;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.live.webcast.DecodeCommand;
import app.ltth.live.webcast.ProbeCommand;
import app.ltth.settings.SettingsRegistry;
import app.ltth.startup.AlreadyRunningException;
import app.ltth.startup.Browser;
import app.ltth.startup.StartupException;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.swing.JOptionPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LTTH's entry point: read the options, start the {@link App}, open the dashboard, stop cleanly on Ctrl-C or
 * SIGTERM. Exit codes: 0 normal (also when another LTTH already runs), 1 could not start, 2 bad options.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 1 && args[0].equals("webcast") && args[1].equals("probe")) {
            System.exit(runTool(() -> ProbeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err,
                    java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build())));
            return;
        }
        if (args.length > 0 && args[0].equals("webcast")) {
            System.exit(runTool(() -> DecodeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.in,
                    System.out, System.err)));
            return;
        }
        // java -jar ltth.jar replay FILE [--speed N] [options]: the app, with a recorded LIVE as its live source.
        String[] options = args;
        Path replayFile = null;
        double replaySpeed = 1;
        if (args.length > 0 && args[0].equals("replay")) {
            List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
            if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                System.err.println("Usage: java -jar ltth.jar replay FILE [--speed N] [options]  (N: 1, 10, ... or 0 for full speed)");
                System.exit(2);
                return;
            }
            replayFile = Path.of(rest.remove(0));
            int i = rest.indexOf("--speed");
            if (i >= 0) {
                try {
                    replaySpeed = Double.parseDouble(rest.get(i + 1));
                } catch (RuntimeException e) {
                    System.err.println("--speed needs a number: 1 (as recorded), 10, or 0 (full speed).");
                    System.exit(2);
                    return;
                }
                rest.subList(i, i + 2).clear();
            }
            options = rest.toArray(new String[0]);
        }
        Optional<AppConfig> parsed;
        try {
            parsed = CommandLine.parse(options, System.getenv(), AppHome.detect());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.isEmpty()) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        AppConfig config = parsed.get();
        // Logging writes into the data folder, so it may only start once that is known.
        if (System.getProperty("ltth.logDir") == null) {
            System.setProperty("ltth.logDir", config.userData().resolve("logs").toString());
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        try {
            App app = App.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("Shutting down");
                app.close();
            }, "ltth-shutdown"));
            System.out.println("LTTH is running. Dashboard: " + app.dashboardUrl()
                    + "  OBS overlay: http://" + AppConfig.HOST + ":" + app.httpPort() + "/overlay.html"
                    + "  (Ctrl-C stops it)");
            if (replayFile != null) {
                app.replay(replayFile, replaySpeed);
                System.out.println("Replaying " + replayFile + " at " + (replaySpeed == 0 ? "full speed" : replaySpeed + "x"));
            }
            if (config.openBrowser()) Browser.open(app.dashboardUrl());
            startWithTheComputer(app);
            Tray.install(app::texts, app.dashboardUrl(), () -> System.exit(0)).ifPresent(tray ->
                    app.bus().subscribe("tray", event -> {
                        if (event instanceof ConnectionStatusEvent s) tray.show(s.state());
                    }));
        } catch (AlreadyRunningException e) {
            System.out.println(e.getMessage());
            if (config.openBrowser()) e.dashboardUrl().ifPresent(Browser::open);
            System.exit(0);
        } catch (Exception e) {
            if (!(e instanceof StartupException)) e = new StartupException("replay", e);
            log.error(e.getMessage(), e.getCause());
            System.err.println(e.getMessage());
            showDialogWhenDoubleClicked(config, e.getMessage());
            System.exit(1);
        }
    }

    /**
     * The setting desktop.autostart, applied when it changes (and refreshed at start while on, in case LTTH moved).
     * Only Main does this: tests start App on its own and never touch the computer's autostart.
     */
    private static void startWithTheComputer(App app) {
        Autostart autostart = Autostart.forThisComputer();
        boolean[] last = {false};
        app.settings().onChange(s -> {
            boolean on = s.bool(SettingsRegistry.DESKTOP_AUTOSTART);
            if (on || last[0]) autostart.apply(on);
            last[0] = on;
        });
    }

    @FunctionalInterface
    private interface Tool {
        int run() throws Exception;
    }

    private static int runTool(Tool tool) {
        try {
            return tool.run();
        } catch (Exception e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** Started by a double-click there is no console to read, so say it in a window. */
    private static void showDialogWhenDoubleClicked(AppConfig config, String message) {
        if (config.openBrowser() && System.console() == null && !GraphicsEnvironment.isHeadless()) {
            try {
                JOptionPane.showMessageDialog(null, message, "LTTH", JOptionPane.ERROR_MESSAGE);
            } catch (RuntimeException ignored) {
                // No usable display after all; the message is already on stderr and in the log.
            }
        }
    }
}
