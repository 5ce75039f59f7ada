package app.ltth.startup;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a page in the user's default browser, when this machine has a desktop to show it on. */
public final class Browser {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    private Browser() {
    }

    public static void open(String url) {
        Thread opener = new Thread(() -> {
            try {
                if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(URI.create(url));
                    return;
                }
                if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                        && (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null)) {
                    new ProcessBuilder("xdg-open", url).inheritIO().start();
                    return;
                }
                log.info("No desktop to open a browser on: open {} yourself", url);
            } catch (Exception e) {
                log.info("Could not open the browser ({}): open {} yourself", e.getMessage(), url);
            }
        }, "ltth-browser");
        opener.setDaemon(true);
        opener.start();
    }
}
