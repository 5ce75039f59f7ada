package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.BrowserSuite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** When Connect fails, the header says whose problem it is, in the page's language, and marks only a wrong username. */
class ConnectionErrorsBrowserTest extends FakeTikTokBrowserSuite {

    @BeforeEach
    void settings() throws Exception {
        app.put("/api/settings", "{" + tiktok.settingsFields() + ", \"ui.language\": \"de\"}");
    }

    /** Connects as {@code user} from the header; returns the error it shows. */
    private WebElement connect(String user) throws Exception {
        app.put("/api/settings", "{\"tiktok.username\": \"\"}");
        browser.get(app.baseUrl() + "/goals.html");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("connect-btn")).click();
        return BrowserSuite.waiting(browser).until(d -> {
            WebElement box = d.findElement(By.id("username-error"));
            return box.isDisplayed() && !box.getText().isBlank() ? box : null;
        });
    }

    private boolean usernameMarked() {
        return browser.findElement(By.id("username")).getAttribute("class").contains("is-invalid");
    }

    @Test
    void aWrongUsernameIsMarkedAndSaidInGerman() throws Exception {
        WebElement error = connect("nobody_here");
        assertThat(error.getText()).isEqualTo("TikTok kennt den Benutzer @nobody_here nicht. Prüfe die Schreibweise des Benutzernamens.");
        assertThat(usernameMarked()).isTrue();
    }

    @Test
    void aNetworkFailureBlamesTheNetworkNotTheUsername() throws Exception {
        // Nothing answers where TikTok should be.
        app.put("/api/settings", "{\"tiktok.livePageUrl\": \"http://127.0.0.1:9/@{user}/live\","
                + "\"tiktok.apiLiveUrl\": \"http://127.0.0.1:9/api-live/user/room/?uniqueId={user}\"}");
        WebElement error = connect("streamer");
        assertThat(error.getText()).startsWith("TikTok ist von diesem Computer aus nicht erreichbar: Das Netzwerk ist das Problem.")
                .doesNotContain("null").doesNotContain("Exception");
        assertThat(usernameMarked()).as("the username is fine").isFalse();
        BrowserSuite.screenshot(browser, "connect-network-error-de");
    }

    @Test
    void aSignServiceThatWantsAKeySaysSo() throws Exception {
        tiktok.signStatus = 401;
        tiktok.signBody = "{\"message\":\"An API key is required\"}";
        WebElement error = connect("streamer");
        assertThat(error.getText()).startsWith("Der Signierdienst braucht jetzt einen API-Schlüssel.");
        assertThat(usernameMarked()).isFalse();
    }
}
