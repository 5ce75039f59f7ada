package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.obs.FakeObs;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.transport.OSCPortOut;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The OBS, multi-cam, OSC and VDO.Ninja pages in Chromium, against a fake OBS and a local OSC sender. */
class StudioBrowserTest extends BrowserSuite {

    static FakeObs obs;

    @BeforeAll
    static void startObs() throws Exception {
        obs = new FakeObs("s3cret");
    }

    @AfterAll
    static void stopObs() throws Exception {
        if (obs != null) obs.close();
    }

    private static WebDriverWait waiting() {
        return waiting(browser);
    }

    private static void click(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", e);
        e.click();
    }

    /** Clicks what {@code by} finds, looking it up again if the page re-rendered it in between (lists follow OBS live). */
    private static void click(By by) {
        waiting().until(d -> {
            click(d.findElement(by));
            return true;
        });
    }

    private static void type(String css, String text) {
        WebElement e = browser.findElement(By.cssSelector(css));
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void obsIsConnectedFromItsPageAndItsScenesAreButtons() throws Exception {
        browser.get(app.baseUrl() + "/obs.html");
        waiting().until(d -> d.findElement(By.id("obs-scenes")).getText().contains("Connect to OBS"));
        assertThat(browser.findElement(By.cssSelector("[data-output=stream]")).isEnabled()).as("no OBS yet").isFalse();
        type("#obs-form [name=port]", String.valueOf(obs.port()));
        type("#obs-form [name=password]", "wrong");
        click(browser.findElement(By.cssSelector("#obs-form button[type=submit]")));
        waiting().until(d -> d.findElement(By.id("message")).getText().contains("4009"));
        WebElement password = browser.findElement(By.cssSelector("#obs-form [name=password]"));
        assertThat(password.getAttribute("class")).contains("is-invalid");
        assertThat(password.getAttribute("type")).isEqualTo("password");
        waiting().until(d -> d.findElement(By.cssSelector("[data-connection=main]")).getAttribute("data-state").equals("auth_failed"));

        type("#obs-form [name=password]", "s3cret");
        click(browser.findElement(By.cssSelector("#obs-form button[type=submit]")));
        waiting().until(d -> d.findElement(By.cssSelector("[data-scene='Starting']")).getAttribute("class").contains("btn-primary"));
        assertThat(browser.getPageSource()).doesNotContain("s3cret");
        assertThat(browser.findElement(By.cssSelector("[data-output=stream]")).isEnabled()).as("OBS connected").isTrue();
        click(By.cssSelector("[data-scene='Gameplay']"));
        assertThat(obs.next("SetCurrentProgramScene").data().get("sceneName").asText()).isEqualTo("Gameplay");
        // the event from OBS marks the new scene and shows its sources
        waiting().until(d -> d.findElement(By.cssSelector("[data-scene='Gameplay']")).getAttribute("class").contains("btn-primary"));
        click(By.cssSelector("[data-source='Webcam']"));
        assertThat(obs.next("SetSceneItemEnabled").data().get("sceneItemEnabled").asBoolean()).isFalse();
        obs.clickScene("Just Chatting");
        waiting().until(d -> d.findElement(By.cssSelector("[data-scene='Just Chatting']")).getAttribute("class").contains("btn-primary"));

        // the multi-cam page switches between the same OBS's scenes
        assertThat(app.post("/api/plugins/multicam/enable", "").status()).isEqualTo(200);
        browser.get(app.baseUrl() + "/multicam.html");
        WebElement cams = waiting().until(d -> d.findElement(By.id("f-cams")));
        cams.sendKeys("Gameplay\nCam B");
        click(browser.findElement(By.cssSelector("#cam-config button[type=submit]")));
        click(By.cssSelector("#cam-buttons [data-cam='2']"));
        assertThat(obs.next("SetCurrentProgramScene").data().get("sceneName").asText()).isEqualTo("Cam B");
        waiting().until(d -> d.findElement(By.id("cam-history")).getText().contains("Cam B"));
    }

    @Test
    void oscValuesArriveLiveAndVdoNinjaLinksAreReadyToCopy() throws Exception {
        int listen = TestApp.freeUdpPort();
        assertThat(app.put("/api/osc/config", "{\"listenPort\":" + listen + "}").status()).isEqualTo(200);
        browser.get(app.baseUrl() + "/osc.html");
        waiting().until(d -> d.findElement(By.id("osc-off")).isDisplayed());
        assertThat(app.post("/api/plugins/osc/enable", "").status()).isEqualTo(200);
        browser.navigate().refresh();
        waiting().until(d -> d.findElement(By.cssSelector("[data-preset=wave]")).isDisplayed());
        assertThat(browser.findElement(By.id("osc-off")).isDisplayed()).isFalse();
        waiting().until(d -> d.findElement(By.id("osc-status")).getText().contains(String.valueOf(listen)));
        OSCPortOut game = new OSCPortOut(new InetSocketAddress("127.0.0.1", listen));
        game.send(new OSCMessage("/avatar/parameters/<b>Mood</b>", List.of(3)));
        game.close();
        WebElement value = waiting().until(d -> d.findElement(By.cssSelector("#osc-received tr .osc-value")));
        assertThat(value.getText()).isEqualTo("i:3");
        assertThat(browser.findElement(By.cssSelector("#osc-received tr td")).getText()).isEqualTo("/avatar/parameters/<b>Mood</b>");
        type("#osc-send [name=address]", "no slash");
        click(browser.findElement(By.cssSelector("#osc-send button")));
        waiting().until(d -> d.findElement(By.cssSelector("#osc-send [name=address]")).getAttribute("class").contains("is-invalid"));

        browser.get(app.baseUrl() + "/vdoninja.html");
        WebElement director = waiting().until(d -> d.findElement(By.cssSelector("[data-link=director]")));
        String room = browser.findElement(By.id("vdo-room")).getText();
        assertThat(director.getAttribute("value")).startsWith("https://vdo.ninja/?director=" + room);
        type("#f-guests", "Mia\nTom\nKai");
        click(browser.findElement(By.cssSelector("#vdo-config button[type=submit]")));
        WebElement third = waiting().until(d -> d.findElement(By.cssSelector("[data-link='invite-3']")));
        assertThat(third.getAttribute("value")).contains("push=" + room + "g3").contains("label=Kai");

        // The room's password is hidden until asked for: a dashboard shown on stream does not leak it.
        String password = app.get("/api/vdoninja").json().at("/room/password").asText();
        assertThat(password).isNotEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(password);
        for (WebElement link : browser.findElements(By.cssSelector("[data-link]"))) {
            assertThat(link.getAttribute("value")).as(link.getAttribute("data-link")).doesNotContain(password);
        }
        click(browser.findElement(By.id("vdo-show")));
        assertThat(browser.findElement(By.id("vdo-password")).getText()).isEqualTo(password);
        assertThat(browser.findElement(By.cssSelector("[data-link=director]")).getAttribute("value")).contains(password);
        click(browser.findElement(By.id("vdo-show")));
        assertThat(browser.findElement(By.id("vdo-password")).getText()).isNotEqualTo(password);
    }
}
