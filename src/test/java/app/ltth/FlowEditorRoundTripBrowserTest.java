package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every trigger, condition and action type, opened in the flow editor and saved without a change, comes back as the
 * same JSON: nothing dropped, no number turned into text, fields the editor does not know kept.
 */
class FlowEditorRoundTripBrowserTest extends BrowserSuite {

    private static final String ACTIONS = """
            [{"type": "alert", "text": "Hi {nickname}", "seconds": 7, "sound": "/sounds/gift.wav", "media": "/media/x.gif",
              "future": {"x": 1}},
             {"type": "sound", "sound": "/sounds/like.wav"},
             {"type": "tts", "text": "Thanks {nickname}", "voice": "local:en"},
             {"type": "overlayText", "text": "<b>{nickname}</b>", "seconds": 4},
             {"type": "overlayImage", "url": "https://example.com/a.png", "seconds": 3},
             {"type": "overlayVideo", "url": "/media/clip.mp4"},
             {"type": "overlayEvent", "event": "confetti", "data": {"count": 3, "who": "{nickname}"}},
             {"type": "goal", "goal": "Roses", "op": "set", "value": "{coins}"},
             {"type": "goal", "goal": "Roses", "value": 5},
             {"type": "obsScene", "scene": "Main", "connection": ""},
             {"type": "obsSource", "scene": "Main", "source": "Cam", "visible": true},
             {"type": "obsFilter", "source": "Cam", "filter": "Blur", "enabled": "toggle"},
             {"type": "osc", "preset": "wave"},
             {"type": "osc", "address": "/avatar/parameters/Big", "args": "b:true"},
             {"type": "webhook", "url": "https://example.com/hook", "method": "PUT", "body": {"user": "{username}"},
              "contentType": "application/json", "timeoutSeconds": 5},
             {"type": "variable", "name": "count", "op": "add", "value": 1},
             {"type": "wait", "seconds": 1.5},
             {"type": "runFlow", "flow": "some-flow"},
             {"type": "log", "line": "{nickname} gave {coins}", "file": "gifts"},
             {"type": "plugin", "action": "hello.say", "input": {"text": "hi"}}]""";

    private static final String CONDITIONS = """
            {"all": [{"field": "comment", "op": "contains", "value": "hi"}, {"field": "coins", "op": "in", "value": [1, 5, 10]},
              {"minCoins": 100}, {"gift": "Rose"}, {"field": "giftName", "value": "Rose"}, {"user": ["anna", "ben"]}, {"userIs": "subscriber"},
              {"teamLevelAtLeast": 2}, {"chance": 0.5}, {"timeBetween": ["18:00", "23:30"]},
              {"not": {"any": [{"field": "username", "op": "exists"}, {"field": "giftCount", "op": ">=", "value": "5"}]}}]}""";

    private static String flow(String name, String trigger, String conditions, String extra) {
        return "{\"name\": \"" + name + "\", \"trigger\": " + trigger + (conditions == null ? "" : ", \"conditions\": " + conditions)
                + extra + ", \"actions\": " + ACTIONS + "}";
    }

    private static void click(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", e);
        e.click();
    }

    @Test
    void everyTypeSavedAndReopenedGivesIdenticalJson() throws Exception {
        String goal = app.post("/api/goals", "{\"name\":\"Roses\",\"target\":100}").json().get("id").asText();
        List<String> ids = new ArrayList<>();
        for (String json : List.of(
                flow("All actions and conditions", "{\"type\": \"event\", \"event\": \"gift\"}", CONDITIONS,
                        ", \"mode\": \"random\", \"queue\": \"vip\", \"cooldownSeconds\": 0, \"maxRunsPerMinute\": 10, \"note\": \"kept\""),
                flow("Connection", "{\"type\": \"connection\", \"state\": \"live\"}", "{\"minCoins\": 5}", ""),
                flow("Every minute", "{\"type\": \"timer\", \"everySeconds\": 60}", "{\"not\": {\"gift\": \"Rose\"}}", ""),
                flow("Evenings", "{\"type\": \"timer\", \"at\": \"20:00\", \"days\": [\"FRIDAY\", \"SATURDAY\"]}",
                        "{\"not\": {\"all\": [{\"chance\": 0.1}]}}", ""),
                flow("By hand", "{\"type\": \"manual\"}", "{\"any\": []}", ", \"enabled\": false"),
                flow("Hook", "{\"type\": \"webhook\"}", null, ""),
                flow("Goal reached", "{\"type\": \"goal\", \"goal\": \"" + goal + "\", \"on\": \"progress\"}", null, ""),
                flow("Any goal", "{\"type\": \"goal\"}", null, ""),
                flow("Plugin", "{\"type\": \"plugin\", \"trigger\": \"hello.tick\"}", null, ""),
                flow("Deck", "{\"type\": \"custom\", \"name\": \"deck.scene\"}", "{\"field\": \"scene\", \"value\": \"Intro\"}", ""),
                flow("Any program", "{\"type\": \"custom\"}", null, ""),
                flow("Hugs", "{\"type\": \"command\", \"name\": \"hug\"}", "{\"any\": [{\"command\": \"hug\"}, {\"user\": \"anna\"}]}", ""))) {
            TestApp.Response created = app.post("/api/flows", json);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(created.json().at("/flow/id").asText());
        }
        try {
            browser.get(app.baseUrl() + "/flows.html");
            for (String id : ids) {
                JsonNode before = app.get("/api/flows/" + id).json().get("flow");
                WebElement link = waiting(browser).until(d -> d.findElement(By.cssSelector("[data-flow='" + id + "'] a")));
                click(link);
                waiting(browser).until(d -> d.findElement(By.id("editor-id")).getText().equals(id));
                assertThat(browser.findElements(By.cssSelector("#editor .is-invalid"))).isEmpty();
                if (before.get("name").asText().equals("Goal reached")) {
                    assertThat(new Select(browser.findElement(By.cssSelector("[data-path='trigger.goal']")))
                            .getFirstSelectedOption().getText()).isEqualTo("Roses");
                    screenshot(browser, "flow-editor-goal-trigger");
                }
                if (before.get("name").asText().startsWith("All actions")) screenshot(browser, "flow-editor-all-types");
                ((JavascriptExecutor) browser).executeScript("document.getElementById('message').className = 'd-none'");
                click(browser.findElement(By.id("save-flow")));
                waiting(browser).until(d -> d.findElement(By.id("message")).getAttribute("class").contains("alert-success"));
                JsonNode after = app.get("/api/flows/" + id).json().get("flow");
                assertThat(after).as(before.get("name").asText()).isEqualTo(before);
            }
        } finally {
            for (String id : ids) app.delete("/api/flows/" + id);
            app.delete("/api/goals/" + goal);
        }
    }

    @Test
    void triggersConditionsAndActionsReadAsWordsAndGoalTriggersAreMade() throws Exception {
        app.put("/api/settings", "{\"ui.language\": \"de\"}");
        String goal = app.post("/api/goals", "{\"name\":\"Rosen\",\"target\":100}").json().get("id").asText();
        try {
            browser.get(app.baseUrl() + "/flows.html");
            waiting(browser).until(d -> d.findElements(By.cssSelector("#actions .action-row")).size() == 1);
            assertThat(new Select(browser.findElement(By.cssSelector(".action-type select"))).getFirstSelectedOption().getText())
                    .isEqualTo("Text im Overlay");
            click(browser.findElement(By.id("add-condition")));
            Select kind = new Select(browser.findElement(By.cssSelector(".condition-kind")));
            assertThat(kind.getFirstSelectedOption().getText()).isEqualTo("mindestens … Münzen");
            kind.selectByValue("field");
            assertThat(new Select(browser.findElement(By.cssSelector("[data-path='conditions.all[0].op']")))
                    .getOptions()).extracting(WebElement::getText).contains("enthält", "ist eines von (a, b, c)");

            browser.findElement(By.id("flow-name")).sendKeys("Ziel geschafft");
            new Select(browser.findElement(By.id("trigger-type"))).selectByValue("goal");
            new Select(browser.findElement(By.cssSelector("[data-path='trigger.goal']"))).selectByVisibleText("Rosen");
            new Select(browser.findElement(By.cssSelector("[data-path='conditions.all[0].op']"))).selectByValue("exists");
            Select action = new Select(browser.findElement(By.cssSelector(".action-type select")));
            action.selectByValue("alert");
            WebElement text = browser.findElement(By.cssSelector("[data-path='actions[0].text']"));
            text.sendKeys("Geschafft!");
            WebElement sound = browser.findElement(By.cssSelector("[data-path='actions[0].sound']"));
            assertThat(sound.getAttribute("list")).isEqualTo("pick-sounds");
            sound.sendKeys("/sounds/subscribe.wav");
            click(browser.findElement(By.id("save-flow")));
            waiting(browser).until(d -> d.findElement(By.id("editor-id")).getText().startsWith("flow-"));
            JsonNode saved = app.get("/api/flows/" + browser.findElement(By.id("editor-id")).getText()).json().get("flow");
            assertThat(saved.get("trigger")).isEqualTo(Json.MAPPER.readTree("{\"type\":\"goal\",\"goal\":\"" + goal + "\"}"));
            assertThat(saved.at("/actions/0/sound").asText()).isEqualTo("/sounds/subscribe.wav");
            app.delete("/api/flows/" + saved.get("id").asText());
        } finally {
            app.delete("/api/goals/" + goal);
            app.put("/api/settings", "{\"ui.language\": \"en\"}");
        }
    }
}
