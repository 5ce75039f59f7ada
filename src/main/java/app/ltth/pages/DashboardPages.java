package app.ltth.pages;

import app.ltth.i18n.Locales;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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

    /**
     * @param language the language setting ({@code auto} or a language code)
     * @param theme    the theme setting
     * @param profile  the open profile's name
     */
    public DashboardPages(Locales locales, Supplier<String> language, Supplier<String> theme, Supplier<String> profile) {
        this.locales = locales;
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
            routes.get(page.path(), ctx -> render(ctx, page));
        }
    }

    private void render(Context ctx, DashboardPage page) {
        String themeName = Page.THEMES.contains(theme.get()) ? theme.get() : Page.THEMES.get(0);
        Page model = new Page(page, locales.texts(Locales.resolve(language.get())), themeName, profile.get());
        StringOutput out = new StringOutput();
        templates.render("pages/" + page.name() + ".jte", model, out);
        ctx.header("Cache-Control", "no-cache");
        ctx.html(out.toString());
    }
}
