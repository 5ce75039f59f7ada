package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.config.AppConfig;
import app.ltth.startup.AlreadyRunningException;
import app.ltth.startup.PortAllocator;
import app.ltth.startup.StartupException;
import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStartOnTheSameDataFolderPointsToTheRunningOne() throws Exception {
        try (TestApp first = TestApp.start(dir)) {
            assertThatThrownBy(() -> TestApp.start(dir))
                    .isInstanceOf(AlreadyRunningException.class)
                    .satisfies(e -> assertThat(((AlreadyRunningException) e).dashboardUrl())
                            .contains(first.app().dashboardUrl()));
            assertThat(first.get("/api/status").status()).isEqualTo(200);
        }
        // Once the first has stopped, the folder is free again.
        try (TestApp again = TestApp.start(dir)) {
            assertThat(again.get("/api/status").status()).isEqualTo(200);
        }
    }

    @Test
    void aTakenPortMovesToTheNextFreeOneAndSaysSo() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getByName(AppConfig.HOST))) {
            int taken = squatter.getLocalPort();
            AppConfig config = new AppConfig(taken, 0, dir, dir, Optional.empty(), false, false, false);
            try (TestApp app = TestApp.start(config)) {
                assertThat(app.app().httpPort()).isNotEqualTo(taken).isGreaterThan(taken);
                JsonNode notices = app.get("/api/status").json().get("notices");
                assertThat(notices).hasSize(1);
                assertThat(notices.get(0).asText()).contains("Port " + taken + " is used by another program")
                        .contains(String.valueOf(app.app().httpPort()));
            }
        }
    }

    @Test
    void aPartThatCannotStartStopsEverythingAndIsNamed() throws Exception {
        // A file where the profile folder should be: the database cannot be created.
        Files.createDirectories(dir.resolve("user_configs"));
        Files.writeString(dir.resolve("user_configs/default"), "not a folder");
        int port = TestApp.freeTcpPort();
        AppConfig config = new AppConfig(port, 0, dir, dir, Optional.empty(), false, false, false);
        assertThatThrownBy(() -> TestApp.start(config))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("LTTH could not start the profile database");
        assertThat(PortAllocator.isFree(AppConfig.HOST, port)).as("no half-started server").isTrue();
        // The data folder lock was released too.
        Files.delete(dir.resolve("user_configs/default"));
        try (TestApp app = TestApp.start(dir)) {
            assertThat(app.get("/api/status").status()).isEqualTo(200);
        }
    }

    @Test
    void pagesNextToTheAppOverrideThePackagedOnes() throws Exception {
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("public/overlay.html"), "<p>my own overlay</p>");
        Files.createDirectories(dir.resolve("locales"));
        Files.writeString(dir.resolve("locales/en.json"), "{\"nav.live\":\"On air\"}");
        try (TestApp app = TestApp.start(dir)) {
            assertThat(app.get("/overlay.html").body()).isEqualTo("<p>my own overlay</p>");
            assertThat(app.get("/locales/en.json").body()).contains("On air");
            // Everything not overridden still comes from the jar.
            // The server renders the pages with the overriding texts too; what they lack comes from the jar.
            assertThat(app.get("/dashboard.html").body()).contains(">On air</a>").contains(">Goals</a>");
            assertThat(app.get("/locales/de.json").body()).contains("Zuschauer");
        }
    }

    @Test
    void everyFileThePagesLoadIsServed() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            for (String page : List.of("/dashboard.html", "/overlay.html")) {
                TestApp.Response response = app.get(page);
                assertThat(response.status()).isEqualTo(200);
                List<String> assets = new ArrayList<>();
                Matcher m = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(response.body());
                while (m.find()) assets.add(m.group(1));
                assertThat(assets).isNotEmpty();
                for (String asset : assets) {
                    assertThat(app.get(asset).status()).as(page + " loads " + asset).isEqualTo(200);
                }
            }
            assertThat(app.get("/").status()).isEqualTo(200);   // redirected to the dashboard
            assertThat(app.get("/locales/en.json").json().get("app.title").asText()).isEqualTo("LTTH Dashboard");
        }
    }

    @Test
    void theDemoSwitchStartsAndStopsTheSimulator() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, SocketEvents.EVENT, SocketEvents.STATUS)) {
            JsonNode status = app.post("/api/demo", "{\"enabled\":true}").json();
            assertThat(status.get("state").asText()).isEqualTo("live");
            assertThat(status.get("source").asText()).isEqualTo("simulator");
            assertThat(status.get("demo").asBoolean()).isTrue();
            socket.await(SocketEvents.STATUS, s -> s.get("state").asText().equals("live"));
            socket.await(SocketEvents.EVENT, m -> m.at("/data/id").asText().startsWith("sim-"));

            assertThat(app.post("/api/simulator", "{\"rate\":50}").json().get("rate").asDouble()).isEqualTo(50);
            assertThat(app.post("/api/simulator", "{\"rate\":5000}").status()).isEqualTo(400);
            assertThat(app.post("/api/simulator", "{\"rate\":\"fast\"}").json().get("field").asText())
                    .isEqualTo("rate");

            status = app.post("/api/demo", "{\"enabled\":false}").json();
            assertThat(status.get("state").asText()).isEqualTo("offline");
            socket.await(SocketEvents.STATUS, s -> s.get("state").asText().equals("offline"));
            assertThat(app.get("/api/simulator").json().get("running").asBoolean()).isFalse();
            assertThat(app.post("/api/demo", "{}").json().get("field").asText()).isEqualTo("enabled");
        }
    }

    @Test
    void connectValidatesTheUsernameAndSaysPlainlyWhyItFailed() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            TestApp.Response bad = app.post("/api/connect", "{\"username\":\"no spaces please\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("username");
            TestApp.Response missing = app.post("/api/connect", "{}");
            assertThat(missing.status()).isEqualTo(400);
            app.unreachableTikTok();
            TestApp.Response unreachable = app.post("/api/connect", "{\"username\":\"@some.streamer\"}");
            assertThat(unreachable.status()).isEqualTo(503);
            assertThat(unreachable.json().get("error").asText()).contains("could not be reached");
            assertThat(app.get("/api/status").json().at("/connection/state").asText()).isEqualTo("error");
            assertThat(app.post("/api/disconnect", "").json().get("state").asText()).isEqualTo("offline");
        }
    }
}
