package app.ltth.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.pages.DashboardPages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every answer carries the page policy; the API answers reads only from LTTH's own pages and local programs. */
public class PageSecurityTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The page files: the overlays in public/ and the example plugin's pages. */
    static List<Path> pageFiles() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (Path root : List.of(Path.of("public"), Path.of("examples"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".html") && !p.toString().contains("target")).forEach(pages::add);
            }
        }
        return pages;
    }

    /** The address of every page LTTH serves: the files in public/ and the dashboard pages it renders. */
    public static List<String> pagePaths() throws IOException {
        List<String> paths = new ArrayList<>(DashboardPages.paths());
        for (Path page : pageFiles()) {
            if (page.startsWith("public")) paths.add("/" + Path.of("public").relativize(page).toString().replace('\\', '/'));
        }
        return paths;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noPageHasAnInlineScriptOrHandler() throws Exception {
        List<String> found = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        for (Path page : pageFiles()) docs.add(Jsoup.parse(page.toFile(), "UTF-8", page.toString()));
        for (String path : DashboardPages.paths()) docs.add(Jsoup.parse(get(path).body(), path));
        for (Document doc : docs) {
            String page = doc.location();
            // Data for scripts (the page's texts) is not run, so the policy has nothing to say about it.
            for (Element script : doc.select("script:not([type=application/json])")) {
                if (!script.hasAttr("src")) found.add(page + ": inline <script>");
            }
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    if (a.getKey().toLowerCase().startsWith("on")) found.add(page + ": " + a.getKey() + " on <" + e.tagName() + ">");
                    if (a.getValue().trim().toLowerCase().startsWith("javascript:")) found.add(page + ": javascript: URL");
                }
            }
        }
        assertThat(docs).hasSizeGreaterThan(25);
        assertThat(found).isEmpty();
    }

    @Test
    void everyPageAnswersWithThePolicyAndOnlyDashboardPagesRefuseForeignFrames() throws Exception {
        for (String path : pagePaths()) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self';", "object-src 'none'", "base-uri 'none'",
                    "connect-src 'self' ws://127.0.0.1:" + app.app().socketPort());
            assertThat(csp).as(path).doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            boolean overlay = path.startsWith("/overlays/") || path.equals("/overlay.html");
            if (overlay) {
                assertThat(csp).as(path).doesNotContain("frame-ancestors");
                assertThat(response.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
            } else {
                assertThat(csp).as(path).contains("frame-ancestors 'self'");
                assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("SAMEORIGIN");
            }
        }
        HttpResponse<String> api = get("/api/status");
        assertThat(api.headers().firstValue("Cross-Origin-Resource-Policy")).contains("same-origin");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void theApiAnswersReadsOnlyFromItsOwnPagesTheStreamerAndLocalPrograms() throws Exception {
        String export = "/api/profiles/default/export";
        for (String site : List.of("same-site", "cross-site")) {
            HttpResponse<String> refused = get(export, "Sec-Fetch-Site", site);
            assertThat(refused.statusCode()).as(site).isEqualTo(403);
            assertThat(refused.body()).as(site).contains("own pages").doesNotContain("PK");
        }
        assertThat(get("/api/plugins", "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
        assertThat(get(export, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        assertThat(get(export, "Sec-Fetch-Site", "none").statusCode()).isEqualTo(200);
        assertThat(get(export).statusCode()).as("a local program sends no such header").isEqualTo(200);
        // Pages may be opened from a link anywhere.
        assertThat(get("/dashboard.html", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
    }
}
