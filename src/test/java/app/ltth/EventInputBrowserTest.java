package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Event input page in Chromium: ways in turned on from the page, the token shown on request, a program's event
 * arriving in the page's list and in the live feed (as text), the drops counted by reason, in the streamer's language.
 */
class EventInputBrowserTest extends BrowserSuite {

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void waysInAreTurnedOnFromThePageAndAProgramsEventShowsThereAndInTheFeed() throws Exception {
        app.put("/api/settings", "{\"ui.language\":\"de\"}");
        try {
            browser.get(app.baseUrl() + "/event-input.html");
            WebElement http = waiting(browser).until(d -> d.findElement(By.id("f-http")));
            waiting(browser).until(d -> !d.findElement(By.id("f-udpPort")).getAttribute("value").isEmpty());
            assertThat(http.isSelected()).isFalse();
            assertThat(browser.findElement(By.id("input-token")).getAttribute("type")).isEqualTo("password");

            browser.findElement(By.cssSelector("label[for='f-http']")).click();
            browser.findElement(By.cssSelector("label[for='f-websocket']")).click();
            browser.findElement(By.id("f-perSecond")).clear();
            browser.findElement(By.id("f-perSecond")).sendKeys("0");
            browser.findElement(By.cssSelector("#input-config button[type='submit']")).click();
            WebElement error = waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='perSecond']")));
            waiting(browser).until(d -> error.isDisplayed());
            browser.findElement(By.id("f-perSecond")).clear();
            browser.findElement(By.id("f-perSecond")).sendKeys("30");
            browser.findElement(By.cssSelector("#input-config button[type='submit']")).click();
            waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Gespeichert."));
            assertThat(app.get("/api/events/input").json().get("http").asBoolean()).isTrue();
            assertThat(app.get("/api/events/input").json().get("websocket").asBoolean()).isTrue();
            assertThat(app.get("/api/events/input").json().get("udp").asBoolean()).isFalse();
            assertThat(app.get("/api/events/input").json().get("perSecond").asInt()).isEqualTo(30);

            browser.findElement(By.id("input-token-show")).click();
            assertThat(browser.findElement(By.id("input-token")).getAttribute("value"))
                    .isEqualTo(app.get("/api/events/input").json().get("token").asText());

            assertThat(app.post("/api/events/custom", "{\"name\":\"deck.scene\",\"fields\":{\"scene\":\"<b>Intro</b>\","
                    + "\"count\":1234}}").status()).isEqualTo(202);
            assertThat(app.post("/api/events/custom", "{\"name\":\"deck.scene\",\"fields\":{\"time\":\"now\"}}").status())
                    .isEqualTo(400);
            WebElement arrived = waiting(browser).until(d -> d.findElement(By.cssSelector("#input-recent li[data-name='deck.scene']")));
            assertThat(arrived.getText()).contains("deck.scene").contains("scene: <b>Intro</b>, count: 1.234 (über HTTP)");
            assertThat(browser.findElements(By.cssSelector("#input-recent b"))).as("a program's text stays text").isEmpty();
            waiting(browser).until(d -> text("tr[data-way='http'] .input-accepted").equals("1"));
            waiting(browser).until(d -> text("tr[data-way='http'] .input-dropped").equals("falsche Felder 1"));
            assertThat(text("tr[data-way='websocket'] .input-address")).endsWith("/api/events/input?token=…");
            screenshot(browser, "event-input-page");

            browser.get(app.baseUrl() + "/dashboard.html");
            WebElement row = waiting(browser).until(d -> d.findElements(By.cssSelector("#feed .feed-row[data-type='custom']"))
                    .stream().filter(r -> r.getText().contains("deck.scene")).findFirst().orElse(null));
            assertThat(row.getText()).contains("scene: <b>Intro</b>");
        } finally {
            app.put("/api/settings", "{\"ui.language\":\"en\"}");
            app.put("/api/events/input", "{\"http\":false,\"websocket\":false,\"perSecond\":20}");
        }
    }
}
