package app.ltth.staying;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every REST route, with thousands of malformed bodies, path values and query parameters: LTTH answers each with a
 * 2xx, 3xx or 4xx, never a 5xx, and keeps running. (Routes that end the app or wait for TikTok are left out: they
 * do what they should with any body.)
 */
@Tag("staying")
class RestFuzzTest {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}|<[^>]+>");
    private static final List<String> PATH_VALUES = List.of("x", "0", "-1", "99999999999999999999", "..%2F..%2Fetc%2Fpasswd",
            "%27%20OR%201%3D1%20--", "%F0%9F%8E%89", "a".repeat(3000), "null", "%3Cscript%3E", ".", "default", "1.5e308");
    private static final List<String> BODIES = List.of("", "null", "[]", "{}", "{", "}", "123", "\"text\"", "true",
            "{\"a\":", "[1,2,", "{\"name\":null}", "\u0000\u0001\u0002", "{\"x\":1e999999}", "-0", "NaN",
            "[" .repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
            "{\"name\":\"" + "é".repeat(100_000) + "\"}", "\uFEFF{}", "{\"__proto__\":{\"admin\":true}}");
    private static final List<String> FIELDS = List.of("name", "type", "id", "enabled", "target", "value", "user", "text",
            "comment", "coins", "count", "seconds", "url", "host", "port", "password", "scene", "source", "profile", "rate",
            "trigger", "actions", "conditions", "event", "metric", "op", "preset", "address", "args", "gifts", "volume",
            "voice", "engine", "username", "speed", "file", "mode", "maxLength", "overflow", "limit", "offset", "key");
    /** Routes that stop or restart LTTH, or would wait on TikTok's servers, are not fuzzed. */
    private static final Pattern LEFT_OUT = Pattern.compile(".*(shutdown|quit|restart|/api/connect).*");

    @TempDir
    Path dir;

    @Test
    void malformedRequestsGetFourHundredsNeverAFiveHundred() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.unreachableTikTok();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> routes = app.app().web().routes().stream()
                    .filter(r -> r.matches("(GET|POST|PUT|DELETE|PATCH) /api/.*") && !LEFT_OUT.matcher(r).matches()).toList();
            assertThat(routes).hasSizeGreaterThan(50);
            Random random = new Random(2026);
            List<String> failures = new ArrayList<>();
            int requests = 0;
            for (String route : routes) {
                String method = route.substring(0, route.indexOf(' '));
                String template = route.substring(route.indexOf(' ') + 1);
                List<String[]> cases = new ArrayList<>();
                for (String value : PATH_VALUES) cases.add(new String[] {fill(template, value), randomJson(random)});
                for (String body : BODIES) cases.add(new String[] {fill(template, "x"), body});
                for (int i = 0; i < 10; i++) cases.add(new String[] {fill(template, "x") + query(random), randomJson(random)});
                for (String[] c : cases) {
                    String status = check(http, app.baseUrl(), method, c[0], c[1]);
                    requests++;
                    if (status != null) failures.add(status + " " + method + " " + abbreviate(c[0]) + " body " + abbreviate(c[1]));
                }
            }
            System.out.printf("fuzz: %d requests to %d routes, %d answered 5xx%n", requests, routes.size(), failures.size());
            assertThat(requests).isGreaterThan(2_000);
            assertThat(failures).as("requests answered with a 5xx or not at all").isEmpty();
            assertThat(app.get("/api/health").status()).as("still running").isEqualTo(200);
        }
    }

    /**
     * @return what is wrong with the answer, or null. A 502 or 504 is right when the route asks another program or
     * service (MyInstants, OBS) that cannot be reached, and says so in a JSON error.
     */
    private static String check(HttpClient http, String base, String method, String path, String body) throws Exception {
        HttpResponse<String> response;
        try {
            response = send(http, base, method, path, body);
        } catch (java.io.IOException e) {
            return "no answer (" + e.getMessage() + ")";
        }
        int code = response.statusCode();
        boolean gateway = (code == 502 || code == 504) && response.body().contains("\"error\"");
        return code >= 500 && !gateway ? String.valueOf(code) : null;
    }

    private static HttpResponse<String> send(HttpClient http, String base, String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method.equals("HEAD") ? "GET" : method, publisher).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String fill(String template, String value) {
        return PATH_PARAM.matcher(template).replaceAll(Matcher.quoteReplacement(value));
    }

    private static String query(Random random) {
        StringBuilder q = new StringBuilder("?");
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            q.append(FIELDS.get(random.nextInt(FIELDS.size()))).append('=')
                    .append(URLEncoder.encode(scalar(random), StandardCharsets.UTF_8)).append('&');
        }
        return q.toString();
    }

    /** An object with known field names and values of any type: the kind of mistake a page or a script makes. */
    static String randomJson(Random random) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) json.append(',');
            json.append('"').append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":").append(value(random, 0));
        }
        return json.append('}').toString();
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextInt(3) == 0 ? Long.MAX_VALUE : random.nextInt(2_000_001) - 1_000_000);
            case 3 -> String.valueOf(random.nextDouble() * (random.nextBoolean() ? 1e300 : -1));
            case 4, 5 -> '"' + scalar(random).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            case 6 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
            default -> "{\"" + FIELDS.get(random.nextInt(FIELDS.size())) + "\":" + value(random, depth + 1) + "}";
        };
    }

    private static String scalar(Random random) {
        List<String> odd = List.of("", " ", "-1", "0", "abc", "<script>alert(1)</script>", "../../etc/passwd",
                "http://169.254.169.254/", "🎉🎉", "x".repeat(2_000), "1e400", "NaN", "true", "' OR 1=1 --", "%00", "\t\n");
        return odd.get(random.nextInt(odd.size()));
    }

    private static String abbreviate(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "..." : body;
    }
}
