package app.ltth.streamerbot;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.BrowserSuite;
import app.ltth.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Streamer.bot page: connected from it, its actions listed, one run with a click, the run in the list. */
class StreamerBotBrowserTest extends BrowserSuite {

    @Test
    void connectedFromThePageItListsAndRunsTheActions() throws Exception {
        int port = TestApp.freeTcpPort();
        try (FakeStreamerBot bot = new FakeStreamerBot(port, "", List.of(
                new FakeStreamerBot.Action("a1", "Confetti", "Fun"), new FakeStreamerBot.Action("a2", "Scene: BRB", "Scenes")))) {
            browser.get(app.baseUrl() + "/streamerbot.html");
            waiting(browser).until(d -> "off".equals(d.findElement(By.id("sb-state")).getAttribute("data-state")));
            WebElement portField = browser.findElement(By.id("sb-port"));
            waiting(browser).until(d -> portField.getAttribute("value").equals("8080"));
            portField.clear();
            portField.sendKeys(String.valueOf(port));
            browser.findElement(By.id("sb-connect")).click();
            waiting(browser).until(d -> "connected".equals(d.findElement(By.id("sb-state")).getAttribute("data-state")));
            waiting(browser).until(d -> d.findElements(By.cssSelector("#sb-actions tr")).size() == 2);

            WebElement confetti = browser.findElement(By.cssSelector("#sb-actions tr[data-action='Confetti'] button"));
            confetti.click();
            JsonNode run = bot.ran.poll(10, TimeUnit.SECONDS);
            assertThat(run.at("/action/id").asText()).isEqualTo("a1");
            waiting(browser).until(d -> d.findElement(By.id("sb-runs")).getText().contains("Confetti"));
            assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Streamer.bot ran “Confetti”.");
            confetti.click();   // the same button again: the run's status did not replace the actions under the pointer
            assertThat(bot.ran.poll(10, TimeUnit.SECONDS).at("/action/id").asText()).isEqualTo("a1");
            screenshot(browser, "streamerbot");

            browser.findElement(By.id("sb-disconnect")).click();
            waiting(browser).until(d -> "off".equals(d.findElement(By.id("sb-state")).getAttribute("data-state")));
        }
    }
}
