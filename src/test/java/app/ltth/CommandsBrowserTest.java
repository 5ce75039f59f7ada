package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Commands page in Chromium: a cooldown edited and kept, and a refusal listed in the streamer's language. */
class CommandsBrowserTest extends BrowserSuite {

    @Test
    void aCooldownIsEditedOnThePageAndTheRefusalItCausesIsListed() throws Exception {
        app.put("/api/settings", "{\"ui.language\":\"de\"}");
        try {
            browser.get(app.baseUrl() + "/commands.html");
            WebElement help = waiting(browser).until(d -> d.findElement(By.cssSelector("form[data-command='help']")));
            assertThat(help.getText()).contains("!help").contains("Sagt, wie Befehle gehen").contains("LTTH");
            WebElement cooldown = help.findElement(By.name("userCooldownSeconds"));
            assertThat(cooldown.getAttribute("value")).isEqualTo("30");
            cooldown.clear();
            cooldown.sendKeys("90");
            clickCentered(help.findElement(By.cssSelector("button[type='submit']")));
            waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("!help gespeichert."));
            assertThat(app.get("/api/commands").json().get("commands").toString()).contains("\"name\":\"help\"")
                    .contains("\"userCooldownSeconds\":90");

            cooldown.clear();
            cooldown.sendKeys("-1");
            clickCentered(help.findElement(By.cssSelector("button[type='submit']")));
            waiting(browser).until(d -> help.findElement(By.cssSelector("[data-error='userCooldownSeconds']")).isDisplayed());

            app.simulate("{\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"!help\"}");
            app.simulate("{\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"!help\"}");
            WebElement refused = waiting(browser).until(d -> d.findElements(By.cssSelector("#commands-recent li[data-ran='false']"))
                    .stream().findFirst().orElse(null));
            assertThat(refused.getText()).contains("@anna").contains("!help")
                    .containsPattern("abgelehnt: Cooldown dieses Zuschauers, noch (89|90) s");
            screenshot(browser, "commands-page");
        } finally {
            app.put("/api/settings", "{\"ui.language\":\"en\"}");
        }
    }
}
