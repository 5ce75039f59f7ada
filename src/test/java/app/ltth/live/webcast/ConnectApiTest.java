package app.ltth.live.webcast;

import static app.ltth.live.webcast.Frames.common;
import static app.ltth.live.webcast.Frames.frame;
import static app.ltth.live.webcast.Frames.message;
import static app.ltth.live.webcast.Frames.result;
import static app.ltth.live.webcast.Frames.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.config.AppConfig;
import app.ltth.TestSocket;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole app connected to the fake TikTok through the REST API, as the dashboard's Connect button does it. */
class ConnectApiTest {

    @TempDir
    Path dir;

    @Test
    void autoConnectAtStartAndTheDemoWhenTikTokCannotBeReached() throws Exception {
        AppConfig startsSource = new AppConfig(0, 0, dir, dir, Optional.empty(), false, false, true);
        try (FakeTikTok tiktok = new FakeTikTok()) {
            try (TestApp app = TestApp.start(dir)) {
                RecordReplayTest.useFake(app, tiktok);
                app.put("/api/settings", "{\"tiktok.username\":\"streamer\",\"tiktok.autoConnect\":true}");
            }
            try (TestApp app = TestApp.start(startsSource)) {
                JsonNode status = app.get("/api/status").json();
                assertThat(status.at("/connection/source").asText()).isEqualTo("tiktok");
                assertThat(status.at("/connection/state").asText()).isEqualTo("live");
                assertThat(status.at("/connection/username").asText()).isEqualTo("streamer");
            }
        }
        // TikTok gone: the demo runs instead, and the dashboard says why.
        try (TestApp app = TestApp.start(startsSource)) {
            JsonNode status = app.get("/api/status").json();
            assertThat(status.at("/connection/source").asText()).isEqualTo("simulator");
            assertThat(status.get("notices").get(0).asText()).contains("Could not connect to @streamer")
                    .contains("demo runs instead");
        }
    }

    @Test
    void connectReceivesStoresAndCountsThenDisconnects() throws Exception {
        try (FakeTikTok tiktok = new FakeTikTok(); TestApp app = TestApp.start(dir);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, SocketEvents.EVENT, SocketEvents.STATUS)) {
            assertThat(app.put("/api/settings", "{" + tiktok.settingsFields() + "}").status()).isEqualTo(200);

            TestApp.Response connected = app.post("/api/connect", "{\"username\":\"streamer\"}");
            assertThat(connected.status()).as(connected.body()).isEqualTo(200);
            assertThat(connected.json().get("source").asText()).isEqualTo("tiktok");
            assertThat(connected.json().get("state").asText()).isEqualTo("live");
            socket.await(SocketEvents.STATUS, s -> s.get("source").asText().equals("tiktok")
                    && s.get("state").asText().equals("live"));

            WebcastChatMessage chat = WebcastChatMessage.newBuilder().setCommon(common(99, 0, ""))
                    .setUser(user(77, "real_viewer", "Real Viewer")).setContent("hello from the fake TikTok").build();
            tiktok.send(frame(result(message("WebcastChatMessage", 99, chat)), 1, true, true));
            JsonNode event = socket.await(SocketEvents.EVENT, m -> m.get("type").asText().equals("chat"));
            assertThat(event.at("/data/comment").asText()).isEqualTo("hello from the fake TikTok");
            assertThat(event.at("/data/user/uniqueId").asText()).isEqualTo("real_viewer");

            app.awaitStored();
            assertThat(app.get("/api/events?type=chat").json().at("/events/0/uniqueId").asText()).isEqualTo("real_viewer");
            JsonNode status = app.get("/api/status").json();
            assertThat(status.at("/live/frames").asLong()).isEqualTo(1);
            assertThat(status.at("/live/roomId").asText()).isEqualTo(FakeTikTok.ROOM);
            assertThat(status.at("/live/duplicatesDropped").asLong()).isZero();
            assertThat(status.at("/live/lastEventAgeMs").isNumber()).isTrue();

            assertThat(app.post("/api/connect", "{\"username\":\"offline_streamer\"}").status())
                    .as("the profile belongs to @streamer now").isEqualTo(409);
            assertThat(app.post("/api/disconnect", "").json().get("state").asText()).isEqualTo("offline");
        }
    }

    @Test
    void urlSettingsAreCheckedWhenSavedNotWhenConnecting() throws Exception {
        try (FakeTikTok tiktok = new FakeTikTok(); TestApp app = TestApp.start(dir)) {
            TestApp.Response unknown = app.put("/api/settings", "{\"tiktok.signUrl\":\"https://api.eulerstream.com/webcast/"
                    + "fetch?room_id={roomId}&ua={agent}\"}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("field").asText()).isEqualTo("tiktok.signUrl");
            assertThat(unknown.json().get("error").asText()).contains("{agent}").contains("{userAgent}");
            TestApp.Response notUrl = app.put("/api/settings", "{\"tiktok.relayUrl\":\"https://ws.example/?u={user}\"}");
            assertThat(notUrl.status()).as("the relay is a websocket").isEqualTo(400);
            assertThat(notUrl.json().get("field").asText()).isEqualTo("tiktok.relayUrl");
            TestApp.Response badParams = app.put("/api/settings", "{\"tiktok.wsParams\":\"version_code\"}");
            assertThat(badParams.json().get("field").asText()).isEqualTo("tiktok.wsParams");
            assertThat(app.put("/api/settings", "{\"tiktok.livePageUrl\":\"https://tiktok example/@{user}\"}").status())
                    .isEqualTo(400);

            // The template the issue names, with {userAgent}: saved, and the next connect works (it was a 500).
            assertThat(app.put("/api/settings", "{" + tiktok.settingsFields() + "}").status()).isEqualTo(200);
            TestApp.Response connected = app.post("/api/connect", "{\"username\":\"streamer\"}");
            assertThat(connected.status()).as(connected.body()).isEqualTo(200);
            assertThat(connected.json().get("state").asText()).isEqualTo("live");
            assertThat(tiktok.signRequests).singleElement().asString().contains("client_enter=true")
                    .contains("user_agent=Mozilla%2F5.0+%28Windows");
        }
    }

    @Test
    void browserParametersCanBeChangedInTheAdvancedSettings() throws Exception {
        try (FakeTikTok tiktok = new FakeTikTok(); TestApp app = TestApp.start(dir)) {
            // TikTok would refuse a socket without app_name: the override is applied, and the fake says so.
            assertThat(app.put("/api/settings", "{" + tiktok.settingsFields() + ",\"tiktok.wsParams\":\"app_name=&"
                    + "screen_width=2560\",\"tiktok.connection\":\"direct\"}").status()).isEqualTo(200);
            TestApp.Response connected = app.post("/api/connect", "{\"username\":\"streamer\"}");
            assertThat(connected.status()).isEqualTo(200);
            assertThat(connected.json().get("state").asText()).isEqualTo("reconnecting");
            assertThat(connected.json().get("message").asText()).contains("illegal app_id").contains("next try in");
            assertThat(tiktok.refusedUpgrades.get()).isPositive();
        }
    }

    @Test
    void theRelayChosenInTheSettingsCarriesTheLiveAndTheStatusSaysSo() throws Exception {
        try (FakeTikTok tiktok = new FakeTikTok(); TestApp app = TestApp.start(dir);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, SocketEvents.EVENT)) {
            assertThat(app.put("/api/settings", "{" + tiktok.settingsFields() + ",\"tiktok.connection\":\"relay\","
                    + "\"tiktok.signApiKey\":\"" + FakeTikTok.RELAY_KEY + "\"}").status()).isEqualTo(200);
            assertThat(app.post("/api/connect", "{\"username\":\"streamer\"}").json().get("state").asText()).isEqualTo("live");
            tiktok.relaySend("{\"messages\":[" + RelaySourceTest.gift(31, 1, 1) + "]}");
            JsonNode gift = socket.await(SocketEvents.EVENT, m -> m.get("type").asText().equals("gift"));
            assertThat(gift.at("/data/user/uniqueId").asText()).isEqualTo("rose_fan");
            JsonNode live = app.get("/api/status").json().get("live");
            assertThat(live.get("path").asText()).isEqualTo("relay");
            assertThat(live.get("pathReason").asText()).isEqualTo("chosen in the settings");
            assertThat(tiktok.signs.get()).as("the relay needs no signature").isZero();
        }
    }

    @Test
    void theRoomsHistoryIsShownButNeverCountsCoins() throws Exception {
        try (FakeTikTok tiktok = new FakeTikTok(); TestApp app = TestApp.start(dir)) {
            tiktok.initialMessages = List.of(EventPipelineTest.lion(501, true), EventPipelineTest.chat(502, true));
            assertThat(app.put("/api/settings", "{" + tiktok.settingsFields() + "}").status()).isEqualTo(200);
            assertThat(app.post("/api/connect", "{\"username\":\"streamer\"}").status()).isEqualTo(200);
            app.awaitStored();
            TestApp.await(() -> app.get("/api/events?type=history").json().get("events").size() == 2);
            assertThat(app.get("/api/events?type=gift").json().get("events").size()).isZero();
            assertThat(app.get("/api/status").json().at("/stats/coins").asLong()).isZero();
        }
    }
}
