package app.ltth;

import app.ltth.config.AppConfig;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole app, started on free ports with its own data folder and no live source, so a test sees exactly the
 * events it injects. Every integration test uses it.
 */
public final class TestApp implements AutoCloseable {

    private final App app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private TestApp(App app) {
        this.app = app;
    }

    public static TestApp start(Path dir) throws Exception {
        return start(new AppConfig(0, 0, dir, dir, Optional.empty(), false, false, false));
    }

    public static TestApp start(AppConfig config) throws Exception {
        return new TestApp(App.start(config));
    }

    public App app() {
        return app;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    public String socketUrl() {
        return "http://127.0.0.1:" + app.socketPort();
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    public Response post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String body, String origin) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "text/plain")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE());
    }

    public byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new IOException(path + " answered " + response.statusCode());
        return response.body();
    }

    /** A POST without a body whose answer is a file (a zip, say). */
    public byte[] postForBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new IOException(path + " answered " + response.statusCode());
        return response.body();
    }

    /** A multipart/form-data POST with one file field and optional text fields. */
    public Response upload(String path, String field, byte[] file, java.util.Map<String, String> fields)
            throws IOException, InterruptedException {
        return upload(path, field, "upload.zip", file, fields);
    }

    public Response upload(String path, String field, String filename, byte[] file, java.util.Map<String, String> fields)
            throws IOException, InterruptedException {
        String boundary = "ltth-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Points TikTok's hosts at a closed local port, so connecting fails at once, without any network. */
    public void unreachableTikTok() throws Exception {
        String base = "http://127.0.0.1:" + freeTcpPort();
        put("/api/settings", "{\"tiktok.livePageUrl\":\"" + base + "/@{user}/live\",\"tiktok.apiLiveUrl\":\"" + base
                + "/api?u={user}\",\"tiktok.signUrl\":\"" + base + "/sign?room={roomId}\"}");
    }

    /** Injects one event (see EventInjector for the fields). */
    public void simulate(String json) throws Exception {
        Response r = post("/api/events/simulate", json);
        if (r.status() != 202) throw new AssertionError("simulate refused: " + r.body());
    }

    /** Injects a streak of {@code count} gifts from one user: updates, then the end. */
    public void giftStreak(String user, String nickname, String gift, int coins, int count, long group) throws Exception {
        for (int c = 1; c <= count; c++) {
            String json = Json.MAPPER.createObjectNode().put("type", "gift").put("user", user).put("nickname", nickname)
                    .put("giftName", gift).put("coins", coins).put("count", c).put("groupId", group)
                    .put("repeatEnd", c == count).toString();
            simulate(json);
        }
    }

    /** A TCP port on this computer that was free a moment ago: nothing listens, so connecting fails at once. */
    public static int freeTcpPort() throws java.io.IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** A UDP port on 127.0.0.1 that was free a moment ago (for OSC peers). */
    public static int freeUdpPort() throws java.io.IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits up to 10 s for a condition that something else brings about. */
    public static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(20);
        }
    }

    /** Waits until everything published so far is stored in the event log. */
    public void awaitStored() throws InterruptedException {
        long published = app.bus().stats().published();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (app.bus().stats().delivered() < published) {
            if (System.nanoTime() > deadline) throw new AssertionError("bus did not deliver within 10 s");
            Thread.sleep(5);
        }
        app.eventLog().flush();
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(http, request);
    }

    /** Sends with a 10 s timeout; what {@link AppProcess} uses too. */
    static Response send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type"));
    }

    @Override
    public void close() {
        app.close();
    }

    public record Response(int status, String body, Optional<String> contentType) {
        public JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }
    }
}
