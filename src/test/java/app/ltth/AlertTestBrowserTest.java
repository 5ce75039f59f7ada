package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** In demo mode, with the alert queue full of the demo's alerts, the Alerts page's Test shows at once, as edited. */
class AlertTestBrowserTest extends BrowserSuite {

    @Test
    void aTestAlertShowsWithinTwoSecondsWhileTheDemoFillsTheQueue() throws Exception {
        app.put("/api/alerts/follow", "{\"enabled\": true}");
        app.put("/api/alerts/join", "{\"enabled\": true, \"seconds\": 10}");   // the demo joins by the dozen
        app.post("/api/simulator", "{\"rate\": 60}");
        app.post("/api/demo", "{\"enabled\": true}");
        try {
            long deadline = System.currentTimeMillis() + 15_000;
            while (app.get("/api/alerts").json().at("/queue/waiting").asInt() < 10) {
                assertThat(System.currentTimeMillis()).as("the demo fills the alert queue").isLessThan(deadline);
                Thread.sleep(100);
            }
            browser.get(app.baseUrl() + "/alerts.html");
            waiting(browser).until(d -> !d.findElements(By.cssSelector("[data-test=gift]")).isEmpty());
            // Edited while the queue is full: the next alert says what the settings say now.
            app.put("/api/alerts/gift", "{\"text\": \"Checking {giftName} for {nickname}\"}");
            WebElement test = browser.findElement(By.cssSelector("[data-test=gift]"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", test);
            test.click();
            long clicked = System.currentTimeMillis();
            browser.switchTo().frame("preview");
            WebElement shown = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(2))
                    .until(d -> d.findElements(By.cssSelector(".alert-text")).stream()
                            .filter(e -> e.getText().startsWith("Checking ")).findFirst().orElse(null));
            assertThat(System.currentTimeMillis() - clicked).isLessThan(2_000);
            assertThat(shown.getText()).contains(" for ");
            browser.switchTo().defaultContent();
            screenshot(browser, "alerts-test-in-demo");
        } finally {
            app.post("/api/demo", "{\"enabled\": false}");
            app.post("/api/simulator", "{\"rate\": 5}");
            app.put("/api/alerts/join", "{\"enabled\": false, \"seconds\": 3}");
        }
    }
}
