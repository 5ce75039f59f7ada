package app.ltth.live.webcast;

import app.ltth.BrowserSuite;
import app.ltth.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/** A fresh app, a fake TikTok and a Chromium for each test: what the dashboard shows while TikTok behaves some way. */
@Tag("browser")
abstract class FakeTikTokBrowserSuite {

    @TempDir
    Path dir;
    FakeTikTok tiktok;
    TestApp app;
    WebDriver browser;

    @BeforeEach
    void startAppTikTokAndBrowser() throws Exception {
        tiktok = new FakeTikTok();
        app = TestApp.start(dir);
        browser = BrowserSuite.chromium(dir);
    }

    @AfterEach
    void stopAppTikTokAndBrowser() {
        if (browser != null) browser.quit();
        if (app != null) app.close();
        if (tiktok != null) tiktok.close();
    }
}
