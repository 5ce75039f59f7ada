package app.ltth.pages;

import app.ltth.i18n.Texts;
import app.ltth.json.Json;
import app.ltth.settings.SettingsRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the layout needs to render one page: the page, its language's texts, the theme, the open profile and the
 * navigation. Templates call {@link #t(String)} for every text a person sees.
 */
public final class Page {

    /** A language in the header's choice, named in its own language. */
    public record Language(String code, String name) {
    }

    /** One link of the side navigation: the current page's is active. */
    public record Link(String href, String label, boolean active) {
    }


    private final DashboardPage page;
    private final String title;
    private final Texts texts;
    private final String theme;
    private final String profile;
    private final List<Link> navigation;
    private final List<Language> languages;
    private final String pluginHtml;

    /**
     * @param pluginHtml the content of a plugin's page (its page.html), or null for LTTH's own pages, whose content
     *                   is their template
     */
    Page(DashboardPage page, String title, Texts texts, String theme, String profile, List<Link> navigation,
         List<Language> languages, String pluginHtml) {
        this.page = page;
        this.title = title;
        this.texts = texts;
        this.theme = theme;
        this.profile = profile;
        this.navigation = navigation;
        this.languages = languages;
        this.pluginHtml = pluginHtml;
    }

    public String t(String key) {
        return texts.get(key);
    }

    public String title() {
        return title;
    }

    /** A plugin's page content: the plugin runs inside LTTH with the streamer's consent, so its page is trusted alike. */
    public String pluginHtml() {
        return pluginHtml;
    }

    public String language() {
        return texts.language();
    }

    public String theme() {
        return theme;
    }

    public String profile() {
        return profile;
    }

    public List<String> scripts() {
        return page.scripts();
    }

    public List<String> styles() {
        return page.styles();
    }

    public List<Link> navigation() {
        return navigation;
    }

    public List<Language> languages() {
        return languages;
    }

    public List<String> themes() {
        return SettingsRegistry.THEMES;
    }

    /**
     * The texts for the page's scripts, as JSON that can stand inside a {@code <script type="application/json">}:
     * no {@code <} in it, so no text can close the element.
     */
    public String textsJson() {
        try {
            return Json.MAPPER.writeValueAsString(texts.all()).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
