package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * LAN mode as the streamer and a second device see it: the switch and QR codes on the Overlays page, then the
 * links opened in a browser that reaches LTTH over this machine's LAN address (and so counts as another computer).
 */
class LanBrowserTest extends BrowserSuite {

    @Test
    void theStreamerSwitchesItOnAndASecondDeviceOpensTheDashboardAndAnOverlayWithTheLinks() throws Exception {
        browser.get(app.baseUrl() + "/overlays.html");
        WebElement toggle = waiting(browser).until(d -> d.findElement(By.id("lan-enabled")));
        waiting(browser).until(d -> !d.findElement(By.id("lan-status")).getText().isEmpty());
        Assumptions.assumeFalse(browser.findElement(By.id("lan-status")).getText().contains("no address"),
                "this machine has a network address besides loopback");
        assertThat(toggle.isSelected()).isFalse();
        // The overlay list above fills in first; then the switch stays where it is.
        waiting(browser).until(d -> !d.findElements(By.cssSelector("#overlay-list [data-overlay]")).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block:'center', behavior:'instant'})", toggle);
        toggle.click();
        WebElement dashboardUrl = waiting(browser).until(d -> {
            WebElement input = d.findElement(By.id("lan-dashboard-url"));
            return input.isDisplayed() && !input.getAttribute("value").isEmpty() ? input : null;
        });
        waiting(browser).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var i = document.getElementById('lan-qr-dashboard'); return i.complete && i.naturalWidth > 0;"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('lan-card').scrollIntoView({block:'end', behavior:'instant'})");
        screenshot(browser, "lan-overlays-page");
        JsonNode status = app.get("/api/lan").json();
        assertThat(dashboardUrl.getAttribute("value")).isEqualTo(status.get("dashboardUrl").asText());
        assertThat(browser.findElement(By.id("lan-status")).getText()).contains(status.get("address").asText());

        // A phone: the dashboard over the LAN, its API and live connection carried by the link's cookie.
        browser.get(status.get("dashboardUrl").asText());
        waiting(browser).until(d -> {
            String state = d.findElement(By.id("connection-badge")).getAttribute("data-state");
            return state != null && !state.equals("noSocket");
        });
        screenshot(browser, "lan-phone-dashboard");

        // A second PC with OBS: the overlay link shows what happens live.
        browser.get(status.get("overlayUrl").asText() + "&preview=1&scale=0.5");
        waiting(browser).until(d -> !d.findElement(By.id("offline")).isDisplayed());
        app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"lan_fan\",\"comment\":\"hello from the LAN\"}");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#cards .card")).stream()
                .anyMatch(c -> c.getText().contains("hello from the LAN")));
        // The overlay link's cookie does not open the dashboard.
        browser.get("http://" + status.get("address").asText() + ":" + app.app().httpPort() + "/dashboard.html");
        assertThat(browser.getPageSource()).contains("overlays only");

        app.put("/api/lan", "{\"enabled\":false}");
    }
}
