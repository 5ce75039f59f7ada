package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.settings.SettingsRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The Settings page: every setting has a labelled field, each section saves on its own, errors stand at their field. */
class SettingsBrowserTest extends BrowserSuite {

    private static WebElement field(String key) {
        return browser.findElement(By.id("setting-" + key));
    }

    private static void type(String key, String value) {
        WebElement input = field(key);
        input.clear();
        input.sendKeys(value);
    }

    /** Clicks what may be below the fold (the page scrolls smoothly on its own, too slowly for a test). */
    private static void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                element);
        element.click();
    }

    private static void submit(String section) {
        click(browser.findElement(By.cssSelector("form[data-section=" + section + "] button[type=submit]")));
    }

    /** Saves the section and waits until it says so. */
    private static void save(String section) {
        submit(section);
        WebElement form = browser.findElement(By.cssSelector("form[data-section=" + section + "]"));
        waiting(browser).until(d -> form.findElement(By.className("section-saved")).isDisplayed());
    }

    private static JsonNode settings() throws Exception {
        return app.get("/api/settings").json();
    }

    @Test
    void everySettingHasALabelledFieldWithHelpInItsSection() {
        browser.get(app.baseUrl() + "/settings.html");
        for (var setting : SettingsRegistry.all()) {
            WebElement box = browser.findElement(By.cssSelector("[data-setting='" + setting.key() + "']"));
            String label = box.findElement(By.cssSelector("label")).getAttribute("textContent").trim();
            String help = box.findElement(By.className("form-text")).getAttribute("textContent").trim();
            assertThat(label).as(setting.key()).isNotBlank().doesNotContain("setting.");
            assertThat(help).as(setting.key()).isNotBlank().doesNotContain("setting.");
        }
        // Choices are named, not raw values.
        assertThat(new Select(field("alerts.overflow")).getOptions()).extracting(WebElement::getText)
                .contains("Drop the new one").doesNotContain("drop-newest");
        // Service addresses are folded away.
        assertThat(field("tts.googleUrl").isDisplayed()).isFalse();
    }

    @Test
    void eachSectionSavesOnItsOwn() throws Exception {
        browser.get(app.baseUrl() + "/settings.html");
        waiting(browser).until(d -> "3".equals(field("tiktok.failoverAfter").getAttribute("value")));

        type("tiktok.username", "streamer_one");
        new Select(field("tiktok.connection")).selectByValue("direct");
        save("tiktok");
        assertThat(settings().get("tiktok.username").asText()).isEqualTo("streamer_one");
        assertThat(settings().get("tiktok.connection").asText()).isEqualTo("direct");

        type("audio.volume", "55");
        save("audio");
        assertThat(settings().get("audio.volume").asLong()).isEqualTo(55);

        type("alerts.queueMax", "30");
        new Select(field("alerts.overflow")).selectByValue("drop-oldest");
        save("alerts");
        assertThat(settings().get("alerts.queueMax").asLong()).isEqualTo(30);
        assertThat(settings().get("alerts.overflow").asText()).isEqualTo("drop-oldest");

        type("backups.keep", "9");
        save("backups");
        assertThat(settings().get("backups.keep").asLong()).isEqualTo(9);

        click(browser.findElement(By.cssSelector("#advanced summary")));
        type("soundboard.myInstantsUrl", "https://sounds.example");
        save("advanced");
        assertThat(settings().get("soundboard.myInstantsUrl").asText()).isEqualTo("https://sounds.example");

        // A key is written, never read back: the page only says whether one is set.
        WebElement state = browser.findElement(By.cssSelector("[data-setting='tts.googleApiKey'] .secret-state"));
        assertThat(state.getText()).isEqualTo("not set");
        type("tts.googleApiKey", "g-key-123");
        save("keys");
        assertThat(state.getText()).isEqualTo("set");
        assertThat(field("tts.googleApiKey").getAttribute("value")).isEmpty();
        assertThat(settings().get("tts.googleApiKey").asText()).isEqualTo("********");
        assertThat(browser.getPageSource()).doesNotContain("g-key-123");
        // Saving the section again without typing keeps the key.
        save("keys");
        assertThat(settings().get("tts.googleApiKey").asText()).isEqualTo("********");
        click(browser.findElement(By.cssSelector("[data-setting='tts.googleApiKey'] .secret-clear")));
        waiting(browser).until(d -> state.getText().equals("not set"));
        assertThat(settings().get("tts.googleApiKey").asText()).isEmpty();
        screenshot(browser, "settings-saved");

        new Select(field("ui.theme")).selectByValue("light");
        submit("appearance");
        waiting(browser).until(d -> "light".equals(d.findElement(By.tagName("html")).getAttribute("data-bs-theme")));
        assertThat(settings().get("ui.theme").asText()).isEqualTo("light");
        app.put("/api/settings", "{\"ui.theme\": \"dark\"}");
    }

    @Test
    void aWrongValueIsRefusedAtItsFieldInThePagesLanguage() throws Exception {
        browser.get(app.baseUrl() + "/settings.html");
        waiting(browser).until(d -> !field("audio.volume").getAttribute("value").isEmpty());
        String volume = settings().get("audio.volume").asText();
        type("audio.volume", "500");
        submit("audio");
        WebElement error = waiting(browser).until(d -> {
            WebElement e = d.findElement(By.cssSelector("[data-error='audio.volume']"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).isEqualTo("Between 0 and 100, please.");
        assertThat(field("audio.volume").getAttribute("class")).contains("is-invalid");
        assertThat(settings().get("audio.volume").asText()).as("nothing saved").isEqualTo(volume);

        type("tiktok.username", "not a name!");
        submit("tiktok");
        waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='tiktok.username']")).getText()
                .equals("'not a name!' does not fit here."));

        app.put("/api/settings", "{\"ui.language\": \"de\"}");
        try {
            browser.get(app.baseUrl() + "/settings.html");
            waiting(browser).until(d -> !field("audio.volume").getAttribute("value").isEmpty());
            type("audio.volume", "-5");
            submit("audio");
            waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='audio.volume']")).getText()
                    .equals("Bitte zwischen 0 und 100."));
            screenshot(browser, "settings-error-de");
        } finally {
            app.put("/api/settings", "{\"ui.language\": \"en\"}");
        }
    }
}
