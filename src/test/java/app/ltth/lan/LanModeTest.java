package app.ltth.lan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LAN mode through the running app, from this machine's LAN address (which counts as another computer). */
class LanModeTest {

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String url) {
        return url.substring(url.indexOf("token=") + 6);
    }

    @Test
    void otherComputersNeedTheirLinkAndOverlayLinksOpenOnlyOverlays() throws Exception {
        Optional<String> address = LanAddress.pick();
        Assumptions.assumeTrue(address.isPresent(), "this machine has a network address besides loopback");
        try (TestApp app = TestApp.start(dir)) {
            assertThat(app.get("/api/lan").json().get("enabled").asBoolean()).as("off by default").isFalse();
            String lanBase = "http://" + address.get() + ":" + app.app().httpPort();
            assertThatThrownBy(() -> get(lanBase + "/api/status")).as("nothing listens on the LAN").isInstanceOf(ConnectException.class);

            JsonNode on = app.put("/api/lan", "{\"enabled\":true}").json();
            assertThat(on.get("enabled").asBoolean()).isTrue();
            String dashboard = token(on.get("dashboardUrl").asText());
            String overlay = token(on.get("overlayUrl").asText());
            assertThat(on.get("dashboardUrl").asText()).startsWith(lanBase + "/dashboard.html?token=");
            assertThat(app.get("/api/lan/qr?link=dashboard").body()).startsWith("<svg").contains("<path");

            // No token, a wrong one: 401. This computer needs none.
            assertThat(get(lanBase + "/api/status").statusCode()).isEqualTo(401);
            assertThat(get(lanBase + "/api/status?token=nope").statusCode()).isEqualTo(401);
            assertThat(app.get("/api/status").status()).isEqualTo(200);

            // The dashboard link: the page, then the API through the cookie it set.
            HttpResponse<String> page = get(lanBase + "/dashboard.html?token=" + dashboard);
            assertThat(page.statusCode()).isEqualTo(200);
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith("ltth_lan=" + dashboard).contains("HttpOnly", "SameSite=Strict");
            assertThat(get(lanBase + "/api/settings", "Cookie", "ltth_lan=" + dashboard).statusCode()).isEqualTo(200);
            assertThat(put(lanBase + "/api/lan", "{\"enabled\":false}", "Cookie", "ltth_lan=" + dashboard,
                    "Origin", lanBase).statusCode()).as("LAN mode is changed at the streaming computer only").isEqualTo(403);

            // The overlay link: overlays and what they read; not settings, plugins or the dashboard.
            assertThat(get(lanBase + "/overlays/chat.html?token=" + overlay).statusCode()).isEqualTo(200);
            assertThat(get(lanBase + "/api/client-config", "Cookie", "ltth_lan=" + overlay).statusCode()).isEqualTo(200);
            assertThat(get(lanBase + "/api/settings", "Cookie", "ltth_lan=" + overlay).statusCode()).isEqualTo(401);
            assertThat(get(lanBase + "/plugins.html", "Cookie", "ltth_lan=" + overlay).statusCode()).isEqualTo(401);
            assertThat(put(lanBase + "/api/settings", "{\"ui.language\":\"de\"}", "Cookie", "ltth_lan=" + overlay,
                    "Origin", lanBase).statusCode()).isEqualTo(401);

            // Socket.IO on the LAN: the same rule.
            String lanSocket = "http://" + address.get() + ":" + app.app().socketPort();
            assertThat(TestSocket.isRefused(lanSocket, lanBase)).as("no token").isTrue();
            try (TestSocket phone = TestSocket.connect(lanSocket + "?token=" + dashboard, lanBase);
                 TestSocket obs = TestSocket.connect(lanSocket + "?token=" + overlay, lanBase, "tiktok:event")) {
                app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"fan\",\"comment\":\"hello LAN\"}");
                assertThat(obs.await("tiktok:event", e -> e.at("/data/comment").asText().equals("hello LAN"))).isNotNull();
            }

            // Off: both LAN ports close at once; this computer carries on.
            assertThat(app.put("/api/lan", "{\"enabled\":false}").json().get("enabled").asBoolean()).isFalse();
            assertThatThrownBy(() -> get(lanBase + "/api/status?token=" + dashboard)).isInstanceOf(ConnectException.class);
            assertThat(TestSocket.isRefused(lanSocket + "?token=" + dashboard, lanBase)).isTrue();
            assertThat(app.get("/api/status").status()).isEqualTo(200);
            assertThat(app.get("/api/lan/qr?link=dashboard").status()).isEqualTo(404);
        }
    }

    @Test
    void aTakenLanPortIsAClearRefusalAndLeavesNothingHalfOpen() throws Exception {
        Optional<String> address = LanAddress.pick();
        Assumptions.assumeTrue(address.isPresent(), "this machine has a network address besides loopback");
        try (TestApp app = TestApp.start(dir);
             java.net.ServerSocket squatter = new java.net.ServerSocket(app.app().socketPort(), 50,
                     java.net.InetAddress.getByName(address.get()))) {
            TestApp.Response refused = app.put("/api/lan", "{\"enabled\":true}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).contains("is taken by another program");
            assertThat(refused.json().get("field").asText()).isEqualTo("enabled");
            assertThat(app.get("/api/lan").json().get("enabled").asBoolean()).isFalse();
            String lanBase = "http://" + address.get() + ":" + app.app().httpPort();
            assertThatThrownBy(() -> get(lanBase + "/api/status")).as("the web port was closed again")
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void wrongTokensAreRateLimitedAndTheChoiceAndTokensSurviveARestart() throws Exception {
        Optional<String> address = LanAddress.pick();
        Assumptions.assumeTrue(address.isPresent(), "this machine has a network address besides loopback");
        String dashboard;
        try (TestApp app = TestApp.start(dir)) {
            dashboard = token(app.put("/api/lan", "{\"enabled\":true}").json().get("dashboardUrl").asText());
            String lanBase = "http://" + address.get() + ":" + app.app().httpPort();
            for (int i = 0; i < LanGate.WRONG_TOKENS_ALLOWED; i++) {
                assertThat(get(lanBase + "/api/status?token=guess" + i).statusCode()).isEqualTo(401);
            }
            assertThat(get(lanBase + "/api/status?token=" + dashboard).statusCode()).isEqualTo(429);
            Path saved = dir.resolve("user_data/lan.json");
            assertThat(Files.readString(saved)).contains(dashboard);
            if (Files.getFileStore(saved).supportsFileAttributeView("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
                        .isEqualTo("rw-------");
            }
        }
        try (TestApp app = TestApp.start(dir)) {
            JsonNode again = app.get("/api/lan").json();
            assertThat(again.get("enabled").asBoolean()).as("still on after a restart").isTrue();
            assertThat(token(again.get("dashboardUrl").asText())).isEqualTo(dashboard);
            JsonNode renewed = app.post("/api/lan/renew", "").json();
            assertThat(token(renewed.get("dashboardUrl").asText())).isNotEqualTo(dashboard);
        }
    }
}
