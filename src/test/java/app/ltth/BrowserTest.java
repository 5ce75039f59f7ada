package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.json.Json;
import app.ltth.live.replay.Recording;
import app.ltth.live.webcast.proto.BaseProtoMessage;
import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import app.ltth.live.webcast.proto.PushFrame;
import app.ltth.live.webcast.proto.User;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.plugin.PluginSystemTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard and the overlay in a real browser: Debian's Chromium, driven by its own chromedriver (never a
 * downloaded one). scripts/test.sh installs both.
 */
@Tag("browser")
public class BrowserTest extends BrowserSuite {

    static final String EVIL_NAME = "<img src=x onerror=alert(1)>";

    /** Waits up to 15 s; pages re-render lists, so an element that went stale is simply looked up again. */
    private static WebDriverWait waiting() {
        return waiting(browser);
    }

    private static void awaitSocket(By stateElement, String attribute, String notValue) {
        waiting().until(d -> {
            String value = d.findElement(stateElement).getAttribute(attribute);
            return value != null && !value.equals(notValue);
        });
    }

    @Test
    void aChatFromAUserNamedLikeHtmlIsShownAsTextInTheDashboardAndTheOverlay() throws Exception {
        browser.get(app.baseUrl() + "/dashboard.html");
        String dashboard = browser.getWindowHandle();
        awaitSocket(By.id("connection-badge"), "data-state", "noSocket");

        browser.switchTo().newWindow(WindowType.TAB);
        // Half size, so the 1920x1080 stage fits the headless window (and the scale option is exercised).
        browser.get(app.baseUrl() + "/overlay.html?preview=1&scale=0.5");
        String overlay = browser.getWindowHandle();
        // In preview mode the "offline" marker shows from the start until the overlay is connected and greeted.
        waiting().until(d -> !d.findElement(By.id("offline")).isDisplayed());

        TestApp.Response response = app.post("/api/events/simulate",
                "{\"type\":\"chat\",\"user\":\"<img src=x onerror=alert(1)>\",\"comment\":\"<b>bold?</b>\"}");
        assertThat(response.status()).isEqualTo(202);

        WebElement card = waiting().until(d -> d.findElements(By.cssSelector("#cards .card")).stream()
                .filter(c -> c.findElement(By.className("who")).getText().equals(EVIL_NAME)).findFirst().orElse(null));
        assertThat(card.findElement(By.className("what")).getText()).isEqualTo("<b>bold?</b>");
        assertThat(browser.findElements(By.cssSelector("#cards img, #cards b"))).isEmpty();
        assertNoAlert();

        browser.switchTo().window(dashboard);
        WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#feed .feed-row")).stream()
                .filter(r -> r.isDisplayed() && r.findElement(By.className("feed-user")).getText().equals(EVIL_NAME))
                .findFirst().orElse(null));
        assertThat(row.findElement(By.className("feed-text")).getText()).isEqualTo("<b>bold?</b>");
        assertThat(browser.findElements(By.cssSelector("#feed img, #feed b"))).isEmpty();
        assertNoAlert();

        browser.switchTo().window(overlay).close();
        browser.switchTo().window(dashboard);
    }

    @Test
    void theDemoSwitchBringsTheDashboardToLife() {
        browser.get(app.baseUrl() + "/dashboard.html");
        awaitSocket(By.id("connection-badge"), "data-state", "noSocket");
        WebElement demo = browser.findElement(By.id("demo-switch"));
        if (!demo.isSelected()) demo.click();
        try {
            waiting().until(d -> d.findElement(By.id("demo-banner")).isDisplayed());
            assertThat(browser.findElement(By.id("connection-badge")).getAttribute("data-state")).isEqualTo("live");
            // Simulated events fill the feed and the tiles.
            waiting().until(d -> d.findElements(By.cssSelector("#feed .feed-row")).stream()
                    .anyMatch(r -> r.isDisplayed() && !r.findElement(By.className("feed-text")).getText().isEmpty()));
            waiting().until(d -> !d.findElement(By.id("stat-viewers")).getText().equals("0"));
            assertThat(browser.findElement(By.id("overlay-url")).getAttribute("value"))
                    .isEqualTo(app.baseUrl() + "/overlay.html");
        } finally {
            browser.findElement(By.id("demo-switch")).click();
        }
        waiting().until(d -> "offline".equals(d.findElement(By.id("connection-badge")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("demo-banner")).isDisplayed()).isFalse();
    }

    @Test
    void theFeedKeepsThousandsOfEventsWithOnlyAScreenfulOfRows() throws Exception {
        browser.get(app.baseUrl() + "/dashboard.html");
        awaitSocket(By.id("connection-badge"), "data-state", "noSocket");
        app.post("/api/simulator", "{\"rate\":1000}");
        app.post("/api/demo", "{\"enabled\":true}");
        try {
            waiting().until(d -> feedTotal() >= 3_000);
        } finally {
            app.post("/api/demo", "{\"enabled\":false}");
            app.post("/api/simulator", "{\"rate\":5}");
        }
        long rows = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.querySelectorAll('#feed .feed-row').length");
        assertThat(rows).as("DOM rows for thousands of events").isLessThan(60);
        // Memory is bounded too: the feed keeps the newest 5,000 events.
        long[] counts = feedCounts();
        assertThat(counts[0]).isEqualTo(Math.min(counts[1], 5_000));
    }

    /** The feed's "N of M events": {shown, total}. */
    private static long[] feedCounts() {
        String text = browser.findElement(By.id("feed-count")).getText().replaceAll("[^0-9 ]", "").trim();
        String[] parts = text.split("\\s+");
        return parts.length == 2 ? new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])} : new long[] {0, 0};
    }

    private static long feedTotal() {
        return feedCounts()[1];
    }

    @Test
    void profilesAreCreatedSwitchedAndBackedUpFromTheProfilesPage() throws Exception {
        browser.get(app.baseUrl() + "/profiles.html");
        waiting().until(d -> d.findElements(By.cssSelector("#profile-rows tr")).size() >= 1);
        String before = browser.findElement(By.id("active-profile")).getText();

        browser.findElement(By.id("create-name")).sendKeys("my<b>stream");
        browser.findElement(By.cssSelector("#create-form button")).click();
        waiting().until(d -> d.findElement(By.id("create-name")).getAttribute("class").contains("is-invalid"));
        assertThat(browser.findElement(By.id("create-error")).getText()).contains("cannot be a profile name");

        browser.findElement(By.id("create-name")).clear();
        browser.findElement(By.id("create-name")).sendKeys("browser_profile");
        browser.findElement(By.cssSelector("#create-form button")).click();
        WebElement row = waiting().until(d -> d.findElements(By.cssSelector("tr[data-profile='browser_profile']"))
                .stream().findFirst().orElse(null));
        row.findElement(By.className("switch-btn")).click();
        waiting().until(d -> d.findElement(By.id("active-profile")).getText().equals("browser_profile"));
        assertThat(app.get("/api/status").json().get("profile").asText()).isEqualTo("browser_profile");

        browser.findElement(By.id("backup-now")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#backup-rows tr")).size() == 1);

        app.post("/api/profiles/switch", "{\"name\":\"" + before + "\"}");
    }

    @Test
    void aRecordingIsReplayedFromTheDashboard() throws Exception {
        byte[] frame = PushFrame.newBuilder().setPayloadType("msg")
                .setPayload(ProtoMessageFetchResult.newBuilder()
                        .addMessages(BaseProtoMessage.newBuilder()
                                .setMethod("WebcastChatMessage").setMsgId(555)
                                .setPayload(WebcastChatMessage.newBuilder()
                                        .setContent("from the recording").setUser(User
                                                .newBuilder().setId(8).setUniqueId("replayed_viewer")
                                                .setNickname("replayed_viewer")).build().toByteString()))
                        .build().toByteString()).build().toByteArray();
        try (var recording = Recording.start(dir.resolve("user_data/recordings"), "recorded_streamer", "1")) {
            recording.frame(frame);
        }
        browser.get(app.baseUrl() + "/dashboard.html");
        awaitSocket(By.id("connection-badge"), "data-state", "noSocket");
        WebElement full = waiting().until(d -> d.findElements(By.cssSelector("#recording-list [data-speed='0']"))
                .stream().findFirst().orElse(null));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", full);
        full.click();
        waiting().until(d -> d.findElements(By.cssSelector("#feed .feed-row")).stream()
                .anyMatch(r -> r.isDisplayed() && r.findElement(By.className("feed-user")).getText().equals("replayed_viewer")));
        waiting().until(d -> "ended".equals(d.findElement(By.id("connection-badge")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("connection-detail")).getText()).contains("has been played to the end");
        app.post("/api/disconnect", "");
    }

    @Test
    void aPluginIsInstalledAskedForStartedAndSwitchedOffInThePluginManager() throws Exception {
        byte[] jar = PluginSystemTest.buildExampleJar(dir.resolve("build"));
        String manifest = Files.readString(Path.of("examples/hello-plugin/plugin/plugin.json"))
                .replace("\"Hello Plugin\"", "\"Hello <b>Plugin</b>\"");
        Path zip = dir.resolve("hello.zip");
        Files.write(zip, PluginSystemTest.zip(java.util.Map.of("plugin.json",
                manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8), "hello-plugin.jar", jar)));

        browser.get(app.baseUrl() + "/plugins.html");
        browser.findElement(By.id("upload-file")).sendKeys(zip.toAbsolutePath().toString());
        clickCentered(browser.findElement(By.cssSelector("#upload-form button")));   // below the built-in plugins
        waiting().until(d -> d.findElement(By.cssSelector("[data-plugin='hello'] strong")).getText()
                .equals("Hello <b>Plugin</b>"));
        assertThat(browser.findElements(By.cssSelector("[data-plugin='hello'] b"))).isEmpty();
        // Its manifest says enabledByDefault, but an upload never starts a plugin: the streamer is asked first.
        assertThat(browser.findElement(By.cssSelector("[data-plugin='hello'] .plugin-state")).getAttribute("data-state"))
                .isEqualTo("disabled");
        clickCentered(browser.findElement(By.cssSelector("[data-plugin='hello'] .plugin-enable")));
        WebElement ask = waiting().until(d -> d.findElement(By.cssSelector("[data-plugin='hello'] .plugin-confirm")));
        assertThat(ask.getText()).contains("com.example.hello.HelloPlugin").contains("hello-plugin.jar")
                .contains("same rights as LTTH");
        assertThat(app.get("/api/plugins/hello/stats").status()).as("still off while asking").isEqualTo(404);
        screenshot(browser, "plugins-confirm");
        clickCentered(ask.findElement(By.className("plugin-confirm-start")));
        waiting().until(d -> d.findElement(By.cssSelector("[data-plugin='hello'] .plugin-state")).getAttribute("data-state")
                .equals("running"));
        waiting().until(d -> {
            d.findElement(By.cssSelector("[data-plugin='hello'] .plugin-disable")).click();
            return true;
        });
        waiting().until(d -> d.findElement(By.cssSelector("[data-plugin='hello'] .plugin-state")).getAttribute("data-state")
                .equals("disabled"));
        assertThat(app.get("/api/plugins/hello/stats").status()).isEqualTo(404);
        app.delete("/api/plugins/hello");
    }

    @Test
    void aFlowMadeInTheEditorShowsItsTextOnTheOverlay() throws Exception {
        browser.get(app.baseUrl() + "/flows.html");
        waiting().until(d -> d.findElements(By.cssSelector("#actions .action-row")).size() == 1);
        // Saved without a name: the message appears next to the name field.
        WebElement save = browser.findElement(By.id("save-flow"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", save);
        save.click();
        waiting().until(d -> d.findElement(By.id("flow-name")).getAttribute("class").contains("is-invalid"));
        assertThat(browser.findElement(By.cssSelector("#flow-name + .invalid-feedback")).getText()).contains("name");

        browser.findElement(By.id("flow-name")).sendKeys("Big gifts on screen");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("[data-path='trigger.event']")))
                .selectByValue("gift");
        browser.findElement(By.id("add-condition")).click();   // minCoins, 100 by default
        WebElement min = browser.findElement(By.cssSelector("[data-path='conditions.all[0].minCoins']"));
        min.clear();
        min.sendKeys("10");
        WebElement text = browser.findElement(By.cssSelector("[data-path='actions[0].text']"));
        text.clear();
        text.sendKeys("Thank you {nickname} for {coins} coins!");
        save = browser.findElement(By.id("save-flow"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", save);
        save.click();
        waiting().until(d -> d.findElements(By.cssSelector("#flow-list [data-flow]")).size() == 1);

        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(app.baseUrl() + "/overlay.html?preview=1&scale=0.5");
        waiting().until(d -> !d.findElement(By.id("offline")).isDisplayed());
        app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"<i>gifter</i>\",\"giftName\":\"Doughnut\","
                + "\"coins\":30,\"count\":2}");
        // While it slides in the card is transparent and has no visible text yet: wait for the text itself.
        waiting().until(d -> d.findElements(By.cssSelector("#cards .flow-card")).stream()
                .anyMatch(c -> c.getText().equals("Thank you <i>gifter</i> for 60 coins!")));
        assertThat(browser.findElements(By.cssSelector("#cards .flow-card i"))).isEmpty();
        browser.close();
        browser.switchTo().window(browser.getWindowHandles().iterator().next());
    }

    private void click(WebElement e) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", e);
        e.click();
    }

    @Test
    void nestedConditionGroupsAndQueuesAreEditedInTheDashboard() throws Exception {
        browser.get(app.baseUrl() + "/flows.html");
        waiting().until(d -> d.findElements(By.cssSelector("#actions .action-row")).size() == 1);
        browser.findElement(By.id("flow-name")).sendKeys("Nested");
        click(browser.findElement(By.id("add-condition")));            // all[0]: minCoins 100
        click(browser.findElement(By.cssSelector("#conditions .add-group")));   // all[1]: a group (any) with minCoins 100
        WebElement group = browser.findElement(By.cssSelector("#conditions .group-children .condition-group"));
        click(group.findElement(By.cssSelector(".group-not")));
        new org.openqa.selenium.support.ui.Select(group.findElement(By.cssSelector(".condition-kind"))).selectByValue("chance");
        WebElement chance = browser.findElement(By.cssSelector("[data-path='conditions.all[1].not.any[0].chance']"));
        chance.sendKeys("5");
        WebElement queue = browser.findElement(By.id("flow-queue"));
        queue.clear();
        queue.sendKeys("party");
        click(browser.findElement(By.id("save-flow")));
        // The server's complaint about the nested field shows next to that field.
        waiting().until(d -> chance.getAttribute("class").contains("is-invalid"));
        assertThat(chance.findElement(By.xpath("following-sibling::div")).getText()).contains("between 0 and 1");

        chance.clear();
        chance.sendKeys("0.5");
        click(group.findElement(By.cssSelector(".add-condition")));   // any[1]: minCoins 100
        click(browser.findElement(By.id("save-flow")));
        waiting().until(d -> d.findElement(By.id("editor-id")).getText().startsWith("flow-"));
        String id = browser.findElement(By.id("editor-id")).getText();
        JsonNode saved = app.get("/api/flows/" + id).json().get("flow");
        assertThat(saved.get("conditions")).isEqualTo(Json.MAPPER.readTree(
                "{\"all\":[{\"minCoins\":100},{\"not\":{\"any\":[{\"chance\":0.5},{\"minCoins\":100}]}}]}"));
        assertThat(saved.get("queue").asText()).isEqualTo("party");

        // Opened again, the editor shows the same tree.
        browser.navigate().refresh();
        waiting().until(d -> d.findElements(By.cssSelector("[data-flow='" + id + "'] a")).size() == 1);
        click(browser.findElement(By.cssSelector("[data-flow='" + id + "'] a")));
        waiting().until(d -> d.findElements(By.cssSelector("[data-path='conditions.all[1].not.any[1].minCoins']")).size() == 1);
        assertThat(browser.findElement(By.id("flow-queue")).getAttribute("value")).isEqualTo("party");

        // The queue the flow uses is listed; its length is checked and saved.
        WebElement row = waiting().until(d -> d.findElement(By.cssSelector("#queue-list [data-queue='party']")));
        WebElement length = row.findElement(By.cssSelector("[data-path='maxLength']"));
        length.clear();
        length.sendKeys("0");
        click(row.findElement(By.cssSelector(".queue-save")));
        waiting().until(d -> length.getAttribute("class").contains("is-invalid"));
        length.clear();
        length.sendKeys("3");
        new org.openqa.selenium.support.ui.Select(row.findElement(By.cssSelector("[data-path='overflow']"))).selectByValue("drop-oldest");
        click(row.findElement(By.cssSelector(".queue-save")));
        waiting().until(d -> browser.findElements(By.cssSelector("#queue-list [data-queue='party'] .btn-outline-secondary")).size() == 1);
        JsonNode party = null;
        for (JsonNode q : app.get("/api/flows/queues").json().get("queues")) if (q.get("name").asText().equals("party")) party = q;
        assertThat(party.get("maxLength").asInt()).isEqualTo(3);
        assertThat(party.get("overflow").asText()).isEqualTo("drop-oldest");
        app.delete("/api/flows/" + id);
        app.delete("/api/flows/queues/party");
    }

    @Test
    void soundboardButtonsHotkeysAndTheSpeakFormReachTheAudioOverlay() throws Exception {
        try (TestSocket overlay = TestSocket.connect(app.socketUrl(), null, "audio:play")) {
            browser.get(app.baseUrl() + "/soundboard.html");
            waiting().until(d -> d.findElement(By.id("f-volume")).getAttribute("value").equals("100"));
            browser.findElement(By.cssSelector("#button-form [name=name]")).sendKeys("Horn");
            browser.findElement(By.cssSelector("#button-form [name=sound]")).sendKeys("/media/horn.mp3");
            browser.findElement(By.cssSelector("#button-form [name=hotkey]")).sendKeys("h");
            click(browser.findElement(By.cssSelector("#button-form button[type=submit]")));
            WebElement horn = waiting().until(d -> d.findElement(By.cssSelector("[data-button='Horn']")));
            click(horn);
            overlay.await("audio:play", m -> m.get("url").asText().equals("/media/horn.mp3"));
            new org.openqa.selenium.interactions.Actions(browser).sendKeys("h").perform();
            overlay.await("audio:play", m -> m.get("url").asText().equals("/media/horn.mp3"));
            // A configured sound is heard here first: its listen button plays it in the page, then is ready again.
            WebElement follow = browser.findElement(By.cssSelector("#sound-config [name='ev-follow']"));
            follow.sendKeys("/sounds/follow.wav");
            WebElement listen = follow.findElement(By.xpath("following-sibling::button[@data-listen]"));
            click(listen);
            waiting().until(d -> listen.getText().equals("■"));
            waiting().until(d -> listen.getText().equals("▶"));   // played to its end (one second)

            browser.get(app.baseUrl() + "/tts.html");
            waiting().until(d -> d.findElements(By.cssSelector("#speak-voice option")).size() > 1);
            waiting().until(d -> d.findElement(By.cssSelector("[data-engine='local'] .badge")).getText().equals("✓"));
            browser.findElement(By.id("speak-text")).sendKeys("Hello <b>there</b>");
            click(browser.findElement(By.cssSelector("#speak-form button")));
            overlay.await("audio:play", m -> m.get("channel").asText().equals("speech")
                    && m.get("text").asText().equals("Hello <b>there</b>"));
            // A bad setting is shown next to its field.
            WebElement max = browser.findElement(By.id("f-maxLength"));
            max.clear();
            max.sendKeys("5");
            click(browser.findElement(By.cssSelector("#tts-config button[type=submit]")));
            waiting().until(d -> max.getAttribute("class").contains("is-invalid"));
        }
    }

    @Test
    void aTimeOfDayTimerKeepsTheChosenDays() throws Exception {
        browser.get(app.baseUrl() + "/flows.html");
        waiting().until(d -> d.findElements(By.cssSelector("#actions .action-row")).size() == 1);
        browser.findElement(By.id("flow-name")).sendKeys("Friday reminder");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("trigger-type"))).selectByValue("timer");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector(\"[data-path='trigger.at']\").value = '20:00';");
        for (WebElement day : browser.findElements(By.cssSelector("#trigger-fields .day"))) {
            if (day.isSelected() != day.getAttribute("value").equals("FRIDAY")) day.click();
        }
        WebElement save = browser.findElement(By.id("save-flow"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", save);
        save.click();
        waiting().until(d -> d.findElement(By.id("editor-id")).getText().startsWith("flow-"));
        JsonNode saved = null;
        for (JsonNode f : app.get("/api/flows").json().get("flows")) if (f.get("name").asText().equals("Friday reminder")) saved = f;
        assertThat(saved).isNotNull();
        assertThat(saved.at("/trigger/at").asText()).isEqualTo("20:00");
        assertThat(saved.at("/trigger/days")).extracting(JsonNode::asText).containsExactly("FRIDAY");
        app.delete("/api/flows/" + saved.get("id").asText());
    }

    @Test
    void languageAndThemeCanBeSwitchedAndStaySo() throws Exception {
        browser.get(app.baseUrl() + "/dashboard.html");
        waiting().until(d -> d.findElement(By.cssSelector("[data-i18n='stats.viewers']")).getText().equals("VIEWERS"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language"))).selectByValue("de");
        // The page comes back from the server in German.
        waiting().until(d -> d.findElement(By.cssSelector("[data-i18n='stats.viewers']")).getText().equals("ZUSCHAUER"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.cssSelector("#nav .active")).getText()).isEqualTo("Live");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("theme"))).selectByValue("light");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("data-bs-theme")).isEqualTo("light");
        long deadline = System.currentTimeMillis() + 10_000;
        while (!app.get("/api/settings").json().get("ui.theme").asText().equals("light")) {
            assertThat(System.currentTimeMillis()).as("the theme is saved").isLessThan(deadline);
            Thread.sleep(50);
        }

        // Both choices survive a reload, and hold on every page.
        browser.get(app.baseUrl() + "/goals.html");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("data-bs-theme")).isEqualTo("light");
        assertThat(browser.findElement(By.cssSelector("#nav .active")).getText()).isEqualTo("Ziele");
        app.put("/api/settings", "{\"ui.language\": \"en\", \"ui.theme\": \"dark\"}");
    }

    private static void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
