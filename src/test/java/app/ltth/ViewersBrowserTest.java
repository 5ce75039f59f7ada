package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Viewers page in Chromium: a viewer found by name with their totals and tier, their history from the event log,
 * a note, VIP, a correction that is listed, the VIP tiers edited, and the CSV export following the search.
 */
class ViewersBrowserTest extends BrowserSuite {

    private static List<String> handles() {
        return browser.findElements(By.cssSelector("#viewers-list tr[data-handle]")).stream()
                .map(r -> r.getAttribute("data-handle")).toList();
    }

    private static String message() {
        return browser.findElement(By.id("message")).getText();
    }

    @Test
    void aViewerIsFoundWithTheirHistoryNotedCorrectedAndTheTiersEdited() throws Exception {
        assertThat(app.put("/api/vip/tiers", "{\"tiers\":[{\"name\":\"Gold\",\"coins\":100}]}").status()).isEqualTo(200);
        app.simulate("{\"type\":\"follow\",\"user\":\"vw_carla\",\"nickname\":\"Carla <i>C</i>\"}");
        app.simulate("{\"type\":\"gift\",\"user\":\"vw_carla\",\"nickname\":\"Carla <i>C</i>\",\"giftName\":\"Hat\","
                + "\"coins\":150,\"count\":1,\"streakable\":false}");
        app.simulate("{\"type\":\"chat\",\"user\":\"vw_carla\",\"nickname\":\"Carla <i>C</i>\",\"comment\":\"greetings from Lyon\"}");
        app.simulate("{\"type\":\"chat\",\"user\":\"vw_dan\",\"nickname\":\"Dan\",\"comment\":\"hi\"}");
        app.awaitStored();
        TestApp.await(() -> app.get("/api/viewers?q=vw_").json().get("viewers").size() == 2);

        browser.get(app.baseUrl() + "/viewers.html");
        waiting(browser).until(d -> handles().containsAll(List.of("vw_carla", "vw_dan")));
        browser.findElement(By.id("viewers-search")).sendKeys("carla");
        waiting(browser).until(d -> handles().equals(List.of("vw_carla")));
        assertThat(browser.findElement(By.id("viewers-export")).getAttribute("href")).contains("/api/viewers.csv?q=carla&sort=recent");
        WebElement carla = browser.findElement(By.cssSelector("#viewers-list tr[data-handle='vw_carla']"));
        assertThat(carla.getText()).contains("Carla <i>C</i>").contains("Gold").contains("150");
        assertThat(browser.findElements(By.cssSelector("#viewers-list i"))).as("names stay text").isEmpty();

        clickCentered(carla);
        waiting(browser).until(d -> d.findElement(By.id("viewer-history")).getText().contains("greetings from Lyon"));
        assertThat(browser.findElement(By.id("viewer-history")).getText()).contains("Hat");
        assertThat(browser.findElement(By.id("viewer-tier")).getText()).isEqualTo("Gold");
        assertThat(browser.findElement(By.id("viewer-totals")).getText()).contains("Visits").contains("First seen");

        browser.findElement(By.id("viewer-note")).sendKeys("Asked for the Lyon stream");
        clickCentered(browser.findElement(By.cssSelector("#viewer-note-form button")));
        waiting(browser).until(d -> message().equals("Note about Carla <i>C</i> saved."));
        assertThat(app.get("/api/viewers/vw_carla").json().get("note").asText()).isEqualTo("Asked for the Lyon stream");
        clickCentered(browser.findElement(By.id("viewer-vip")));
        waiting(browser).until(d -> message().equals("Carla <i>C</i> is a VIP now."));
        assertThat(app.get("/api/viewers/vw_carla").json().get("vip").asBoolean()).isTrue();

        WebElement amount = browser.findElement(By.id("viewer-correct-amount"));
        amount.clear();
        amount.sendKeys("-3");
        clickCentered(browser.findElement(By.cssSelector("#viewer-correct button")));
        waiting(browser).until(d -> d.findElement(By.id("viewer-corrections")).getText().contains("-3 points by the dashboard"));

        clickCentered(browser.findElement(By.id("tiers-add")));
        List<WebElement> tiers = browser.findElements(By.cssSelector("#tiers-rows .tier"));
        tiers.get(1).findElement(By.name("name")).sendKeys("Regular");
        WebElement coins = tiers.get(1).findElement(By.name("coins"));
        coins.clear();
        coins.sendKeys("0");
        WebElement visits = tiers.get(1).findElement(By.name("visits"));
        visits.clear();
        visits.sendKeys("1");
        clickCentered(browser.findElement(By.cssSelector("#tiers button[type='submit']")));
        waiting(browser).until(d -> message().equals("VIP tiers saved."));
        assertThat(app.get("/api/vip/tiers").json().at("/tiers/1/name").asText()).isEqualTo("Regular");
        browser.findElement(By.id("viewers-search")).clear();
        browser.findElement(By.id("viewers-search")).sendKeys("vw_dan");
        waiting(browser).until(d -> handles().equals(List.of("vw_dan")) && d.findElement(By.cssSelector("#viewers-list tr")).getText().contains("Regular"));
        screenshot(browser, "viewers-page");

        clickCentered(browser.findElement(By.id("tiers-add")));
        clickCentered(browser.findElement(By.cssSelector("#tiers button[type='submit']")));   // a tier without a name
        waiting(browser).until(d -> !d.findElement(By.id("tiers-error")).getText().isEmpty());
        assertThat(app.get("/api/vip/tiers").json().get("tiers").size()).as("nothing kept").isEqualTo(2);
        app.put("/api/vip/tiers", "{\"tiers\":[]}");
    }
}
