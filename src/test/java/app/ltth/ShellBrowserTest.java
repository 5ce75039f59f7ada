package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.pages.DashboardPages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** One layout on every dashboard page: the same header and navigation, a menu on narrow screens, no flash. */
class ShellBrowserTest extends BrowserSuite {

    private static final List<String> HEADER = List.of("connection-badge", "connect-form", "username", "connect-btn",
            "demo-switch", "language", "theme", "active-profile");

    @Test
    void everyPageHasTheSameHeaderAndNavigationWithItsOwnEntryActive() throws Exception {
        List<String> expectedNav = null;
        for (String path : DashboardPages.paths()) {
            browser.get(app.baseUrl() + path);
            for (String id : HEADER) {
                assertThat(browser.findElements(By.cssSelector("#shell-header #" + id))).as(path + " #" + id).hasSize(1);
            }
            List<String> nav = new ArrayList<>();
            for (WebElement link : browser.findElements(By.cssSelector("#sidebar .nav-link"))) nav.add(link.getText());
            if (expectedNav == null) expectedNav = nav;
            assertThat(nav).as(path).isEqualTo(expectedNav).contains("Settings");
            WebElement active = browser.findElement(By.cssSelector("#sidebar .nav-link.active"));
            assertThat(active.getAttribute("href")).as(path).contains(path);
            assertThat(browser.getTitle()).as(path).isEqualTo(active.getText() + " · LTTH");
            // The header hears the app on every page (the page's own socket use shares its connection).
            waiting(browser).until(d -> !"noSocket".equals(
                    d.findElement(By.id("connection-badge")).getAttribute("data-state")));
        }
        assertThat(expectedNav).hasSizeGreaterThan(14);
    }

    @Test
    void belowSevenHundredSixtyEightPixelsTheNavigationIsBehindAMenuButton() throws Exception {
        Dimension wide = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(700, 900));
            browser.get(app.baseUrl() + "/goals.html");
            WebElement menu = browser.findElement(By.id("menu-button"));
            assertThat(menu.isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("sidebar")).isDisplayed()).isFalse();
            menu.click();
            WebElement flows = waiting(browser).until(d -> {
                WebElement link = d.findElement(By.cssSelector("#sidebar a[href='/flows.html']"));
                return link.isDisplayed() ? link : null;
            });
            Thread.sleep(400); // the menu slides in
            screenshot(browser, "shell-menu-700px");
            flows.click();
            waiting(browser).until(d -> d.getCurrentUrl().endsWith("/flows.html"));
            assertThat(browser.findElement(By.id("sidebar")).isDisplayed()).isFalse();
        } finally {
            browser.manage().window().setSize(wide);
        }
        browser.get(app.baseUrl() + "/goals.html");
        assertThat(browser.findElement(By.id("menu-button")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("sidebar")).isDisplayed()).isTrue();
    }

    @Test
    void themeAndLanguageAreInThePageBeforeAnyScriptRuns() throws Exception {
        app.put("/api/settings", "{\"ui.language\": \"de\", \"ui.theme\": \"contrast\"}");
        try {
            // Records every change of the <html> element's attributes from the very start of each page.
            ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.__htmlChanges = [];"
                            + "new MutationObserver(l => l.forEach(m => window.__htmlChanges.push(m.attributeName)))"
                            + ".observe(document.documentElement, {attributes: true});"));
            for (String path : DashboardPages.paths()) {
                String served = app.get(path).body();
                assertThat(served).as(path).contains("<html lang=\"de\" data-bs-theme=\"contrast\">");
                browser.get(app.baseUrl() + path);
                waiting(browser).until(d -> "complete".equals(
                        ((JavascriptExecutor) d).executeScript("return document.readyState")));
                Thread.sleep(200);
                assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return window.__htmlChanges"))
                        .as(path).isEmpty();
                assertThat(browser.findElement(By.tagName("html")).getAttribute("data-bs-theme")).isEqualTo("contrast");
            }
            browser.get(app.baseUrl() + "/dashboard.html");
            screenshot(browser, "shell-contrast-de");
        } finally {
            app.put("/api/settings", "{\"ui.language\": \"en\", \"ui.theme\": \"dark\"}");
        }
    }
}
