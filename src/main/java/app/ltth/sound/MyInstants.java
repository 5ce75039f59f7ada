package app.ltth.sound;

import app.ltth.files.FileNames;
import app.ltth.files.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MyInstants has no API: its search and trending pages are read with jsoup. Each sound is a {@code div.instant} with
 * a {@code button.small-button} whose onclick is {@code play('/media/sounds/x.mp3', ...)} and an {@code a.instant-link}
 * with the name. A page without them means the layout changed: the result is empty and a warning is logged, never
 * an exception. Sounds are downloaded once into the cache folder, and only from MyInstants' own address.
 */
public final class MyInstants {

    /** A sound: its name, the page it is on and the address of its audio. */
    public record Sound(String name, String page, String url) {
    }

    static final long MAX_BYTES = 5L << 20;
    private static final Logger log = LoggerFactory.getLogger(MyInstants.class);
    private static final Pattern PLAY = Pattern.compile("play\\(\\s*'([^']+\\.mp3)'");

    private final HttpClient http;
    private final Supplier<String> base;
    private final Path cache;

    public MyInstants(HttpClient http, Supplier<String> base, Path cache) {
        this.http = http;
        this.base = base;
        this.cache = cache;
    }

    /** The sounds on a MyInstants page; empty (and a warning logged) when the page has none of them. */
    public static List<Sound> parse(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl);
        List<Sound> sounds = new ArrayList<>();
        for (Element instant : doc.select("div.instant")) {
            Element button = instant.selectFirst("button.small-button[onclick]");
            Element link = instant.selectFirst("a.instant-link");
            if (button == null || link == null) continue;
            Matcher m = PLAY.matcher(button.attr("onclick"));
            if (!m.find()) continue;
            String audio = absolute(baseUrl, m.group(1));
            if (!sameSite(audio, baseUrl)) continue;
            sounds.add(new Sound(link.text().strip(), link.absUrl("href"), audio));
        }
        if (sounds.isEmpty() && doc.select("div.instant").isEmpty()) {
            log.warn("The MyInstants page held no sounds: its layout may have changed ({})", doc.title());
        }
        return List.copyOf(sounds);
    }

    public List<Sound> search(String query) throws IOException, InterruptedException {
        String root = root();
        return parse(fetch(root + "/en/search/?name=" + URLEncoder.encode(query, StandardCharsets.UTF_8)), root);
    }

    public List<Sound> trending() throws IOException, InterruptedException {
        String root = root();
        return parse(fetch(root + "/en/index/us/"), root);
    }

    private String root() {
        String b = base.get();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private String fetch(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("User-Agent", "Mozilla/5.0 LTTH").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("MyInstants answered HTTP " + r.statusCode());
        return r.body();
    }

    /**
     * Downloads a MyInstants sound into the cache (once) and answers its file name. Refuses addresses of other sites.
     */
    public String download(String url) throws IOException, InterruptedException {
        if (!sameSite(url, root())) throw new IllegalArgumentException("Only sounds from MyInstants can be fetched");
        String name = FileNames.portable(URI.create(url).getPath().replaceAll(".*/", "").replaceAll("[^A-Za-z0-9._-]", "_"));
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".mp3")) throw new IllegalArgumentException("Not an mp3 sound");
        Path file = cache.resolve(name);
        if (Files.isRegularFile(file)) return name;
        Files.createDirectories(cache);
        HttpResponse<InputStream> r = sameSiteGet(url);
        Path tmp = Files.createTempFile(cache, "download-", ".part");
        try (InputStream body = r.body()) {
            long size = SafeFiles.copyAtMost(body, tmp, MAX_BYTES);
            if (size <= 0) throw new IOException("The sound is empty or larger than 5 MB");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return name;
    }

    /**
     * GETs {@code url}, following at most three redirects, each only within MyInstants: a redirect to another site is
     * refused, not followed (the client itself never follows one).
     */
    private HttpResponse<InputStream> sameSiteGet(String url) throws IOException, InterruptedException {
        String root = root();
        URI target = URI.create(url);
        for (int hop = 0; hop <= 3; hop++) {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20)).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() == 200) return r;
            r.body().close();
            String location = r.headers().firstValue("Location").orElse(null);
            if (r.statusCode() / 100 != 3 || location == null) {
                throw new IOException("MyInstants answered HTTP " + r.statusCode());
            }
            target = target.resolve(location);
            if (!sameSite(target.toString(), root)) {
                throw new IOException("MyInstants sent the download to another site (" + target.getHost() + "); LTTH "
                        + "fetches sounds only from MyInstants itself");
            }
        }
        throw new IOException("MyInstants redirected the download too often");
    }

    public Path cache() {
        return cache;
    }

    private static String absolute(String base, String path) {
        try {
            return URI.create(base.endsWith("/") ? base : base + "/").resolve(path).toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static boolean sameSite(String url, String base) {
        try {
            URI u = URI.create(url);
            URI b = URI.create(base);
            return u.getHost() != null && u.getHost().equalsIgnoreCase(b.getHost()) && u.getPort() == b.getPort()
                    && ("https".equals(u.getScheme()) || "http".equals(u.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Map<String, Object> json(Sound s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("page", s.page());
        m.put("url", s.url());
        return m;
    }
}
