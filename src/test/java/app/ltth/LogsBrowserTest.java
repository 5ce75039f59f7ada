package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Logs page in Chromium: lines as they are written, shown as text, filtered, paused; a part switched to debug. */
class LogsBrowserTest extends BrowserSuite {

    private static final Logger connector = LoggerFactory.getLogger("app.ltth.live.LogsBrowserTest");
    private static final Logger flows = LoggerFactory.getLogger("app.ltth.flows.LogsBrowserTest");

    private static WebElement lineWith(String text) {
        return waiting(browser).until(d -> d.findElements(By.cssSelector("#log-lines .log-line")).stream()
                .filter(l -> l.getText().contains(text)).findFirst().orElse(null));
    }

    private static List<String> shown() {
        return browser.findElements(By.cssSelector("#log-lines .log-line")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aLineLoggedAfterOpeningAppearsAsTextAndTheConnectorCanBeSwitchedToDebug() throws Exception {
        browser.get(app.baseUrl() + "/logs.html");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#log-levels select")).size() > 5);

        flows.warn("flow 'thanks' failed for viewer <img src=x onerror=alert(1)>");
        WebElement warning = lineWith("onerror=alert(1)");
        assertThat(warning.getAttribute("data-level")).isEqualTo("WARN");
        assertThat(warning.getText()).contains("Warnings").contains("Flows");
        assertThat(browser.findElements(By.cssSelector("#log-lines img"))).as("viewer text stays text").isEmpty();

        // Debug for the TikTok connection, from the page: its debug lines appear from then on.
        connector.debug("not shown at info");
        new Select(browser.findElement(By.id("log-level-connector"))).selectByValue("debug");
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().contains("TikTok connection"));
        connector.debug("frame 42 decoded: 3 messages");
        WebElement debug = lineWith("frame 42 decoded");
        assertThat(debug.getAttribute("data-part")).isEqualTo("connector");
        assertThat(shown()).noneMatch(l -> l.contains("not shown at info"));

        // Filters: only the connection's lines, then a search.
        new Select(browser.findElement(By.id("log-part-filter"))).selectByValue("connector");
        assertThat(shown()).isNotEmpty().allMatch(l -> l.contains("TikTok connection"));
        new Select(browser.findElement(By.id("log-part-filter"))).selectByValue("");
        browser.findElement(By.id("log-search")).sendKeys("frame 42");
        assertThat(shown()).hasSize(1);
        screenshot(browser, "logs-page");
        browser.findElement(By.id("log-search")).clear();
        browser.findElement(By.id("log-search")).sendKeys(" ");

        // Paused: nothing new appears until it goes on.
        browser.findElement(By.id("log-pause")).click();
        Thread.sleep(1200);   // a poll that was under way when the button was pressed has landed
        connector.info("written while paused");
        Thread.sleep(2500);
        assertThat(shown()).noneMatch(l -> l.contains("written while paused"));
        browser.findElement(By.id("log-pause")).click();
        lineWith("written while paused");

        assertThat(app.put("/api/logs/levels", "{\"connector\":\"info\"}").status()).isEqualTo(200);
    }

    @Test
    void theFilesAreListedAndTheBugReportIsMadeInTheStreamersLanguage() throws Exception {
        app.put("/api/settings", "{\"ui.language\":\"de\"}");
        try {
            connector.info("a line so the file exists");
            browser.get(app.baseUrl() + "/logs.html");
            WebElement file = waiting(browser).until(d -> d.findElements(By.cssSelector("#log-files a")).stream()
                    .filter(a -> a.getText().equals("ltth.log")).findFirst().orElse(null));
            assertThat(file.getAttribute("href")).endsWith("/api/logs/ltth.log");
            browser.findElement(By.id("log-report")).click();
            waiting(browser).until(d -> d.findElement(By.id("log-report-state")).getText().matches("ltth-report-.*\\.zip heruntergeladen\\."));
            assertThat(browser.findElement(By.cssSelector("a.nav-link.active")).getText()).isEqualTo("Protokoll");
        } finally {
            app.put("/api/settings", "{\"ui.language\":\"en\"}");
        }
    }
}
