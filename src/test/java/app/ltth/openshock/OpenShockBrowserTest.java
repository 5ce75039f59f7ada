package app.ltth.openshock;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.BrowserSuite;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The OpenShock page as a streamer uses it: the safety warning, the token saved (never shown), the plugin on, the
 * shockers read, a mapping above the limit refused at its field, the emergency stop by Shift+Escape from another
 * dashboard page, released on the page.
 */
class OpenShockBrowserTest extends BrowserSuite {

    @Test
    void theStreamerSetsItUpAndStopsEverythingWithAHotkey() throws Exception {
        try (FakeOpenShock api = new FakeOpenShock("tok-secret")) {
            app.put("/api/settings", "{\"openshock.url\": \"" + api.url() + "\"}");
            browser.get(app.baseUrl() + "/openshock.html");
            assertThat(browser.findElement(By.cssSelector(".alert-warning")).getText()).startsWith("Safety first.");
            waiting(browser).until(d -> "off".equals(d.findElement(By.id("os-state")).getAttribute("data-state")));

            browser.findElement(By.id("os-token-input")).sendKeys("tok-secret");
            browser.findElement(By.cssSelector("#os-token button[type='submit']")).click();
            waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("The OpenShock token is saved."));
            assertThat(browser.getPageSource()).doesNotContain("tok-secret");
            browser.findElement(By.id("os-toggle")).click();
            waiting(browser).until(d -> "on".equals(d.findElement(By.id("os-state")).getAttribute("data-state")));
            waiting(browser).until(d -> d.findElements(By.cssSelector("#os-shockers [data-shocker]")).size() == 3);

            // A mapping stronger than the limit (30 % by default): refused, at its field.
            browser.findElement(By.id("os-add")).click();
            WebElement row = browser.findElement(By.cssSelector("#os-rows .bridge-mapping"));
            row.findElement(By.name("gift")).sendKeys("Rose");
            WebElement intensity = row.findElement(By.name("intensity"));
            intensity.clear();
            intensity.sendKeys("80");
            clickCentered(browser.findElement(By.cssSelector("#os-config button[type='submit']")));
            WebElement error = waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='mappings[0].intensity']")));
            waiting(browser).until(d -> error.isDisplayed() && error.getText().contains("above your limit of 30"));
            intensity.clear();
            intensity.sendKeys("25");
            clickCentered(browser.findElement(By.cssSelector("#os-config button[type='submit']")));
            waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("The OpenShock settings are saved."));
            assertThat(app.get("/api/openshock/config").json().at("/mappings/0/intensity").asInt()).isEqualTo(25);
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelector('.alert-warning').scrollIntoView({block: 'start', behavior: 'instant'})");
            screenshot(browser, "openshock");

            // Shift+Escape on another dashboard page: everything stops.
            browser.get(app.baseUrl() + "/dashboard.html");
            waiting(browser).until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
            new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.ESCAPE).keyUp(Keys.SHIFT).perform();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!app.get("/api/openshock").json().get("stopped").asBoolean() && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(app.get("/api/openshock").json().get("stopped").asBoolean()).as("stopped by the hotkey").isTrue();
            assertThat(app.post("/api/openshock/test", "{\"type\":\"vibrate\"}").status()).isEqualTo(409);

            browser.get(app.baseUrl() + "/openshock.html");
            waiting(browser).until(d -> "stopped".equals(d.findElement(By.id("os-state")).getAttribute("data-state")));
            browser.findElement(By.id("os-release")).click();
            waiting(browser).until(d -> "on".equals(d.findElement(By.id("os-state")).getAttribute("data-state")));
            app.post("/api/plugins/openshock/disable", "");
        }
    }
}
