package app.ltth.pages;

import java.util.List;

/**
 * A page of the dashboard: its template {@code pages/<name>.jte} (the page's own content), its title, and the
 * scripts and style sheets it adds to the layout's.
 */
public record DashboardPage(String name, String titleKey, List<String> scripts, List<String> styles) {

    public String path() {
        return "/" + name + ".html";
    }

    static DashboardPage of(String name, String titleKey, String... scripts) {
        return new DashboardPage(name, titleKey, List.of(scripts), List.of());
    }
}
