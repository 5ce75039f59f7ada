package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Timers page in Chromium: a subathon timer made with rules as lines, started, given a minute, shown live. */
class TimersBrowserTest extends BrowserSuite {

    private static String message() {
        return browser.findElement(By.id("message")).getText();
    }

    private static WebElement row() {
        return browser.findElement(By.cssSelector(".timer-row"));
    }

    @Test
    void aTimerIsMadeStartedGivenAMinuteAndCountsDownOnThePage() throws Exception {
        browser.get(app.baseUrl() + "/timers.html");
        waiting(browser).until(d -> !d.findElement(By.id("timer-list")).getText().isEmpty());
        browser.findElement(By.id("tf-name")).sendKeys("Subathon");
        WebElement minutes = browser.findElement(By.id("tf-minutes"));
        minutes.clear();
        minutes.sendKeys("5");
        browser.findElement(By.id("tf-rules")).sendKeys("gift Rose +10\nlikes 100 +5\nfollow +30\ngift +3");
        clickCentered(browser.findElement(By.cssSelector("#timer-form button[type='submit']")));
        waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='rules']")).isDisplayed());
        browser.findElement(By.id("tf-rules")).clear();
        browser.findElement(By.id("tf-rules")).sendKeys("gift Rose +10\nlikes 100 +5\nfollow +30");
        clickCentered(browser.findElement(By.cssSelector("#timer-form button[type='submit']")));
        waiting(browser).until(d -> message().equals("Timer Subathon saved."));
        assertThat(app.get("/api/timers").json().at("/timers/0/rules/1/every").asLong()).isEqualTo(100);
        waiting(browser).until(d -> row().findElement(By.className("timer-time")).getText().equals("5:00"));

        WebElement plusMinute = browser.findElement(By.xpath("//button[text()='+1 min']"));
        clickCentered(row().findElements(By.tagName("button")).get(0));   // Start
        waiting(browser).until(d -> row().getText().contains("running") && row().getText().contains("Pause"));
        clickCentered(plusMinute);   // the same button: starting changed the row in place, a click in progress is not lost
        waiting(browser).until(d -> row().getText().contains("running")
                && row().findElement(By.className("timer-time")).getText().startsWith("5:5"));
        String before = row().findElement(By.className("timer-time")).getText();
        Thread.sleep(2_100);
        assertThat(row().findElement(By.className("timer-time")).getText()).as("it counts down on the page").isNotEqualTo(before);
        assertThat(row().findElement(By.tagName("input")).getAttribute("value")).contains("/overlays/timer.html?id=");
        screenshot(browser, "timers-page");
    }
}
