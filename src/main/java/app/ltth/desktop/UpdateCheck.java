package app.ltth.desktop;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in look for a newer LTTH (the setting desktop.updateCheck, off by default): one request to the releases
 * address of this build (GitHub's "latest release"), in the background, never blocking the start or a page. Nothing
 * about the streamer is sent; the answer only ever becomes a link on the dashboard. Checked once per start and
 * address, and again when the setting is turned on.
 */
public final class UpdateCheck {

    private static final Logger log = LoggerFactory.getLogger(UpdateCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public enum State { OFF, NO_ADDRESS, CHECKING, CURRENT, NEWER, FAILED }

    /** What the dashboard shows; {@code latest} and {@code url} only once a release was read. */
    public record Status(State state, String current, String latest, String url) {
    }

    record Release(String version, String url) {
    }

    private final String current;
    private HttpClient http;
    private String checkedAddress;
    private volatile Status status;

    public UpdateCheck(String currentVersion) {
        this.current = currentVersion;
        this.status = new Status(State.OFF, currentVersion, null, null);
    }

    public Status status() {
        return status;
    }

    /** Applies the settings: off forgets; on looks once for each releases address (empty: this build has none). */
    public synchronized CompletableFuture<Status> apply(boolean on, String releasesUrl) {
        if (!on) {
            checkedAddress = null;
            status = new Status(State.OFF, current, null, null);
            return CompletableFuture.completedFuture(status);
        }
        if (releasesUrl == null || releasesUrl.isBlank()) {
            checkedAddress = null;
            status = new Status(State.NO_ADDRESS, current, null, null);
            return CompletableFuture.completedFuture(status);
        }
        if (releasesUrl.equals(checkedAddress)) return CompletableFuture.completedFuture(status);
        checkedAddress = releasesUrl;
        status = new Status(State.CHECKING, current, null, null);
        if (http == null) http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(releasesUrl)).timeout(TIMEOUT)
                .header("Accept", "application/vnd.github+json").header("User-Agent", "LTTH/" + current).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            Status found = read(releasesUrl, response, error);
            synchronized (this) {
                if (releasesUrl.equals(checkedAddress)) status = found;
            }
            return found;
        });
    }

    private Status read(String address, HttpResponse<String> response, Throwable error) {
        Optional<Release> release = Optional.empty();
        if (error == null && response.statusCode() == 200) release = latest(response.body());
        if (release.isEmpty()) {
            String why = error != null ? "it did not answer" : response.statusCode() != 200
                    ? "it answered HTTP " + response.statusCode() : "its answer names no release";
            log.info("Could not look for a new LTTH version at {}: {}", address, why);
            return new Status(State.FAILED, current, null, null);
        }
        Release r = release.get();
        boolean newer = compare(r.version(), current) > 0;
        if (newer) log.info("LTTH {} is available (this is {}): {}", r.version(), current, r.url());
        return new Status(newer ? State.NEWER : State.CURRENT, current, r.version(), r.url());
    }

    /** GitHub's release JSON: its tag (the version, "v" dropped) and its web page, which must be https. */
    static Optional<Release> latest(String json) {
        try {
            JsonNode release = Json.MAPPER.readTree(json);
            String tag = release.path("tag_name").asText("").replaceFirst("^[vV]", "");
            String url = release.path("html_url").asText("");
            if (release.path("draft").asBoolean() || !tag.matches("\\d+(\\.\\d+)*([-+][0-9A-Za-z.-]+)?")
                    || !url.toLowerCase(Locale.ROOT).startsWith("https://")) {
                return Optional.empty();
            }
            return Optional.of(new Release(tag, url));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Compares versions number by number (1.10 after 1.9); a version with a suffix ("0.2.0-SNAPSHOT", "1.0-rc1")
     * comes before the same numbers without one; a leading "v" (a tag) is ignored. "dev" (run from the build folder)
     * comes before everything.
     */
    static int compare(String a, String b) {
        a = a.replaceFirst("^[vV]", "");
        b = b.replaceFirst("^[vV]", "");
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (d != 0) return d;
        }
        return Boolean.compare(!suffixed(a), !suffixed(b));
    }

    private static int[] numbers(String version) {
        String numeric = version.split("[-+]", 2)[0];
        if (!numeric.matches("\\d+(\\.\\d+)*")) return new int[0];
        return java.util.Arrays.stream(numeric.split("\\.")).mapToInt(n -> n.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(n)).toArray();
    }

    private static boolean suffixed(String version) {
        return version.contains("-") || !version.split("\\+", 2)[0].matches("\\d+(\\.\\d+)*");
    }
}
