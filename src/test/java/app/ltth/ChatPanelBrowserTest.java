package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The chat panel in Chromium: a viewer's TTS skipped and muted from the page (their next chat is not read), blocked
 * from chat commands, marked VIP, their profile opened; marks for moderators; the search; and a flood of 1,000 chats
 * in 10 s during which clicks keep working and only the visible rows exist.
 */
class ChatPanelBrowserTest extends BrowserSuite {

    private static void chat(String user, String comment, boolean moderator) throws Exception {
        app.simulate(Json.MAPPER.createObjectNode().put("type", "chat").put("user", user).put("nickname", user.toUpperCase())
                .put("moderator", moderator).put("comment", comment).toString());
    }

    private static WebElement row(String handle) {
        return waiting(browser).until(d -> d.findElements(By.cssSelector("#chat .feed-row[data-handle='" + handle + "']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private static List<String> waitingUsers() throws Exception {
        JsonNode queue = app.get("/api/tts/queue").json().get("waiting");
        return java.util.stream.StreamSupport.stream(queue.spliterator(), false).map(w -> w.path("user").asText()).toList();
    }

    /** A chat from someone else that TTS reads: once it waits in the queue, every chat before it was judged. */
    private static void awaitJudged(String marker) throws Exception {
        chat("control_" + marker, "!tts control " + marker, false);
        TestApp.await(() -> waitingUsers().contains("control_" + marker));
    }

    /** Waits until the panel shows all of the n messages sent: no row is reused for a later one after that. */
    private static void awaitShown(int n) {
        waiting(browser).until(d -> d.findElement(By.id("chat-count")).getText().equals(n + " of " + n + " messages"));
    }

    /** Opens the panel and waits until its socket is greeted: from then on every chat reaches it. */
    private static void openPanel() {
        browser.get(app.baseUrl() + "/chat.html");
        waiting(browser).until(d -> d.findElement(By.id("chat-count")).getText().contains("messages"));
        waiting(browser).until(d -> {
            String state = d.findElement(By.id("connection-badge")).getAttribute("data-state");
            return state != null && !state.equals("noSocket");
        });
    }

    /** The number of messages the panel holds, from "12 of 1,234 messages". */
    private static long total() {
        String count = browser.findElement(By.id("chat-count")).getText();
        return Long.parseLong(count.replaceAll(".* of ([0-9,]+) messages", "$1").replace(",", ""));
    }

    private static void saidOk(String text) {
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals(text));
    }

    @Test
    void aViewerIsSkippedMutedBlockedAndMarkedFromThePanelAndTheirNextChatIsNotRead() throws Exception {
        assertThat(app.put("/api/tts/config", "{\"prefix\": \"!tts\", \"who\": \"everyone\", "
                + "\"perMinute\": 0, \"duplicateSeconds\": 0, \"queueMax\": 500}").status()).isEqualTo(200);
        app.post("/api/tts/queue/pause", "");
        try {
            openPanel();
            chat("loud_larry", "!tts first <b>message</b>", false);
            chat("mia_mod", "hello chat", true);
            // Rows are reused as messages arrive: they are read once both are in.
            awaitShown(2);
            WebElement larry = row("loud_larry");
            assertThat(larry.getText()).contains("LOUD_LARRY").contains("!tts first <b>message</b>");
            assertThat(browser.findElements(By.cssSelector("#chat b"))).as("chat stays text").isEmpty();
            assertThat(row("mia_mod").findElement(By.cssSelector("[data-mark='mod']")).getText()).isEqualTo("MOD");
            TestApp.await(() -> waitingUsers().contains("loud_larry"));

            // Skip their TTS: what waits of theirs goes.
            larry.click();
            waiting(browser).until(d -> d.findElement(By.id("viewer-handle")).getText().equals("@loud_larry"));
            browser.findElement(By.id("viewer-skip-tts")).click();
            saidOk("LOUD_LARRY: 1 waiting messages skipped.");
            assertThat(waitingUsers()).doesNotContain("loud_larry");

            // Mute for 10 minutes: the next chat is not read, someone else's is.
            new Select(browser.findElement(By.id("viewer-mute-minutes"))).selectByValue("10");
            browser.findElement(By.id("viewer-mute")).click();
            saidOk("LOUD_LARRY is not read aloud for now.");
            assertThat(app.get("/api/viewers/loud_larry").json().get("ttsMutedUntil").asLong())
                    .isBetween(System.currentTimeMillis() + 9 * 60_000, System.currentTimeMillis() + 10 * 60_000 + 5_000);
            chat("loud_larry", "!tts second message", false);
            awaitJudged("1");
            assertThat(waitingUsers()).doesNotContain("loud_larry");
            // The list marks their rows when it next draws them, and reuses a row for the next message that arrives:
            // wait until it holds every message sent so far, then for the mark, rather than read a row at once.
            awaitShown(4);
            waiting(browser).until(d -> row("loud_larry").findElements(By.cssSelector("[data-mark='muted']")).size() == 1);
            assertThat(row("loud_larry").findElement(By.cssSelector("[data-mark='muted']")).getText()).isEqualTo("no TTS");

            // Blocked from chat commands: with the mute lifted, !tts still does nothing for them.
            browser.findElement(By.id("viewer-unmute")).click();
            saidOk("LOUD_LARRY is read aloud again.");
            browser.findElement(By.cssSelector("#viewer-commands [data-commands='blocked']")).click();
            saidOk("LOUD_LARRY can no longer use chat commands.");
            assertThat(app.get("/api/viewers/flags").json().get("viewers")).anyMatch(v ->
                    v.get("handle").asText().equals("loud_larry") && v.get("commands").asText().equals("blocked"));
            chat("loud_larry", "!tts third message", false);
            awaitJudged("2");
            assertThat(waitingUsers()).doesNotContain("loud_larry");
            awaitShown(6);
            waiting(browser).until(d -> row("loud_larry").findElements(By.cssSelector("[data-mark='blocked']")).size() == 1);
            assertThat(row("loud_larry").findElement(By.cssSelector("[data-mark='blocked']")).getText()).isEqualTo("no commands");

            // Level, XP and points in the card, and points given from it.
            waiting(browser).until(d -> d.findElement(By.id("viewer-xp")).getText()
                    .matches("Level 1 Newcomer · \\d+ XP · \\d+ points"));
            long before = app.get("/api/viewers/loud_larry").json().at("/xp/points").asLong();
            assertThat(before).as("the first message's 5 and the day's 20 at least").isGreaterThanOrEqualTo(25);
            WebElement give = browser.findElement(By.id("viewer-give-points"));
            give.clear();
            give.sendKeys("5");
            browser.findElement(By.cssSelector("#viewer-give button")).click();
            saidOk("LOUD_LARRY now has " + (before + 5) + " points.");
            waiting(browser).until(d -> d.findElement(By.id("viewer-xp")).getText().endsWith(" " + (before + 5) + " points"));

            // VIP, and the profile with the totals and the latest events.
            browser.findElement(By.cssSelector("label[for='viewer-vip']")).click();
            saidOk("LOUD_LARRY is a VIP.");
            waiting(browser).until(d -> row("loud_larry").getAttribute("data-vip").equals("true"));   // on the next frame
            app.awaitStored();
            browser.findElement(By.id("viewer-open")).click();
            waiting(browser).until(d -> d.findElements(By.cssSelector("#viewer-history li")).size() == 3);
            assertThat(browser.findElement(By.id("viewer-totals")).getText()).contains("Messages\n3");
            screenshot(browser, "chat-panel");

            // The search keeps the matching messages.
            browser.findElement(By.id("chat-search")).sendKeys("hello");
            waiting(browser).until(d -> d.findElements(By.cssSelector("#chat .feed-row")).stream()
                    .filter(WebElement::isDisplayed).count() == 1);
            assertThat(row("mia_mod").isDisplayed()).isTrue();
            browser.findElement(By.id("chat-search")).clear();
            browser.findElement(By.id("chat-search")).sendKeys(" ");

            // The decisions are kept: after a restart of the page they are still there.
            browser.navigate().refresh();
            awaitShown(6);
            waiting(browser).until(d -> row("loud_larry").findElements(By.cssSelector("[data-mark='vip']")).size() == 1);   // marks load apart
            assertThat(row("loud_larry").findElement(By.cssSelector("[data-mark='vip']")).getText()).isEqualTo("VIP");
        } finally {
            app.post("/api/tts/queue/clear", "");
            app.post("/api/tts/queue/resume", "");
            app.put("/api/viewers/loud_larry/flags", "{\"vip\": false, \"commands\": \"default\", \"ttsMuteMinutes\": 0}");
        }
    }

    @Test
    void aThousandChatsInTenSecondsKeepOnlyTheVisibleRowsAndClicksKeepWorking() throws Exception {
        openPanel();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // How long each click waited before the page handled it (input delay): written down for a person to read.
        js.executeScript("window.clickDelays = []; document.getElementById('chat').addEventListener('click', function (e) {"
                + " window.clickDelays.push(performance.now() - e.timeStamp); }, true);");
        long before = app.app().bus().stats().published();
        long shownBefore = total();
        for (int second = 0; second < 10; second++) {
            long started = System.nanoTime();
            ArrayNode batch = Json.MAPPER.createArrayNode();
            for (int i = 0; i < 100; i++) {
                int n = second * 100 + i;
                batch.addObject().put("type", "chat").put("user", "flood_" + (n % 250)).put("comment", "message " + n);
            }
            assertThat(app.post("/api/events/simulate/batch", batch.toString()).status()).isEqualTo(202);
            // Clicks while the chat pours in: the card follows the clicked viewer.
            WebElement first = browser.findElements(By.cssSelector("#chat .feed-row")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElseThrow();
            String handle = first.getAttribute("data-handle");
            first.click();
            waiting(browser).until(d -> d.findElement(By.id("viewer-handle")).getText().equals("@" + handle));
            long rest = 1000 - (System.nanoTime() - started) / 1_000_000;
            if (rest > 0) Thread.sleep(rest);
        }
        TestApp.await(() -> app.app().bus().stats().delivered() >= before + 1000);
        waiting(browser).until(d -> total() == shownBefore + 1000);
        long rowsInPage = (Long) js.executeScript("return document.querySelectorAll('#chat .feed-row').length");
        assertThat(rowsInPage).as("only about a screenful of rows exists, whatever the number of messages").isLessThan(60);
        @SuppressWarnings("unchecked")
        List<Number> delays = (List<Number>) js.executeScript("return window.clickDelays");
        assertThat(delays).as("every click reached the page").hasSize(10);
        double worst = delays.stream().mapToDouble(Number::doubleValue).max().orElse(0);
        Path report = Path.of("target", "screenshots", "chat-panel-click-delays.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "Input delay of 10 clicks during 1,000 chats in 10 s (ms): " + delays
                + "\nworst: " + worst + " ms (goal: under 200 ms; a timing, so written down here for a person, not asserted in the normal run)\n");
        screenshot(browser, "chat-panel-flood");
    }
}
