package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.minecraft.FakeMod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Minecraft page and overlay as a streamer uses them: the bridge turned on, the mod's actions listed, a mapping
 * made in the form and set off by a gift, a test action; the overlay shows what went to the game inside every source
 * size.
 */
class MinecraftBrowserTest extends BrowserSuite {

    private static final int[][] SOURCES = {{800, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}};

    @Test
    void aMappingMadeOnThePageSendsAGiftIntoTheGameAndTheOverlayShowsIt() throws Exception {
        int port = TestApp.freeTcpPort();
        app.put("/api/settings", "{\"minecraft.port\": " + port + "}");
        browser.get(app.baseUrl() + "/minecraft.html");
        waiting(browser).until(d -> "off".equals(d.findElement(By.id("mc-state")).getAttribute("data-state")));
        browser.findElement(By.id("mc-toggle")).click();
        waiting(browser).until(d -> "waiting".equals(d.findElement(By.id("mc-state")).getAttribute("data-state")));
        try (FakeMod mod = new FakeMod(port, "")) {
            waiting(browser).until(d -> "connected".equals(d.findElement(By.id("mc-state")).getAttribute("data-state")));
            waiting(browser).until(d -> d.findElements(By.cssSelector("#mc-mod-actions [data-mod-action]")).size() == 3);

            browser.findElement(By.id("mc-add")).click();
            WebElement row = browser.findElement(By.cssSelector("#mc-rows .bridge-mapping"));
            new Select(row.findElement(By.name("on"))).selectByValue("gift");
            row.findElement(By.name("gift")).sendKeys("Rose");
            row.findElement(By.name("action")).sendKeys("spawn_entity");
            row.findElement(By.name("params")).sendKeys("entity = creeper\nname = {nickname}");
            browser.findElement(By.cssSelector("#mc-config button[type='submit']")).click();
            waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("The Minecraft mappings are saved."));
            JsonNode saved = app.get("/api/minecraft/config").json().at("/mappings/0");
            assertThat(saved.get("gift").asText()).isEqualTo("Rose");
            assertThat(saved.at("/params/name").asText()).isEqualTo("{nickname}");

            WebElement lightning = browser.findElement(By.cssSelector("#mc-mod-actions [data-mod-action='lightning'] button"));
            app.simulate("{\"type\":\"gift\",\"user\":\"anna\",\"nickname\":\"Anna\",\"giftName\":\"Rose\",\"coins\":1,\"count\":1,\"streakable\":false}");
            JsonNode sent = mod.next();
            assertThat(sent.at("/params/entity").asText()).isEqualTo("creeper");
            assertThat(sent.at("/params/name").asText()).isEqualTo("Anna");
            waiting(browser).until(d -> d.findElement(By.id("mc-recent")).getText().contains("spawn_entity"));
            lightning.click();   // the same button: the status of the gift's action did not replace the mod's actions
            assertThat(mod.next().get("action").asText()).isEqualTo("lightning");
            waiting(browser).until(d -> d.findElement(By.id("mc-recent")).getText().contains("lightning"));
            screenshot(browser, "minecraft");

            // The overlay in every source size: the pill and an action, inside the source.
            List<String> outside = new ArrayList<>();
            try {
                for (int[] size : SOURCES) {
                    OverlayFitBrowserTest.browserSource(size[0], size[1]);
                    browser.get(app.baseUrl() + "/overlays/minecraft.html?seconds=30");
                    waiting(browser).until(d -> !d.findElement(By.id("mc-status")).getText().isEmpty());
                    assertThat(browser.findElement(By.id("mc-status")).getText()).isEqualTo("Minecraft connected");
                    app.post("/api/minecraft/run", "{\"action\":\"spawn_entity\",\"params\":{\"entity\":\"a_very_long_mob_name_for_the_overlay\","
                            + "\"count\":\"3\"}}");
                    waiting(browser).until(d -> !d.findElements(By.cssSelector(".mc-action")).isEmpty());
                    mod.next();
                    assertThat(browser.findElement(By.cssSelector(".mc-what")).getText()).as("the parameters in the streamer's order")
                            .isEqualTo("spawn_entity: a_very_long_mob_name_for_the_overlay · 3");
                    Thread.sleep(600);
                    @SuppressWarnings("unchecked")
                    List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(OverlayFitBrowserTest.OUTSIDE);
                    for (String f : found) outside.add(size[0] + "x" + size[1] + " " + f);
                    screenshot(browser, "fit-" + size[0] + "x" + size[1] + "-minecraft");
                }
            } finally {
                OverlayFitBrowserTest.windowAsBefore();
            }
            assertThat(outside).isEmpty();
        }
        app.post("/api/plugins/minecraft/disable", "");
    }
}
