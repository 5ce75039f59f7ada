package app.ltth.pages;

import app.ltth.i18n.Locales;
import app.ltth.i18n.Texts;
import app.ltth.plugin.PluginManager.PluginPage;
import app.ltth.settings.SettingsRegistry;
import app.ltth.plugin.PluginManager;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dashboard's pages, rendered by the server: one layout (head, header, navigation) around each page's own
 * content, in the streamer's language and theme, so nothing changes once the page is shown. The templates are
 * compiled at build time (src/main/jte); nothing is parsed at start.
 */
public final class DashboardPages {

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Locales locales;
    private final Supplier<String> language;
    private final Supplier<String> theme;
    private final Supplier<String> profile;
    private final PluginManager plugins;
    /** The header's choice of languages, each named in its own words (its locale's name for itself). */
    private final List<Page.Language> languages;

    /**
     * @param language the language setting ({@code auto} or a language code)
     * @param theme    the theme setting
     * @param profile  the open profile's name
     * @param plugins  for the pages of running plugins
     */
    public DashboardPages(Locales locales, Supplier<String> language, Supplier<String> theme, Supplier<String> profile,
                          PluginManager plugins) {
        this.locales = locales;
        this.plugins = plugins;
        this.languages = Locales.LANGUAGES.stream()
                .map(code -> new Page.Language(code, locales.texts(code).get("setting.ui.language." + code))).toList();
        this.language = language;
        this.theme = theme;
        this.profile = profile;
    }

    /** The address of every dashboard page. */
    public static List<String> paths() {
        return Navigation.PAGES.stream().map(DashboardPage::path).toList();
    }

    public void routes(RoutesConfig routes) {
        for (DashboardPage page : Navigation.PAGES) {
            routes.get(page.path(), ctx -> {
                Texts texts = texts();
                send(ctx, "pages/" + page.name() + ".jte", model(page, texts.get(page.titleKey()), texts, null, null));
            });
        }
        routes.get("/plugins/{id}", this::pluginPage);
    }

    /** A running plugin's page.html inside the layout, named after the plugin, its entry in the navigation active. */
    private void pluginPage(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        PluginPage plugin = plugins.page(id).orElseThrow(() -> new NotFoundResponse(
                "Plugin " + id + " has no page here: it is not running, or it brings none"));
        DashboardPage page = new DashboardPage("plugin", "nav.plugins", plugin.scripts(), plugin.styles());
        send(ctx, "plugin.jte", model(page, plugin.name(), texts(), id, plugin.html()));
    }

    private Texts texts() {
        return locales.texts(Locales.resolve(language.get()));
    }

    private Page model(DashboardPage page, String title, Texts texts, String currentPlugin, String pluginHtml) {
        List<String> themes = SettingsRegistry.THEMES;
        String themeName = themes.contains(theme.get()) ? theme.get() : themes.get(0);
        return new Page(page, title, texts, themeName, profile.get(),
                Navigation.links(page, texts, plugins.pages(), currentPlugin), languages, pluginHtml);
    }

    private void send(Context ctx, String template, Page model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.header("Cache-Control", "no-cache");
        ctx.html(out.toString());
    }
}
