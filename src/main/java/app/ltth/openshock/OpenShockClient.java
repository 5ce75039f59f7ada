package app.ltth.openshock;

import app.ltth.errors.Reasons;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * OpenShock's HTTP API: the account's own shockers ({@code GET /1/shockers/own}) and control
 * ({@code POST /2/shockers/control}), with the API token in the {@code OpenShockToken} header. Redirects are not
 * followed (the token would go along), and a control request is never repeated: a request that timed out may have
 * reached the device.
 */
final class OpenShockClient {

    /** One shocker of the account, on its hub. */
    record Shocker(String id, String name, String hub, String model, boolean paused) {
    }

    /** OpenShock said no, or could not be reached; the message says what the streamer can do. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final Supplier<String> baseUrl;
    private final Supplier<String> token;

    OpenShockClient(HttpClient http, Supplier<String> baseUrl, Supplier<String> token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    List<Shocker> shockers() throws Failed, InterruptedException {
        JsonNode answer = send(request("/1/shockers/own").GET().build());
        List<Shocker> out = new ArrayList<>();
        for (JsonNode hub : answer.path("data")) {
            for (JsonNode s : hub.path("shockers")) {
                out.add(new Shocker(s.path("id").asText(), s.path("name").asText(), hub.path("name").asText(),
                        s.path("model").asText(""), s.path("isPaused").asBoolean(false)));
            }
        }
        return out;
    }

    /** One command on each of these shockers at once; {@code type} shock, vibrate, sound or stop. */
    void control(List<String> shockers, String type, int intensity, int durationMs) throws Failed, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode shocks = body.putArray("shocks");
        String apiType = type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
        for (String id : shockers) {
            shocks.addObject().put("id", id).put("type", apiType).put("intensity", intensity).put("duration", durationMs)
                    .put("exclusive", true);
        }
        body.put("customName", "LTTH");
        send(request("/2/shockers/control").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpRequest.Builder request(String path) throws Failed {
        String t = token.get();
        if (t == null || t.isBlank()) throw new Failed("No OpenShock API token: enter one on the OpenShock page (made at openshock.app under API Tokens).");
        String base = baseUrl.get().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).header("OpenShockToken", t)
                .header("Accept", "application/json").header("User-Agent", "LTTH");
    }

    private JsonNode send(HttpRequest request) throws Failed, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failed("OpenShock at " + request.uri().getHost() + " does not answer (" + Reasons.of(e)
                    + "). Check the address and your internet connection.");
        }
        JsonNode body;
        try {
            body = response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            body = Json.MAPPER.createObjectNode();
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) throw new Failed("OpenShock refused the API token (" + status + "): make a new one at openshock.app under API Tokens.");
        if (status / 100 != 2) {
            String message = body.path("message").asText(body.path("title").asText(""));
            throw new Failed("OpenShock answered " + status + (message.isEmpty() ? "" : ": " + message.replaceAll("\\p{Cntrl}", " ")));
        }
        return body;
    }
}
