package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.web.PageSecurityTest;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** LTTH's pages in Chromium under their content policy, and a page on another local port trying to frame them. */
class PageSecurityBrowserTest extends BrowserSuite {

    @Test
    void everyPageRunsUnderItsPolicyWithoutAViolation() throws Exception {
        List<String> paths = PageSecurityTest.pagePaths();
        List<String> violations = new ArrayList<>();
        for (String path : paths) {
            browser.get(app.baseUrl() + path + (path.contains("overlay") ? "?preview=1" : ""));
            // Every page loads a script of its own; its first work shows in the DOM or, for overlays, in the title.
            waiting(browser).until(d -> "complete".equals(
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
            Thread.sleep(300);
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getMessage().contains("Content Security Policy")) violations.add(path + ": " + entry.getMessage());
            }
        }
        assertThat(paths).hasSizeGreaterThan(20);
        assertThat(violations).isEmpty();
    }

    @Test
    void anExportCarriesTheKeysOnlyWhenTheStreamerTicksTheBox() throws Exception {
        browser.get(app.baseUrl() + "/profiles.html");
        org.openqa.selenium.WebElement link = waiting(browser).until(d -> d.findElement(By.cssSelector(".export-link")));
        org.openqa.selenium.WebElement box = browser.findElement(By.id("export-keys"));
        assertThat(browser.findElement(By.cssSelector("label[for=export-keys]")).getText())
                .isEqualTo("Include keys and passwords in exports");
        assertThat(box.isSelected()).as("off unless ticked").isFalse();
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        // The click handler sets the address; the download itself is not needed here.
        String clickWithoutLeaving = "arguments[0].addEventListener('click', e => e.preventDefault(), {once: true});"
                + "arguments[0].click(); return arguments[0].getAttribute('href');";
        assertThat((String) js.executeScript(clickWithoutLeaving, link)).endsWith("/export");
        box.click();
        assertThat((String) js.executeScript(clickWithoutLeaving, link)).endsWith("/export?includeKeys=true");
        screenshot(browser, "profiles-export-keys");
        box.click();
        assertThat((String) js.executeScript(clickWithoutLeaving, link)).endsWith("/export");
    }

    @Test
    void aPageOnAnotherLocalPortCannotFrameThePluginsPageButCanFrameAnOverlay() throws Exception {
        HttpServer foreign = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!doctype html><title>Win a prize</title>"
                + "<iframe id=plugins src='" + app.baseUrl() + "/plugins.html' width=800 height=400></iframe>"
                + "<iframe id=overlay src='" + app.baseUrl() + "/overlays/chat.html' width=800 height=400></iframe>")
                .getBytes(StandardCharsets.UTF_8);
        foreign.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        foreign.start();
        try {
            browser.get("http://127.0.0.1:" + foreign.getAddress().getPort() + "/");
            waiting(browser).until(d -> {
                d.switchTo().defaultContent();
                d.switchTo().frame("overlay");
                return !d.findElements(By.id("chat")).isEmpty();
            });
            browser.switchTo().defaultContent();
            browser.switchTo().frame("plugins");
            assertThat(browser.findElements(By.id("plugin-list"))).as("the framed Plugins page").isEmpty();
            browser.switchTo().defaultContent();
            screenshot(browser, "security-foreign-frame");
        } finally {
            browser.switchTo().defaultContent();
            foreign.stop(0);
        }
    }
}
