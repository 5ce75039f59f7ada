package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Live page's event feed as a streamer reads it: one row per gift streak, and the last events on opening. */
class DashboardFeedBrowserTest extends BrowserSuite {

    private static List<WebElement> rowsOf(String nickname) {
        return browser.findElements(By.cssSelector("#feed .feed-row")).stream()
                .filter(r -> r.isDisplayed() && r.findElement(By.className("feed-user")).getText().equals(nickname))
                .toList();
    }

    private static void openDashboard() {
        browser.get(app.baseUrl() + "/dashboard.html");
        waiting(browser).until(d -> {
            String state = d.findElement(By.id("connection-badge")).getAttribute("data-state");
            return state != null && !state.equals("noSocket");
        });
    }

    @Test
    void aStreakIsOneRowThatCountsUpAndReopeningThePageShowsTheEarlierEvents() throws Exception {
        openDashboard();
        assertThat(browser.findElement(By.id("stats-not-live")).isDisplayed()).as("nothing is live").isTrue();
        assertThat(browser.findElement(By.id("stat-tiles")).getAttribute("class")).contains("not-live");

        app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"early_bird\",\"nickname\":\"Early Bird\","
                + "\"comment\":\"before the streak\"}");
        app.giftStreak("streaker", "Streaker", "Rose", 1, 10, 77);
        waiting(browser).until(d -> rowsOf("Streaker").stream()
                .anyMatch(r -> r.findElement(By.className("feed-text")).getText().equals("sent Rose x10 (10 coins)")));
        assertThat(rowsOf("Streaker")).as("ten steps, one row").hasSize(1);
        screenshot(browser, "dashboard-feed-streak");

        app.awaitStored();
        openDashboard();
        waiting(browser).until(d -> !rowsOf("Early Bird").isEmpty() && !rowsOf("Streaker").isEmpty());
        assertThat(rowsOf("Streaker")).as("the stored steps collapse too").hasSize(1);
        assertThat(rowsOf("Streaker").get(0).findElement(By.className("feed-text")).getText())
                .isEqualTo("sent Rose x10 (10 coins)");
        assertThat(rowsOf("Early Bird").get(0).findElement(By.className("feed-text")).getText())
                .isEqualTo("before the streak");
    }

    @Test
    void connectionLinesAreInTheStreamersLanguage() throws Exception {
        app.put("/api/settings", "{\"ui.language\":\"de\"}");
        try {
            openDashboard();
            app.post("/api/demo", "{\"enabled\":true}");
            app.post("/api/demo", "{\"enabled\":false}");
            waiting(browser).until(d -> d.findElements(By.cssSelector("#feed .feed-text")).stream()
                    .anyMatch(e -> e.getText().equals("Live: Demo-Modus: simulierte Ereignisse")));
            waiting(browser).until(d -> d.findElements(By.cssSelector("#feed .feed-text")).stream()
                    .anyMatch(e -> e.getText().endsWith(": Getrennt")));
            assertThat(browser.findElements(By.cssSelector("#feed .feed-text"))).extracting(WebElement::getText)
                    .noneMatch(text -> text.contains("Demo mode") || text.contains("Disconnected") || text.contains("Starting"));
        } finally {
            app.put("/api/settings", "{\"ui.language\":\"en\"}");
        }
    }
}
