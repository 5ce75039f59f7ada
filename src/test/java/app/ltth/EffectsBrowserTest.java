package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The effects overlay and the emoji rain in Chromium as a 1920x1080 OBS source (software rendering, as on this
 * machine): every effect started through REST, a chat command and a flow action, the particles counted (never above
 * the cap) and the frames counted over 5 s with everything running at once. A viewer without the permission starts
 * nothing. The Effects page tries an effect and saves a gift rule.
 */
class EffectsBrowserTest extends BrowserSuite {

    private static final List<String> EFFECTS = List.of("rain", "snow", "storm", "fog", "sunbeam", "glitch", "fireworks", "flame");

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static Map<?, ?> stats(String hook) {
        return (Map<?, ?>) js("return " + hook + ".stats();");
    }

    @SuppressWarnings("unchecked")
    private static List<String> running() {
        return (List<String>) stats("LTTH_EFFECTS").get("running");
    }

    private static long number(Map<?, ?> stats, String field) {
        return ((Number) stats.get(field)).longValue();
    }

    private static void open(String path) {
        OverlayFitBrowserTest.browserSource(1920, 1080);
        browser.get(app.baseUrl() + path);
        // connected once LTTH has greeted it with the settings (effects:state)
        waiting(browser).until(d -> js("var h = window.LTTH_EFFECTS || window.LTTH_RAIN; return h ? h.stats().ready : false").equals(true));
    }

    /** A dark scene behind the transparent overlay, for the screenshots: OBS shows it over the stream. */
    private static void screenshotOverScene(String name) throws Exception {
        js("document.documentElement.style.setProperty('background', '#1d2733', 'important')");
        screenshot(browser, name);
        js("document.documentElement.style.removeProperty('background')");
    }

    /** Frames a second over 5 s, measured in the page by requestAnimationFrame as OBS would draw them. */
    private static double framesPerSecond(String hook) throws InterruptedException {
        long before = number(stats(hook), "frames");
        long started = System.nanoTime();
        Thread.sleep(5_000);
        long after = number(stats(hook), "frames");
        return (after - before) / ((System.nanoTime() - started) / 1e9);
    }

    private static String follower(String name, String comment) {
        return "{\"type\":\"chat\",\"user\":\"" + name + "\",\"follower\":true,\"comment\":\"" + comment + "\"}";
    }

    @AfterEach
    void stopEverything() throws Exception {
        app.post("/api/effects/stop", "");
        app.post("/api/emoji-rain/clear", "");
        OverlayFitBrowserTest.windowAsBefore();
    }

    @Test
    void everyEffectRunsFromRestWithinTheCapAndAllTogetherHoldThirtyFramesASecond() throws Exception {
        open("/overlays/effects.html");
        waiting(browser).until(d -> number(stats("LTTH_EFFECTS"), "max") == 400);
        for (String effect : EFFECTS) {
            assertThat(app.post("/api/effects/" + effect, "{\"seconds\":60,\"intensity\":1,\"count\":20}").status()).isEqualTo(200);
            waiting(browser).until(d -> running().contains(effect));
        }
        waiting(browser).until(d -> number(stats("LTTH_EFFECTS"), "particles") > 300);
        double fps = framesPerSecond("LTTH_EFFECTS");
        Map<?, ?> after = stats("LTTH_EFFECTS");
        screenshotOverScene("effects-all-1920x1080");
        System.out.printf("effects overlay, all eight at intensity 1, 1920x1080: %.1f frames/s, %d particles at most%n", fps, number(after, "maxSeen"));
        assertThat(running()).containsExactlyInAnyOrderElementsOf(EFFECTS);
        assertThat(number(after, "maxSeen")).as("never above the cap").isBetween(300L, 400L);
        assertThat(fps).as("frames a second at 1920x1080 with all eight running").isGreaterThanOrEqualTo(30);

        app.post("/api/effects/stop", "{\"name\":\"all\"}");
        waiting(browser).until(d -> running().isEmpty());
        assertThat(app.post("/api/effects/tornado", "").json().get("field").asText()).isEqualTo("name");
    }

    @Test
    void commandsAndFlowsStartEveryEffectButAViewerWithoutPermissionStartsNothing() throws Exception {
        open("/overlays/effects.html");
        app.simulate("{\"type\":\"chat\",\"user\":\"stranger\",\"comment\":\"!weather snow\"}");   // not a follower
        TestApp.await(() -> app.get("/api/commands").json().get("recent").toString().contains("permission"));
        Thread.sleep(500);
        assertThat(running()).isEmpty();
        assertThat(number(stats("LTTH_EFFECTS"), "started")).isZero();

        // every effect from chat, each by another follower (a viewer may start one a minute)
        int fan = 0;
        for (String weather : List.of("rain", "snow", "storm", "fog", "sunbeam", "glitch")) {
            app.simulate(follower("fan" + fan++, "!weather " + weather));
        }
        app.simulate(follower("fan" + fan++, "!weather tornado"));   // no such weather: nothing
        app.simulate(follower("fan" + fan++, "!fireworks"));
        app.simulate(follower("fan" + fan, "!flame"));
        waiting(browser).until(d -> running().size() == EFFECTS.size());
        waiting(browser).until(d -> number(stats("LTTH_EFFECTS"), "particles") > 100);
        assertThat(number(stats("LTTH_EFFECTS"), "started")).isEqualTo(EFFECTS.size());
        screenshotOverScene("effects-by-command");
        app.post("/api/effects/stop", "");
        waiting(browser).until(d -> running().isEmpty());

        // and every effect from one flow
        StringBuilder actions = new StringBuilder();
        for (String effect : EFFECTS) {
            if (actions.length() > 0) actions.append(',');
            actions.append("{\"type\":\"effect\",\"effect\":\"").append(effect).append("\",\"seconds\":\"20\",\"intensity\":0.8}");
        }
        TestApp.Response flow = app.post("/api/flows", "{\"name\":\"everything\",\"trigger\":{\"type\":\"manual\"},\"actions\":["
                + actions + "]}");
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        app.post("/api/flows/" + flow.json().at("/flow/id").asText() + "/run", "");
        waiting(browser).until(d -> running().size() == EFFECTS.size());
        waiting(browser).until(d -> number(stats("LTTH_EFFECTS"), "particles") > 100);
        assertThat(number(stats("LTTH_EFFECTS"), "maxSeen")).isLessThanOrEqualTo(400);
        screenshotOverScene("effects-by-flow");
    }

    @Test
    void theEmojiRainRainsBurstsKeepsEachViewersEmojiAndClears() throws Exception {
        app.put("/api/effects", "{\"emoji\":{\"perViewer\":true,\"viewers\":{\"@unicorn_fan\":\"🦄\"},\"burstCoins\":500,"
                + "\"burstCount\":40,\"preset\":\"gentle\"}}");
        open("/overlays/emoji-rain.html?max=300");
        // REST: a storm of emojis for a while, then a burst; everything on screen stays within the cap
        app.post("/api/emoji-rain/start", "{\"preset\":\"storm\",\"seconds\":30}");
        waiting(browser).until(d -> "storm".equals(stats("LTTH_RAIN").get("preset")) && number(stats("LTTH_RAIN"), "particles") > 20);
        app.post("/api/emoji-rain/burst", "{\"count\":200}");
        waiting(browser).until(d -> number(stats("LTTH_RAIN"), "bursts") == 1);
        double fps = framesPerSecond("LTTH_RAIN");
        Map<?, ?> after = stats("LTTH_RAIN");
        assertThat(number(after, "particles")).isBetween(1L, 300L);
        assertThat(fps).as("frames a second at 1920x1080 in a storm with a burst").isGreaterThanOrEqualTo(30);
        screenshotOverScene("emoji-rain-storm");
        System.out.printf("emoji rain, storm preset and a burst of 200, 1920x1080: %.1f frames/s%n", fps);

        // the viewer's own emoji: their gift rains unicorns, and a big one bursts with them
        app.post("/api/emoji-rain/clear", "");
        waiting(browser).until(d -> number(stats("LTTH_RAIN"), "particles") == 0);
        app.giftStreak("unicorn_fan", "Unicorn Fan", "Lion", 500, 1, 77);
        waiting(browser).until(d -> number(stats("LTTH_RAIN"), "bursts") == 2);
        waiting(browser).until(d -> ((Map<?, ?>) js("return LTTH_RAIN.showing();")).keySet().equals(java.util.Set.of("🦄")));

        // a command and a flow change the preset and burst
        app.simulate(follower("rainy", "!emojirain celebration"));
        waiting(browser).until(d -> "celebration".equals(stats("LTTH_RAIN").get("preset")));
        TestApp.Response flow = app.post("/api/flows", "{\"name\":\"hearts\",\"trigger\":{\"type\":\"manual\"},\"actions\":["
                + "{\"type\":\"emojiRain\",\"op\":\"burst\",\"count\":\"25\",\"emoji\":\"💜\"}]}");
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        app.post("/api/flows/" + flow.json().at("/flow/id").asText() + "/run", "");
        waiting(browser).until(d -> ((Map<?, ?>) js("return LTTH_RAIN.showing();")).containsKey("💜"));
        app.post("/api/emoji-rain/burst", "{\"count\":10,\"emoji\":\"/img/gifts/gift.svg\"}");   // a picture falls too
        waiting(browser).until(d -> ((Map<?, ?>) js("return LTTH_RAIN.showing();")).containsKey("/img/gifts/gift.svg"));
        screenshotOverScene("emoji-rain-celebration");
        app.post("/api/emoji-rain/clear", "");
        waiting(browser).until(d -> number(stats("LTTH_RAIN"), "particles") == 0 && !(Boolean) stats("LTTH_RAIN").get("raining"));
    }

    @Test
    void theEffectsPageTriesAnEffectAndSavesAGiftRule() throws Exception {
        browser.get(app.baseUrl() + "/effects.html");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#effects-buttons [data-effect]")).size() == 8);
        clickCentered(browser.findElement(By.cssSelector("#effects-buttons [data-effect='sunbeam']")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Sunbeam is on the overlay."));
        waiting(browser).until(d -> d.findElement(By.id("effects-running")).getText().startsWith("Running: Sunbeam"));
        clickCentered(browser.findElement(By.id("effects-add-rule")));
        var row = browser.findElement(By.cssSelector("#effects-rules .rule"));
        row.findElement(By.name("gift")).sendKeys("Rose");
        new org.openqa.selenium.support.ui.Select(row.findElement(By.name("effect"))).selectByValue("snow");
        js("document.getElementById('e-emoji-gift').value = '🍕 🌮'");   // ChromeDriver types no characters beyond U+FFFF
        clickCentered(browser.findElement(By.cssSelector("#effects button[type='submit']")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Effects saved."));
        assertThat(app.get("/api/effects").json().at("/config/rules/0/gift").asText()).isEqualTo("Rose");
        assertThat(app.get("/api/effects").json().at("/config/emoji/gift").toString()).isEqualTo("[\"🍕\",\"🌮\"]");
        screenshot(browser, "effects-page");
        browser.findElement(By.id("e-emoji-like")).clear();
        browser.findElement(By.id("e-emoji-like")).sendKeys("this-is-no-emoji");
        clickCentered(browser.findElement(By.cssSelector("#effects button[type='submit']")));
        waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='emoji.like']")).getText().contains("emoji"));
        app.put("/api/effects", "{\"rules\":[],\"emoji\":{\"gift\":[\"🌹\"]}}");
    }
}
