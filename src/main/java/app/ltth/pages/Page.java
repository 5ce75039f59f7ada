package app.ltth.pages;

import app.ltth.i18n.Texts;
import app.ltth.json.Json;
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

    static final List<Language> LANGUAGES = List.of(new Language("en", "English"), new Language("de", "Deutsch"),
            new Language("es", "Español"), new Language("fr", "Français"));
    static final List<String> THEMES = List.of("dark", "light", "contrast");

    private final DashboardPage page;
    private final Texts texts;
    private final String theme;
    private final String profile;

    Page(DashboardPage page, Texts texts, String theme, String profile) {
        this.page = page;
        this.texts = texts;
        this.theme = theme;
        this.profile = profile;
    }

    public String t(String key) {
        return texts.get(key);
    }

    public String title() {
        return t(page.titleKey());
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
        return Navigation.links(page, texts);
    }

    public List<Language> languages() {
        return LANGUAGES;
    }

    public List<String> themes() {
        return THEMES;
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
