package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every overlay in OBS browser sources of 800x600, 1280x720, 1920x1080 and 1080x1920: all of its content lies inside
 * the source (nothing cut at an edge), with long names and more chat than fits.
 */
class OverlayFitBrowserTest extends BrowserSuite {

    private static final int[][] SOURCES = {{800, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}};

    /** Visible elements of the stage whose box leaves the window, as "tag.class: left,top,right,bottom". */
    static final String OUTSIDE = """
            const out = [];
            for (const e of document.querySelectorAll('.stage *')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden' || e.closest('[hidden]')) continue;
              if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
                out.push(e.tagName.toLowerCase() + '.' + e.className + ': ' + [r.left, r.top, r.right, r.bottom].map(Math.round));
              }
            }
            return out;""";

    /** The browser's window as an OBS browser source of this size (Chrome's device emulation). */
    static void browserSource(int width, int height) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    static void windowAsBefore() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private record Overlay(String path, String content, Runnable feed) {
    }

    private static void simulate(String json) {
        try {
            app.post("/api/events/simulate", json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void chats(int n) {
        for (int i = 0; i < n; i++) {
            simulate("{\"type\":\"chat\",\"user\":\"a_rather_long_tiktok_name_" + i + "\",\"comment\":\"This is message "
                    + i + ", long enough to wrap onto a second line in the chat box of the overlay, as real ones do\"}");
        }
    }

    private static void gifts() {
        for (int i = 0; i < 8; i++) {
            simulate("{\"type\":\"gift\",\"user\":\"generous_viewer_with_a_long_name_" + i + "\",\"giftName\":\"Galaxy\","
                    + "\"coins\":" + (1000 - i) + ",\"count\":1}");
        }
    }

    @Test
    void everyOverlayStaysInsideEverySourceSize() throws Exception {
        app.post("/api/goals", "{\"name\":\"Coins for the new camera\",\"metric\":\"coins\",\"target\":100000}");
        app.post("/api/goals", "{\"name\":\"Followers today\",\"metric\":\"followers\",\"target\":500,\"kind\":\"ring\"}");
        gifts();   // the leaderboards, HUD and goals have numbers before their page opens
        String timer = app.post("/api/timers", "{\"name\":\"A subathon with a rather long name for its timer\","
                + "\"seconds\":360000,\"capSeconds\":720000}").json().get("id").asText();
        app.post("/api/timers/" + timer + "/start", "");
        int[] levelUps = {0};
        int[] cards = {0};   // !rank has a cooldown per viewer: one viewer a size
        List<Overlay> overlays = List.of(
                new Overlay("/overlays/alerts.html", ".alert", () -> simulate("{\"type\":\"gift\",\"user\":"
                        + "\"someone_with_a_very_long_name_indeed\",\"giftName\":\"Interstellar\",\"coins\":10000,\"count\":3}")),
                new Overlay("/overlays/goals.html", ".goal", () -> { }),
                new Overlay("/overlays/leaderboard.html", ".row", () -> { }),
                new Overlay("/overlays/chat.html", ".line", () -> chats(30)),
                new Overlay("/overlays/gifts.html", ".gift-line", OverlayFitBrowserTest::gifts),
                new Overlay("/overlays/hud.html", ".tile", () -> { }),
                new Overlay("/overlays/xp-bar.html", ".xp-viewer", () -> chats(1)),
                new Overlay("/overlays/level-up.html", ".level-up", () -> simulate("{\"type\":\"gift\",\"user\":"
                        + "\"levelling_up_with_a_really_long_name_" + (levelUps[0]++) + "\",\"giftName\":\"Universe\",\"coins\":5000,\"count\":1}")),
                new Overlay("/overlays/xp-board.html", ".row", () -> { }),
                new Overlay("/overlays/viewer-card.html", ".viewer-card", () -> simulate("{\"type\":\"chat\",\"user\":"
                        + "\"generous_viewer_with_a_long_name_" + (cards[0]++) + "\",\"comment\":\"!rank\"}")),
                new Overlay("/overlays/spotlight.html?kinds=all", ".spotlight", () -> { }),
                new Overlay("/overlays/spotlight.html?kind=chatter&position=bottom-right", ".spotlight", () -> chats(1)),
                new Overlay("/overlays/timer.html?id=" + timer + "&template=plain", ".timer-digits", () -> { }),
                new Overlay("/overlays/timer.html?id=" + timer + "&template=bar", ".timer-digits", () -> { }),
                new Overlay("/overlays/timer.html?id=" + timer + "&template=circle", ".timer-digits", () -> { }),
                new Overlay("/overlays/timer.html?id=" + timer + "&template=minimal", ".timer-digits", () -> { }),
                new Overlay("/overlays/timer.html?id=" + timer + "&template=big", ".timer-digits", () -> { }),
                new Overlay("/overlay.html", ".card", () -> {
                    chats(8);
                    gifts();
                }));
        List<String> outside = new ArrayList<>();
        try {
            for (int[] size : SOURCES) {
                browserSource(size[0], size[1]);
                for (Overlay overlay : overlays) {
                    browser.get(app.baseUrl() + overlay.path());
                    // Connected: the page has said hello, so what is sent now reaches it.
                    waiting(browser).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                            "return document.readyState === 'complete'"));
                    Thread.sleep(500);
                    overlay.feed().run();
                    waiting(browser).until(d -> !d.findElements(By.cssSelector(overlay.content())).isEmpty());
                    Thread.sleep(1200);   // entrance animations end
                    @SuppressWarnings("unchecked")
                    List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(OUTSIDE);
                    for (String f : found) outside.add(size[0] + "x" + size[1] + " " + overlay.path() + " " + f);
                    screenshot(browser, "fit-" + size[0] + "x" + size[1] + overlay.path().replace("/overlays/", "-")
                            .replace("/", "-").replace(".html", "").replaceAll("id=[^&]*&?", "").replaceAll("[?&=]", "-"));
                }
            }
        } finally {
            windowAsBefore();
        }
        assertThat(outside).isEmpty();
    }
}
