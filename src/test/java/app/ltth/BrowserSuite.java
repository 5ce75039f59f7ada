package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One app and one headless Chromium for a browser test class: started before its first test, stopped after its
 * last. Debian's Chromium, driven by its own chromedriver (never a downloaded one); scripts/test.sh installs both.
 * Test classes run one after the other, so the fields are theirs for the class's run.
 */
@Tag("browser")
public abstract class BrowserSuite {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    protected static Path dir;
    protected static TestApp app;
    protected static WebDriver browser;

    @BeforeAll
    static void startAppAndBrowser() throws Exception {
        app = TestApp.start(dir);
        browser = chromium(dir);
    }

    @AfterAll
    static void stopAppAndBrowser() {
        if (browser != null) browser.quit();
        if (app != null) app.close();
        browser = null;
        app = null;
    }

    /** Headless Debian Chromium with a fresh profile in {@code dir}. */
    public static WebDriver chromium(Path dir) throws IOException {
        assertThat(new File(CHROMEDRIVER)).as("chromium-driver is installed (scripts/test.sh installs it)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1600,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        // The console, so a test can see what the page policy refused.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Scrolls an element to the middle of the window first: a message bar at the bottom can cover it otherwise. */
    public static void clickCentered(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block:'center', behavior:'instant'})", element);
        element.click();
    }

    /** Saves what the page looks like to target/screenshots/NAME.png, for a person to look at. */
    public static Path screenshot(WebDriver browser, String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Waits up to 15 s; pages re-render lists, so an element that went stale is simply looked up again. */
    public static WebDriverWait waiting(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
