package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Each of the goal overlay's six templates draws its progress and stays inside the smallest and the portrait source. */
class GoalTemplatesBrowserTest extends BrowserSuite {

    private static final List<String> KINDS = List.of("bar", "ring", "counter", "pill", "band", "thermometer");
    private static final int[][] SOURCES = {{800, 600}, {1920, 1080}, {1080, 1920}};

    @Test
    void everyTemplateShowsItsProgressInsideTheSource() throws Exception {
        assertThat(app.get("/api/goals").json().get("kinds")).extracting(k -> k.asText()).containsExactlyElementsOf(KINDS);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String kind : KINDS) {
            String id = app.post("/api/goals", "{\"name\":\"Roses for the " + kind + " template\",\"metric\":\"custom\","
                    + "\"target\":25000,\"style\":{\"kind\":\"" + kind + "\",\"color\":\"#ff0050\"}}").json().get("id").asText();
            app.post("/api/goals/" + id + "/set", "{\"value\": 10000}");
            ids.put(kind, id);
        }
        List<String> outside = new ArrayList<>();
        try {
            for (int[] size : SOURCES) {
                OverlayFitBrowserTest.browserSource(size[0], size[1]);
                for (Map.Entry<String, String> goal : ids.entrySet()) {
                    browser.get(app.baseUrl() + "/overlays/goal.html?id=" + goal.getValue());
                    WebElement view = waiting(browser).until(d -> d.findElement(By.cssSelector(".goal-" + goal.getKey())));
                    waiting(browser).until(d -> "10000".equals(view.getAttribute("data-current")));
                    Thread.sleep(700);   // the fill has moved
                    assertThat(view.getText()).as(goal.getKey()).contains("Roses for the " + goal.getKey());
                    if (!goal.getKey().equals("counter")) assertThat(view.getText()).as(goal.getKey()).containsAnyOf("40%", "10,000");
                    String fill = (String) ((JavascriptExecutor) browser).executeScript(
                            "const f = document.querySelector('.goal-fill'); return f ? f.style.width || f.style.height : '40%'");
                    assertThat(fill).as(goal.getKey()).isEqualTo("40%");
                    @SuppressWarnings("unchecked")
                    List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(OverlayFitBrowserTest.OUTSIDE);
                    for (String f : found) outside.add(size[0] + "x" + size[1] + " " + goal.getKey() + " " + f);
                    if (size[0] == 1920) screenshot(browser, "goal-template-" + goal.getKey());
                }
            }
        } finally {
            OverlayFitBrowserTest.windowAsBefore();
            for (String id : ids.values()) app.delete("/api/goals/" + id);
        }
        assertThat(outside).isEmpty();
    }
}
