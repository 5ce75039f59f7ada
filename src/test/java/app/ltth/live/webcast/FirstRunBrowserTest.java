package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.BrowserSuite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/** A new streamer's checklist on the Live page ticks each step as it happens: overlay in OBS, test seen, LIVE connected. */
class FirstRunBrowserTest extends FakeTikTokBrowserSuite {

    @BeforeEach
    void settings() throws Exception {
        app.put("/api/settings", "{" + tiktok.settingsFields() + "}");
    }

    private void waitDone(String step) {
        BrowserSuite.waiting(browser).until(d -> "true".equals(d.findElement(
                By.cssSelector(".first-run-step[data-step=" + step + "]")).getAttribute("data-done")));
    }

    private String done(String step) {
        return browser.findElement(By.cssSelector(".first-run-step[data-step=" + step + "]")).getAttribute("data-done");
    }

    @Test
    void eachStepTicksItselfAndTheListCanBeHidden() throws Exception {
        browser.get(app.baseUrl() + "/dashboard.html");
        WebElement card = BrowserSuite.waiting(browser).until(d -> {
            WebElement c = d.findElement(By.id("first-run"));
            return c.isDisplayed() && !d.findElements(By.cssSelector("#first-run-overlays [data-overlay]")).isEmpty() ? c : null;
        });
        assertThat(card.findElements(By.cssSelector("#first-run-overlays [data-overlay]")))
                .extracting(e -> e.getAttribute("data-overlay")).containsExactly("alerts", "audio", "chat", "goals");
        String alertsLink = card.findElement(By.cssSelector("[data-overlay=alerts] .first-run-drag")).getAttribute("href");
        assertThat(alertsLink).contains("/overlays/alerts.html").contains("layer-width=1920").contains("layer-height=1080");
        assertThat(done("overlay")).isEqualTo("false");
        assertThat(done("test")).isEqualTo("false");
        assertThat(done("live")).isEqualTo("false");
        BrowserSuite.screenshot(browser, "first-run-new");

        // OBS opens the Alerts overlay.
        String dashboard = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(app.baseUrl() + "/overlays/alerts.html");
        String overlay = browser.getWindowHandle();
        browser.switchTo().window(dashboard);
        waitDone("overlay");
        assertThat(done("test")).isEqualTo("false");

        // The test alert appears in the overlay.
        browser.findElement(By.id("first-run-test")).click();
        browser.switchTo().window(overlay);
        BrowserSuite.waiting(browser).until(d -> !d.findElements(By.cssSelector("#alert-area .alert")).isEmpty());
        browser.switchTo().window(dashboard);
        waitDone("test");
        assertThat(done("live")).isEqualTo("false");

        // The streamer connects to their LIVE.
        browser.findElement(By.id("first-run-connect")).click();
        browser.switchTo().activeElement().sendKeys("streamer");
        browser.findElement(By.id("connect-btn")).click();
        waitDone("live");
        BrowserSuite.screenshot(browser, "first-run-done");

        browser.findElement(By.id("first-run-hide")).click();
        BrowserSuite.waiting(browser).until(d -> !d.findElement(By.id("first-run")).isDisplayed());
        browser.navigate().refresh();
        BrowserSuite.waiting(browser).until(d -> d.findElement(By.id("first-run-show")).isDisplayed());
        assertThat(browser.findElement(By.id("first-run")).isDisplayed()).isFalse();
        assertThat(app.get("/api/first-run").json().get("dismissed").asBoolean()).isTrue();
    }
}
