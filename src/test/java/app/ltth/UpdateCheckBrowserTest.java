package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The opt-in update check against a local releases page (GitHub's "latest release" JSON). */
class UpdateCheckBrowserTest extends BrowserSuite {

    @Test
    void offByDefaultThenOnceAtTheReleasesPageWithALinkInTheHeaderInTheStreamersLanguage() throws Exception {
        List<String> agents = new CopyOnWriteArrayList<>();
        String[] answer = {"{\"tag_name\":\"v9.4.0\",\"html_url\":\"https://github.com/ltth/ltth/releases/tag/v9.4.0\"}"};
        Javalin releases = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.get("/latest", ctx -> {
                agents.add(String.valueOf(ctx.header("User-Agent")) + " cookie=" + ctx.header("Cookie"));
                if (answer[0] == null) ctx.status(503).result("down");
                else ctx.contentType("application/json").result(answer[0]);
            });
        }).start();
        try {
            String address = "http://127.0.0.1:" + releases.port() + "/latest";
            assertThat(app.get("/api/update").json().get("state").asText()).isEqualTo("OFF");
            assertThat(app.put("/api/settings", "{\"desktop.releasesUrl\":\"" + address + "\"}").status()).isEqualTo(200);
            browser.get(app.baseUrl() + "/dashboard.html");
            waiting(browser).until(d -> d.findElement(By.id("connection-badge")).isDisplayed());
            assertThat(browser.findElement(By.id("update-badge")).isDisplayed()).isFalse();
            assertThat(agents).as("nothing is asked while the check is off").isEmpty();

            // Turned on in Settings (in German): the header links to the release, the setting says what was found.
            app.put("/api/settings", "{\"ui.language\":\"de\"}");
            browser.get(app.baseUrl() + "/settings.html");
            WebElement toggle = browser.findElement(By.id("setting-desktop.updateCheck"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", toggle);
            toggle.click();
            toggle.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
            WebElement badge = waiting(browser).until(d -> {
                WebElement b = d.findElement(By.id("update-badge"));
                return b.isDisplayed() ? b : null;
            });
            assertThat(badge.getText()).isEqualTo("LTTH 9.4.0 ist verfügbar");
            assertThat(badge.getAttribute("href")).isEqualTo("https://github.com/ltth/ltth/releases/tag/v9.4.0");
            assertThat(badge.getAttribute("rel")).contains("noopener");
            waiting(browser).until(d -> d.findElement(By.id("update-status")).getText().startsWith("LTTH 9.4.0 ist verfügbar (du hast "));
            screenshot(browser, "update-available");
            assertThat(agents).hasSize(1);
            assertThat(agents.get(0)).startsWith("LTTH/").endsWith("cookie=null");

            // Saving again asks no second time; on the next start it would.
            toggle.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
            Thread.sleep(500);
            assertThat(agents).hasSize(1);

            // A page that fails: said under the setting, and no badge.
            answer[0] = null;
            app.put("/api/settings", "{\"desktop.updateCheck\":false}");
            app.put("/api/settings", "{\"desktop.updateCheck\":true}");
            browser.get(app.baseUrl() + "/settings.html");
            waiting(browser).until(d -> d.findElement(By.id("update-status")).getText().contains("nicht erreichbar"));
            assertThat(browser.findElement(By.id("update-badge")).isDisplayed()).isFalse();
        } finally {
            app.put("/api/settings", "{\"ui.language\":\"en\",\"desktop.updateCheck\":false}");
            releases.stop();
        }
    }
}
