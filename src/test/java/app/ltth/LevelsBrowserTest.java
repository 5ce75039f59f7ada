package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Levels page in Chromium: viewers by XP, found by name, given points; the earning settings changed and kept. */
class LevelsBrowserTest extends BrowserSuite {

    private static List<String> handles() {
        return browser.findElements(By.cssSelector("#levels-list tr[data-handle]")).stream()
                .map(r -> r.getAttribute("data-handle")).toList();
    }

    @Test
    void viewersAreFoundAndGivenPointsAndTheSettingsAreKept() throws Exception {
        app.simulate("{\"type\":\"follow\",\"user\":\"level_anna\",\"nickname\":\"Anna <b>A</b>\"}");
        app.simulate("{\"type\":\"chat\",\"user\":\"level_ben\",\"nickname\":\"Ben\",\"comment\":\"hi\"}");
        TestApp.await(() -> app.get("/api/viewers?q=level_").json().get("viewers").size() == 2);

        browser.get(app.baseUrl() + "/levels.html");
        waiting(browser).until(d -> handles().size() >= 2);
        assertThat(handles().indexOf("level_anna")).as("more XP first").isLessThan(handles().indexOf("level_ben"));
        WebElement anna = browser.findElement(By.cssSelector("#levels-list tr[data-handle='level_anna']"));
        assertThat(anna.getText()).contains("Anna <b>A</b>").contains("1 Newcomer").contains("70");
        assertThat(browser.findElements(By.cssSelector("#levels-list b"))).as("names stay text").isEmpty();

        browser.findElement(By.id("levels-search")).sendKeys("ben");
        waiting(browser).until(d -> handles().equals(List.of("level_ben")));
        WebElement ben = browser.findElement(By.cssSelector("#levels-list tr[data-handle='level_ben']"));
        WebElement amount = ben.findElement(By.name("add"));
        amount.clear();
        amount.sendKeys("15");
        ben.findElement(By.cssSelector("button[type='submit']")).click();
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Ben now has 40 points."));

        WebElement chatXp = browser.findElement(By.id("xp-chatXp"));
        chatXp.clear();
        chatXp.sendKeys("7");
        browser.findElement(By.id("xp-levelNames")).clear();
        browser.findElement(By.id("xp-levelNames")).sendKeys("1 | Rookie\n3 | Pro");
        browser.findElement(By.cssSelector("#levels-config button[type='submit']")).click();
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Saved."));
        assertThat(app.get("/api/xp/config").json().get("chatXp").asLong()).isEqualTo(7);
        assertThat(app.get("/api/xp/config").json().at("/levelNames/3").asText()).isEqualTo("Pro");
        screenshot(browser, "levels-page");

        browser.findElement(By.id("xp-levelExponent")).clear();
        browser.findElement(By.id("xp-levelExponent")).sendKeys("5");
        browser.findElement(By.cssSelector("#levels-config button[type='submit']")).click();
        waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='levelExponent']")).isDisplayed());
        app.put("/api/xp/config", "{\"chatXp\":5,\"levelNames\":{\"1\":\"Newcomer\",\"5\":\"Regular\",\"10\":\"Fan\",\"20\":\"Superfan\",\"50\":\"Legend\"}}");
    }
}
