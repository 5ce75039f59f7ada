package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.json.Json;
import app.ltth.pages.DashboardPages;
import app.ltth.web.PageSecurityTest;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page and overlay, in German, Spanish and French: no visible text may be an English text of the locales that
 * the language says differently (a text the page forgot to translate, or one the server made in English).
 */
class LanguagesBrowserTest extends BrowserSuite {

    /** The visible text nodes of the page, leaving out what is marked as not to be translated (language names). */
    private static final String VISIBLE_TEXTS = """
            const out = [];
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
              const text = walk.currentNode.textContent.trim();
              const parent = walk.currentNode.parentElement;
              if (!text || !parent || parent.closest('script, style, [translate=no]')) continue;
              if (!parent.getClientRects().length || getComputedStyle(parent).visibility === 'hidden') continue;
              out.push(text);
            }
            return out;""";

    private static Map<String, String> locale(String lang) throws Exception {
        return Json.MAPPER.readValue(Path.of("locales", lang + ".json").toFile(), new TypeReference<>() { });
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "es", "fr"})
    void noPageOrOverlayShowsEnglishInAnotherLanguage(String lang) throws Exception {
        Map<String, String> en = locale("en");
        Map<String, String> other = locale(lang);
        Set<String> english = new TreeSet<>();
        en.forEach((key, text) -> {
            if (!text.equals(other.get(key)) && !text.contains("{")) english.add(text);
        });
        english.removeAll(other.values());   // the same word can be right in both ("Follow" is German too)
        app.put("/api/settings", "{\"ui.language\": \"" + lang + "\"}");
        try {
            List<String> found = new ArrayList<>();
            for (String path : PageSecurityTest.pagePaths()) {
                boolean overlay = !DashboardPages.paths().contains(path);
                if (path.startsWith("/plugins/")) continue;
                browser.get(app.baseUrl() + path + (overlay ? "?preview=1" : ""));
                waiting(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
                Thread.sleep(700);   // lists and previews fill in from the API
                @SuppressWarnings("unchecked")
                List<String> texts = (List<String>) ((JavascriptExecutor) browser).executeScript(VISIBLE_TEXTS);
                for (String text : texts) if (english.contains(text)) found.add(path + ": " + text);
                if (path.equals("/dashboard.html") || path.equals("/settings.html")) screenshot(browser, "language-" + lang + path.replace('/', '-').replace(".html", ""));
            }
            assertThat(found).as("English texts left in " + lang).isEmpty();
        } finally {
            app.put("/api/settings", "{\"ui.language\": \"en\"}");
        }
    }
}
