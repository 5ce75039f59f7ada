package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The alert overlay in each built-in style with the gift's picture, the sender's avatar and the type's sound (which
 * the audio overlay receives); a gift variation wins over the gift alert; the Alerts page edits and previews one.
 */
class AlertStylesBrowserTest extends BrowserSuite {

    private static final String LOADED = "return arguments[0].complete && arguments[0].naturalWidth > 0";

    private static String gift(String name, String picture) {
        return "{\"type\":\"gift\",\"user\":\"mia\",\"nickname\":\"Mia\",\"avatar\":\"" + app.baseUrl()
                + "/img/gifts/corgi.svg\",\"giftName\":\"" + name + "\",\"coins\":299,\"count\":1,\"streakable\":false"
                + (picture.isEmpty() ? "" : ",\"imageUrl\":\"" + picture + "\"") + "}";
    }

    @Test
    void everyStyleShowsPictureAvatarAndSoundAndAVariationWins() throws Exception {
        try (TestSocket audio = TestSocket.connect(app.socketUrl(), null, "audio:play")) {
            // preview=1 shows a marker until the page is connected: alerts sent before that would miss it.
            browser.get(app.baseUrl() + "/overlays/alerts.html?preview=1");
            waiting(browser).until(d -> !d.findElement(By.className("offline")).isDisplayed());
            for (String style : List.of("clean", "neon", "comic")) {
                app.post("/api/alerts/skip", "");
                assertThat(app.put("/api/alerts/gift", "{\"style\":\"" + style + "\",\"text\":\"{nickname} sent {giftName}\"}")
                        .status()).isEqualTo(200);
                app.simulate(gift("Corgi", "/img/gifts/lion.svg"));
                WebElement box = waiting(browser).until(d -> d.findElements(By.cssSelector(".alert.style-" + style))
                        .stream().filter(e -> e.getAttribute("textContent").contains("Mia sent Corgi")).findFirst().orElse(null));
                WebElement picture = box.findElement(By.cssSelector("img.alert-gift"));
                WebElement avatar = box.findElement(By.cssSelector(".alert-avatar img"));
                waiting(browser).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(LOADED, picture)
                        && (Boolean) ((JavascriptExecutor) d).executeScript(LOADED, avatar));
                assertThat(picture.getAttribute("src")).endsWith("/img/gifts/lion.svg");
                JsonNode sound = audio.await("audio:play", m -> m.get("url").asText().equals("/sounds/gift.wav"));
                assertThat(sound.get("channel").asText()).isEqualTo("sound");
                Thread.sleep(900);   // the way in has ended
                screenshot(browser, "alert-style-" + style);
            }

            String variations = "{\"variations\":[{\"giftName\":\"lion\",\"text\":\"ROAR {nickname}!\",\"sound\":"
                    + "\"/sounds/subscribe.wav\",\"seconds\":4},{\"minCoins\":100,\"maxCoins\":500,\"text\":\"Big one from {nickname}\"}]}";
            assertThat(app.put("/api/alerts/gift", variations).status()).isEqualTo(200);
            app.post("/api/alerts/skip", "");
            app.simulate(gift("Lion", ""));
            waiting(browser).until(d -> d.findElements(By.cssSelector(".alert-text")).stream()
                    .anyMatch(e -> e.getAttribute("textContent").equals("ROAR Mia!")));
            audio.await("audio:play", m -> m.get("url").asText().equals("/sounds/subscribe.wav"));
            // TikTok sent no picture: LTTH's wrapped present stands in.
            assertThat(browser.findElement(By.cssSelector(".alert:not(.leaving) img.alert-gift")).getAttribute("src"))
                    .endsWith("/img/gifts/gift.svg");
            app.post("/api/alerts/skip", "");
            app.simulate(gift("Corgi", ""));
            waiting(browser).until(d -> d.findElements(By.cssSelector(".alert-text")).stream()
                    .anyMatch(e -> e.getAttribute("textContent").equals("Big one from Mia")));
        } finally {
            app.put("/api/alerts/gift", "{\"style\":\"clean\",\"variations\":[]}");
            app.post("/api/alerts/skip", "");
        }
    }

    @Test
    void theAlertsPageAddsAVariationAndPreviewsIt() throws Exception {
        try {
            browser.get(app.baseUrl() + "/alerts.html");
            WebElement add = waiting(browser).until(d -> d.findElement(By.cssSelector("[data-add-variation]")));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", add);
            add.click();
            WebElement row = browser.findElement(By.cssSelector("#alert-gift .variation"));
            row.findElement(By.cssSelector("[data-name=giftName]")).sendKeys("Galaxy");
            WebElement text = row.findElement(By.cssSelector("[data-name=text]"));
            text.clear();
            text.sendKeys("A galaxy from {nickname}!");
            WebElement test = row.findElement(By.cssSelector("[data-test-variation]"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", test);
            test.click();
            TestApp.await(() -> app.get("/api/alerts").json().at("/alerts/0/variations/0/giftName").asText().equals("Galaxy"));
            browser.switchTo().frame("preview");
            waiting(browser).until(d -> d.findElements(By.cssSelector(".alert-text")).stream()
                    .anyMatch(e -> e.getText().equals("A galaxy from Test User!")));
            browser.switchTo().defaultContent();
            Thread.sleep(900);
            screenshot(browser, "alerts-page");

            // A variation that fits nothing is refused at its own row, in words.
            row.findElement(By.cssSelector("[data-name=giftName]")).clear();
            browser.findElement(By.cssSelector("#alert-gift [type=submit]")).click();
            WebElement error = waiting(browser).until(d -> d.findElement(By.cssSelector("#alert-gift .variation .invalid-feedback.d-block")));
            assertThat(error.getText()).isEqualTo("Name a gift, or give a range of coins.");
        } finally {
            app.put("/api/alerts/gift", "{\"variations\":[]}");
            app.post("/api/alerts/skip", "");
        }
    }
}
