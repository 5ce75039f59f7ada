package app.ltth.live.webcast;

import static app.ltth.live.webcast.Frames.common;
import static app.ltth.live.webcast.Frames.frame;
import static app.ltth.live.webcast.Frames.message;
import static app.ltth.live.webcast.Frames.result;
import static app.ltth.live.webcast.Frames.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import app.ltth.live.webcast.proto.BaseProtoMessage;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastControlMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LIVE recorded once from (fake) TikTok, then replayed in another app through the normal pipeline. */
class RecordReplayTest {

    @TempDir
    Path live;
    @TempDir
    Path other;

    static void useFake(TestApp app, FakeTikTok tiktok) throws Exception {
        TestApp.Response r = app.put("/api/settings", "{" + tiktok.settingsFields() + ",\"tiktok.record\":true}");
        if (r.status() != 200) throw new AssertionError(r.body());
    }

    private static List<String> stored(TestApp app) throws Exception {
        app.awaitStored();
        List<String> ids = new ArrayList<>();
        for (JsonNode e : app.get("/api/events?limit=1000").json().get("events")) ids.add(e.get("type").asText() + ":" + e.get("id").asText());
        return ids;
    }

    @Test
    void aRecordedLiveReplaysToTheSameEvents() throws Exception {
        Path recording;
        List<String> original;
        try (FakeTikTok tiktok = new FakeTikTok(); TestApp app = TestApp.start(live)) {
            useFake(app, tiktok);
            assertThat(app.post("/api/connect", "{\"username\":\"streamer\"}").status()).isEqualTo(200);
            WebcastGiftMessage.GiftStruct rose = WebcastGiftMessage.GiftStruct.newBuilder().setName("Rose")
                    .setDiamondCount(1).setType(1).setId(5655).build();
            List<BaseProtoMessage> messages = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                messages.add(message("WebcastChatMessage", i, WebcastChatMessage.newBuilder().setCommon(common(i, 0, ""))
                        .setUser(user(i, "v" + i, "V" + i)).setContent("chat " + i).build()));
            }
            for (int c = 1; c <= 10; c++) {
                messages.add(message("WebcastGiftMessage", 100 + c, WebcastGiftMessage.newBuilder().setUser(user(9, "g", "G"))
                        .setGift(rose).setGiftId(5655).setRepeatCount(c).setGroupId(42).setRepeatEnd(c == 10 ? 1 : 0).build()));
            }
            tiktok.send(frame(result(messages.subList(0, 8).toArray(new BaseProtoMessage[0])), 1, true, true));
            tiktok.send(frame(result(messages.subList(8, messages.size()).toArray(new BaseProtoMessage[0])), 2, false, false));
            tiktok.send(frame(result(message("WebcastControlMessage", 999,
                    WebcastControlMessage.newBuilder().setAction(3).build())), 3, true, true));
            long deadline = System.currentTimeMillis() + 10_000;
            while (!app.get("/api/status").json().at("/connection/state").asText().equals("ended")) {
                assertThat(System.currentTimeMillis()).as("the LIVE ends").isLessThan(deadline);
                Thread.sleep(20);
            }
            original = stored(app);
            assertThat(app.get("/api/status").json().at("/stats/coins").asLong()).isEqualTo(10);

            JsonNode recordings = app.get("/api/recordings").json().get("recordings");
            assertThat(recordings).hasSize(1);
            assertThat(recordings.get(0).get("username").asText()).isEqualTo("streamer");
            recording = live.resolve("user_data/recordings").resolve(recordings.get(0).get("name").asText());
        }
        assertThat(original).hasSize(5 + 10 + 1 + 3);   // chats, gift messages, end; connecting, live, ended

        Files.createDirectories(other.resolve("user_data/recordings"));
        Files.copy(recording, other.resolve("user_data/recordings").resolve(recording.getFileName()));
        try (TestApp app = TestApp.start(other);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, SocketEvents.STATUS)) {
            assertThat(app.post("/api/replay", "{\"name\":\"nope.jsonl.gz\"}").status()).isEqualTo(404);
            assertThat(app.post("/api/replay", "{\"name\":\"" + recording.getFileName() + "\",\"speed\":-1}").status())
                    .isEqualTo(400);
            JsonNode started = app.post("/api/replay", "{\"name\":\"" + recording.getFileName() + "\",\"speed\":0}").json();
            assertThat(started.get("source").asText()).isEqualTo("replay");
            socket.await(SocketEvents.STATUS, s -> s.get("state").asText().equals("ended")
                    && s.get("message").asText().contains("finished"));
            List<String> replayed = stored(app);
            assertThat(replayed.stream().filter(e -> !e.startsWith("connection:")))
                    .containsExactlyInAnyOrderElementsOf(original.stream().filter(e -> !e.startsWith("connection:")).toList());
            assertThat(app.get("/api/status").json().at("/stats/coins").asLong()).isEqualTo(10);
        }
    }
}
