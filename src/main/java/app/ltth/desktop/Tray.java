package app.ltth.desktop;

import app.ltth.events.ConnectionState;
import app.ltth.i18n.Texts;
import app.ltth.startup.Browser;
import java.awt.AWTException;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LTTH's icon in the system tray, where the desktop has one: open the dashboard, see the connection's state, quit.
 * A streamer who started LTTH with the system (no browser window) finds it there.
 */
public final class Tray {

    private static final Logger log = LoggerFactory.getLogger(Tray.class);

    private final TrayIcon icon;
    private final MenuItem status;
    private final MenuItem open;
    private final MenuItem quit;
    private final Supplier<Texts> texts;
    private volatile ConnectionState state;

    private Tray(TrayIcon icon, MenuItem status, MenuItem open, MenuItem quit, Supplier<Texts> texts) {
        this.icon = icon;
        this.status = status;
        this.open = open;
        this.quit = quit;
        this.texts = texts;
    }

    /**
     * Adds the icon, or says once in the log why there is none (no display, or a desktop without a tray).
     *
     * @param texts the streamer's language, read at each change (it may change while LTTH runs)
     * @param quit  what Quit does: LTTH's normal shutdown
     */
    public static Optional<Tray> install(Supplier<Texts> texts, String dashboardUrl, Runnable quit) {
        if (GraphicsEnvironment.isHeadless()) {
            log.info("No tray icon: this computer has no display");
            return Optional.empty();
        }
        if (!SystemTray.isSupported()) {
            log.info("No tray icon: this desktop has no system tray");
            return Optional.empty();
        }
        try {
            PopupMenu menu = new PopupMenu();
            MenuItem status = new MenuItem();
            status.setEnabled(false);
            MenuItem open = new MenuItem();
            open.addActionListener(e -> Browser.open(dashboardUrl));
            MenuItem exit = new MenuItem();
            exit.addActionListener(e -> quit.run());
            menu.add(status);
            menu.addSeparator();
            menu.add(open);
            menu.add(exit);
            TrayIcon icon = new TrayIcon(image(), "LTTH", menu);
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> Browser.open(dashboardUrl));   // a double-click on the icon
            Tray tray = new Tray(icon, status, open, exit, texts);
            tray.show(ConnectionState.OFFLINE);
            SystemTray.getSystemTray().add(icon);
            return Optional.of(tray);
        } catch (AWTException | RuntimeException e) {
            log.info("No tray icon: the desktop refused it ({})", e.getMessage());
            return Optional.empty();
        }
    }

    /** The connection's state (and the language, which may have changed) in the menu and the tooltip. */
    public void show(ConnectionState newState) {
        state = newState;
        TrayMenu m = TrayMenu.of(texts.get(), newState);
        java.awt.EventQueue.invokeLater(() -> {
            icon.setToolTip(m.tooltip());
            status.setLabel(m.status());
            open.setLabel(m.open());
            quit.setLabel(m.quit());
        });
    }

    public ConnectionState state() {
        return state;
    }

    public void close() {
        java.awt.EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    /** LTTH's mark, drawn here: a pink disc with a white L (no image file to load at start). */
    static BufferedImage image() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xff, 0x00, 0x50));
        g.fillOval(2, 2, 60, 60);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("L", 20, 47);
        g.dispose();
        return image;
    }
}
