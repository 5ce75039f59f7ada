package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.LikeEvent;
import app.ltth.events.User;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The OBS overlays (alerts, goals, leaderboard, emoji rain) and their dashboard pages in a real browser. */
class OverlayBrowserTest extends BrowserSuite {

    @BeforeAll
    static void disableGiftAlerts() throws Exception {
        // Gift alerts take 5 s each: only the test about alerts turns them on, so no other test's gifts queue up.
        app.put("/api/alerts/gift", "{\"enabled\":false}");
    }

    private static WebDriverWait waiting() {
        return waiting(browser);
    }

    /** Opens an overlay at half size in preview mode and waits until it is connected (the marker is gone). */
    private static void open(String path) {
        browser.get(app.baseUrl() + path + (path.contains("?") ? "&" : "?") + "preview=1&scale=0.5");
        waiting().until(d -> !d.findElement(By.className("offline")).isDisplayed());
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void aStreakOfTenRosesShowsOneEscapedAlertAndCountsTenCoinsForTheGoalAndTheLeaderboard() throws Exception {
        app.put("/api/alerts/gift", "{\"enabled\":true,\"animation\":\"fade\",\"seconds\":10}");
        app.post("/api/leaderboard/reset", "");
        String goal = app.post("/api/goals", "{\"name\":\"Roses\",\"target\":5000}").json().get("id").asText();
        open("/overlays/alerts.html");
        // Remember every alert that ever enters the page, however briefly.
        js("window.seen = []; new MutationObserver(function (ms) { ms.forEach(function (m) { m.addedNodes.forEach("
                + "function (n) { if (n.getAttribute) window.seen.push(n.getAttribute('data-alert')); }); }); })"
                + ".observe(document.getElementById('alert-area'), {childList: true});");

        app.giftStreak("anna", BrowserTest.EVIL_NAME, "Rose", 1, 10, 77);
        WebElement alert = waiting().until(d -> d.findElements(By.cssSelector(".alert-text")).stream()
                .filter(e -> !e.getText().isEmpty()).findFirst().orElse(null));
        assertThat(alert.getText()).isEqualTo(BrowserTest.EVIL_NAME + " sent 10x Rose!");
        assertThat(browser.findElements(By.cssSelector("#alert-area .alert-text img"))).as("the name is text, not an image").isEmpty();
        Thread.sleep(1500);   // time for any (wrong) per-message alert to arrive
        assertThat((List<?>) js("return window.seen;")).hasSize(1);

        open("/overlays/goal.html?id=" + goal);
        WebElement view = waiting().until(d -> d.findElement(By.cssSelector("[data-goal='" + goal + "']")));
        assertThat(view.getAttribute("data-current")).isEqualTo("10");
        // The bar carries the numbers (with separators); the label is the name alone.
        assertThat(view.findElement(By.className("goal-label")).getText()).isEqualTo("Roses");
        assertThat(view.findElement(By.className("goal-numbers")).getText()).isEqualTo("10 / 5,000");

        open("/overlays/leaderboard.html?board=gifters");
        WebElement first = waiting().until(d -> d.findElement(By.cssSelector("#rows .row")));
        assertThat(first.findElement(By.className("name")).getText()).isEqualTo(BrowserTest.EVIL_NAME);
        assertThat(first.findElement(By.className("value")).getText()).isEqualTo("10");
        app.put("/api/alerts/gift", "{\"enabled\":false}");
    }

    /** What a "cool flow pack" carried: on LTTH's own origin this ran, uploaded a plugin and started it. */
    static final String PAYLOAD = "<b>Hi</b> <img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";

    @Test
    void anImportedFlowsTextAndAnAlertTemplateRunNoScript() throws Exception {
        String flows = Json.MAPPER.writeValueAsString(List.of(Map.of("name", "cool pack", "trigger", Map.of("type", "manual"),
                "actions", List.of(Map.of("type", "overlayText", "text", PAYLOAD)))));
        assertThat(app.post("/api/flows/import", flows).json().get("imported").asInt()).isEqualTo(1);
        String id = null;
        for (JsonNode f : app.get("/api/flows").json().get("flows")) if (f.get("name").asText().equals("cool pack")) id = f.get("id").asText();
        open("/overlay.html");
        js("document.title = 'clean';");
        assertThat(app.post("/api/flows/" + id + "/run", "").status()).isEqualTo(202);
        // The card fades in: its text is visible (and so readable) a moment after it is added.
        WebElement card = waiting().until(d -> d.findElements(By.cssSelector(".flow-card .what")).stream()
                .filter(e -> !e.getText().isEmpty()).findFirst().orElse(null));
        assertThat(card.getText()).isEqualTo("Hi");
        assertThat(card.findElements(By.tagName("b"))).as("the streamer's own formatting stays").hasSize(1);
        assertThat(card.findElements(By.tagName("img"))).isEmpty();
        Thread.sleep(300);
        assertThat(browser.getTitle()).isEqualTo("clean");

        // Shares, which no other test here alerts for, so the payload stays out of their way.
        app.put("/api/alerts/share", Json.MAPPER.writeValueAsString(Map.of("enabled", true, "text", PAYLOAD + " {nickname}",
                "seconds", 3)));
        open("/overlays/alerts.html");
        js("document.title = 'clean';");
        app.post("/api/alerts/share/test", "");
        WebElement alert = waiting().until(d -> d.findElements(By.cssSelector(".alert-text")).stream()
                .filter(e -> !e.getText().isEmpty()).findFirst().orElse(null));
        assertThat(alert.getText()).startsWith("Hi");
        assertThat(alert.findElements(By.tagName("img"))).isEmpty();
        Thread.sleep(300);
        assertThat(browser.getTitle()).isEqualTo("clean");
        app.put("/api/alerts/share", "{\"enabled\":false}");
    }

    @Test
    void goalsBehaveAsConfiguredWhenReached() throws Exception {
        String hide = app.post("/api/goals", "{\"name\":\"Hide me\",\"metric\":\"custom\",\"target\":5,\"onReached\":\"hide\"}")
                .json().get("id").asText();
        String doubled = app.post("/api/goals", "{\"name\":\"Double\",\"metric\":\"custom\",\"target\":5,"
                + "\"onReached\":\"double\",\"style\":{\"kind\":\"ring\"}}").json().get("id").asText();
        open("/overlays/goals.html?ids=" + hide + "," + doubled);
        waiting().until(d -> d.findElements(By.cssSelector(".goal")).size() == 2);

        app.post("/api/goals/" + hide + "/add", "{\"amount\":5}");
        app.post("/api/goals/" + doubled + "/add", "{\"amount\":6}");
        WebElement ring = browser.findElement(By.cssSelector("[data-goal='" + doubled + "']"));
        waiting().until(d -> "10".equals(ring.getAttribute("data-target")));
        assertThat(ring.findElement(By.className("goal-percent")).getText()).isEqualTo("60%");
        WebElement hidden = browser.findElement(By.cssSelector("[data-goal='" + hide + "']"));
        waiting().until(d -> hidden.getAttribute("class").contains("gone"));
        assertThat(ring.getAttribute("class")).doesNotContain("gone");
    }

    @Test
    void theLeaderboardOrderIsRightAfterMixedGifts() throws Exception {
        app.post("/api/leaderboard/reset", "");
        open("/overlays/leaderboard.html?board=gifters&theme=neon&limit=3");
        app.giftStreak("mia", "Mia", "Rose", 1, 30, 1);         // 30
        app.giftStreak("noah", "Noah", "Lion", 500, 1, 2);       // 500
        app.giftStreak("olga", "Olga", "Heart", 5, 20, 3);       // 100
        app.giftStreak("mia", "Mia", "Galaxy", 1000, 1, 4);      // mia 1030
        app.giftStreak("pete", "Pete", "Rose", 1, 2, 5);         // 2: fourth, not shown
        waiting().until(d -> d.findElements(By.cssSelector("#rows .row")).stream().map(r -> r.getAttribute("data-user"))
                .toList().equals(List.of("mia", "noah", "olga")));
        assertThat(browser.findElement(By.cssSelector("#rows .row .value")).getText()).isEqualTo("1,030");
    }

    @Test
    void overlaysAcknowledgeEventsAndTheHealthPanelShowsTheirLatency() throws Exception {
        open("/overlays/gifts.html");
        // About one event a second asks for an acknowledgement: send gifts until the gift overlay has answered one.
        long deadline = System.nanoTime() + 15_000_000_000L;
        for (int i = 0; app.get("/api/health").json().at("/overlayLatency/samples").asInt() == 0; i++) {
            assertThat(System.nanoTime()).as("an overlay acknowledged an event").isLessThan(deadline);
            app.giftStreak("healthy" + i, "Healthy", "Rose", 1, 1, 900 + i);
            Thread.sleep(300);
        }
        browser.get(app.baseUrl() + "/health.html");
        WebElement overlay = waiting().until(d -> {
            WebElement e = d.findElement(By.id("h-overlay"));
            return e.getText().endsWith("ms") ? e : null;
        });
        assertThat(overlay.getText()).matches("[0-9.]+ ms / [0-9.]+ ms / [0-9.]+ ms");
        assertThat(browser.findElement(By.id("h-overlay-samples")).getText()).contains("acknowledgements");
        assertThat(browser.findElement(By.id("h-memory")).getText()).matches("\\d+ MB / \\d+ MB · (\\d+ MB|–)");
        assertThat(browser.findElements(By.cssSelector("#h-queues tr[data-queue='bus']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#h-queues tr[data-queue='event-log']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("a.nav-link.active")).getAttribute("href")).endsWith("/health.html");
    }

    @Test
    void fiveThousandLikesInASecondLeaveTheEmojiRainResponsive() throws Exception {
        open("/overlays/emoji-rain.html?max=200");
        // As fast as the bus takes them: far more than 5,000 a second on any machine; 500 viewers, 10 likes each.
        for (int i = 0; i < 5_000; i++) {
            User fan = User.named("fan" + (i % 500));
            app.app().bus().publish(new LikeEvent("storm-" + i, System.currentTimeMillis(), fan, 15, 0));
        }
        // Every like reaches the page, merged per viewer (far fewer messages than likes), and the page keeps drawing
        // frames with never more than its cap on screen.
        waiting().until(d -> ((Number) ((Map<?, ?>) js("return LTTH_RAIN.stats();")).get("likes")).longValue() == 75_000);
        assertThat(((Number) ((Map<?, ?>) js("return LTTH_RAIN.stats();")).get("events")).longValue()).isLessThan(5_000);
        Map<?, ?> before = (Map<?, ?>) js("return LTTH_RAIN.stats();");
        Thread.sleep(1000);
        Map<?, ?> after = (Map<?, ?>) js("return LTTH_RAIN.stats();");
        assertThat(((Number) after.get("frames")).longValue()).as("frames keep coming")
                .isGreaterThan(((Number) before.get("frames")).longValue());
        assertThat(((Number) after.get("particles")).longValue()).isBetween(1L, 200L);
        assertThat(((Number) after.get("pending")).longValue()).isLessThanOrEqualTo(400L);
        assertThat(((Number) after.get("dropped")).longValue()).as("the cap let the excess go").isPositive();
    }

    @Test
    void chatShowsBadgesAndTextOnlyAndTheHudFollowsTheTotals() throws Exception {
        open("/overlays/chat.html");
        app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"modder\",\"nickname\":\"" + "<i>Mod</i>"
                + "\",\"moderator\":true,\"comment\":\"<script>alert(1)</script> hi\"}");
        WebElement line = waiting().until(d -> d.findElements(By.cssSelector("#chat .line")).stream()
                .filter(l -> l.getText().contains("hi")).findFirst().orElse(null));
        assertThat(line.findElement(By.className("name")).getText()).isEqualTo("<i>Mod</i>");
        assertThat(line.findElement(By.className("text")).getText()).isEqualTo("<script>alert(1)</script> hi");
        assertThat(line.findElements(By.className("badge-mod"))).hasSize(1);
        assertThat(line.findElements(By.cssSelector("i, script"))).isEmpty();
        // the viewer's level arrives within a second (xp:levels) and joins the line's badges
        waiting().until(d -> line.findElement(By.className("badge-level")).getText().matches("Lv \\d+"));

        open("/overlays/hud.html?show=coins,followers,time");
        assertThat(browser.findElements(By.cssSelector("[data-tile]"))).hasSize(3);
        long coins = app.get("/api/status").json().at("/stats/coins").asLong();
        app.giftStreak("hudfan", "Hud Fan", "Lion", 500, 1, 9);
        waiting().until(d -> d.findElement(By.cssSelector("[data-tile='coins'] .value")).getText()
                .replace(",", "").equals(String.valueOf(coins + 500)));
    }

    @Test
    void aSpotlightShowsTheLastSharerAsText() throws Exception {
        // A share: no alert by default, so nothing waits in the alert queue for the tests after this one.
        open("/overlays/spotlight.html?kind=sharer&animation=pop");
        app.simulate("{\"type\":\"share\",\"user\":\"spot_new\",\"nickname\":\"<b>New</b> fan\"}");
        WebElement card = waiting().until(d -> d.findElements(By.cssSelector(".spotlight[data-kind='sharer']")).stream()
                .filter(c -> c.getText().contains("<b>New</b> fan")).findFirst().orElse(null));
        assertThat(card.findElement(By.className("spot-label")).getAttribute("textContent")).isEqualTo("Last share");
        assertThat(card.getAttribute("class")).contains("anim-pop");
        assertThat(card.findElements(By.tagName("b"))).as("names stay text").isEmpty();
        assertThat(card.findElement(By.className("spot-avatar")).getText()).isEqualTo("<");
    }

    @Test
    void theDashboardListsOverlaysTestsAlertsAndCreatesGoals() throws Exception {
        browser.get(app.baseUrl() + "/overlays.html");
        WebElement alerts = waiting().until(d -> d.findElement(By.cssSelector("[data-overlay='alerts'] .overlay-url")));
        assertThat(alerts.getAttribute("value")).isEqualTo(app.baseUrl().replace("localhost", "127.0.0.1") + "/overlays/alerts.html");
        browser.findElement(By.id("vertical")).click();
        waiting().until(d -> d.findElement(By.cssSelector("[data-overlay='alerts'] .overlay-url")).getAttribute("value")
                .endsWith("?size=vertical"));

        browser.get(app.baseUrl() + "/alerts.html");
        WebElement testFollow = waiting().until(d -> d.findElement(By.cssSelector("[data-test='follow']")));
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", testFollow);
        testFollow.click();
        browser.switchTo().frame(browser.findElement(By.id("preview")));
        WebElement shown = waiting().until(d -> d.findElements(By.cssSelector(".alert-text")).stream()
                .filter(e -> e.getText().equals("Test User followed!")).findFirst().orElse(null));
        assertThat(shown).isNotNull();
        browser.switchTo().defaultContent();

        browser.get(app.baseUrl() + "/goals.html");
        WebElement form = waiting().until(d -> d.findElement(By.id("goal-form")));
        waiting().until(d -> form.findElement(By.name("metric")).findElements(By.tagName("option")).size() == 6);
        form.findElement(By.name("name")).sendKeys("Followers today");
        form.findElement(By.name("target")).clear();
        form.findElement(By.name("target")).sendKeys("0");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = waiting().until(d -> form.findElement(By.cssSelector("[data-error='target']")));
        waiting().until(d -> error.isDisplayed());
        assertThat(error.getText()).isEqualTo("A whole number from 1 to 1,000,000,000,000, please.");
        form.findElement(By.name("target")).clear();
        form.findElement(By.name("target")).sendKeys("50");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#goal-list [data-goal]")).stream()
                .anyMatch(g -> g.getText().contains("Followers today")));
    }
}
