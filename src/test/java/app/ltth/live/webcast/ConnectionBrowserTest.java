package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The dashboard header as a streamer sees it while TikTok refuses the direct socket and the relay takes over. */
class ConnectionBrowserTest extends FakeTikTokBrowserSuite {

    @Test
    void theHeaderShowsWhichWayCarriesTheLiveAndWhyItSwitched() throws Exception {
        tiktok.handshakeRefusal = "illegal app_id";
        assertThat(app.put("/api/settings", "{" + tiktok.settingsFields() + ",\"tiktok.signApiKey\":\""
                + FakeTikTok.RELAY_KEY + "\",\"tiktok.failoverAfter\":2}").status()).isEqualTo(200);
        browser.get(app.baseUrl() + "/dashboard.html");
        BrowserTest.waiting(browser).until(d -> !"noSocket".equals(d.findElement(By.id("connection-badge")).getAttribute("data-state")));
        browser.findElement(By.id("username")).sendKeys("streamer");
        browser.findElement(By.cssSelector("#connect-form button[type=submit]")).click();

        BrowserTest.waiting(browser).until(d -> "live".equals(d.findElement(By.id("connection-badge")).getAttribute("data-state"))
                && "relay".equals(d.findElement(By.id("path-badge")).getAttribute("data-path")));
        assertThat(browser.findElement(By.id("path-badge")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("path-badge")).getText()).isEqualTo("through the Euler relay");
        assertThat(browser.findElement(By.id("connection-detail")).getText())
                .contains("TikTok refused the direct connection 2 times in a row (illegal app_id)");
        // TikTok's battles and polls read as sentences in the live feed.
        tiktok.relaySend("{\"messages\":[" + RelaySourceTest.gift(41, 1, 1) + "]}");
        app.post("/api/events/simulate", "{\"type\":\"battle\",\"phase\":\"end\",\"score\":120,\"opponentScore\":80}");
        app.post("/api/events/simulate", "{\"type\":\"poll\",\"title\":\"Pizza?\",\"options\":\"Yes:3,No:1\"}");
        // Each event arrives on its own (the gift through the relay): wait until all three are shown.
        BrowserTest.waiting(browser).until(d -> {
            String body = d.findElement(By.tagName("body")).getText();
            return body.contains("The battle ended 120 : 80") && body.contains("Poll started: Pizza? Yes (3), No (1)")
                    && body.contains("sent Rose x1");
        });
        BrowserTest.screenshot(browser, "dashboard-relay-en");

        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        BrowserTest.waiting(browser).until(d -> d.findElement(By.id("path-badge")).getText().equals("über das Euler-Relay"));
        BrowserTest.waiting(browser).until(d -> d.findElement(By.tagName("body")).getText().contains("Das Battle ist vorbei 120 : 80"));
        assertThat(browser.findElement(By.id("connection-detail")).getText())
                .isEqualTo("Über das Euler-Relay verbunden: TikTok hat die direkte Verbindung 2-mal in Folge abgelehnt (illegal app_id).");
        BrowserTest.screenshot(browser, "dashboard-relay-de");
    }
}
