package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Gift milestones page in Chromium: tiers added and saved, a refused tier shown, a tier tested, the count shown. */
class MilestonesBrowserTest extends BrowserSuite {

    private static String message() {
        return browser.findElement(By.id("message")).getText();
    }

    private static void set(WebElement row, String name, String value) {
        WebElement input = row.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void tiersAreSavedTestedAndTheCountShown() throws Exception {
        browser.get(app.baseUrl() + "/milestones.html");
        waiting(browser).until(d -> d.findElement(By.id("milestones-progress")).getText().contains("no tiers yet"));
        clickCentered(browser.findElement(By.id("milestones-add")));
        clickCentered(browser.findElement(By.id("milestones-add")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#milestones-tiers .tier"));
        set(rows.get(0), "coins", "500");
        set(rows.get(0), "name", "Party");
        set(rows.get(0), "media", "/img/gifts/gift.svg");
        set(rows.get(1), "coins", "400");   // less than the tier before: refused
        clickCentered(browser.findElement(By.cssSelector("#milestones button[type='submit']")));
        waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='tiers']")).getText().contains("more coins"));
        set(rows.get(1), "coins", "2000");
        clickCentered(browser.findElement(By.id("milestones-reset")));   // other tests of this app sent gifts
        waiting(browser).until(d -> message().equals("The count starts over."));
        clickCentered(browser.findElement(By.cssSelector("#milestones button[type='submit']")));
        waiting(browser).until(d -> message().equals("Gift milestones saved."));
        assertThat(app.get("/api/milestones").json().at("/plan/tiers/1/coins").asLong()).isEqualTo(2000);
        assertThat(browser.findElement(By.id("milestones-progress")).getText()).startsWith("0 coins counted")
                .endsWith("next milestone at 500");

        clickCentered(browser.findElements(By.cssSelector("#milestones-tiers .tier button")).get(0));   // Test of tier 1
        waiting(browser).until(d -> message().equals("The celebration is on the Alerts overlay."));
        screenshot(browser, "milestones-page");
        app.put("/api/milestones", "{\"tiers\":[]}");
    }
}
