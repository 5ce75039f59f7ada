package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.BattleEvent;
import app.ltth.events.ChatEvent;
import app.ltth.events.EmoteEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.GiftSubEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.LiveGoalEvent;
import app.ltth.events.PinEvent;
import app.ltth.events.PollEvent;
import app.ltth.events.QuestionEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.SuperFanEvent;
import app.ltth.events.TreasureChestEvent;
import app.ltth.events.User;
import app.ltth.events.UserEvent;
import app.ltth.events.ViewerCountEvent;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames written by an independent implementation, tiktok-live-connector's own protobuf encoders (the dev-time Node
 * script src/test/node/make-frames.mjs), must decode with LTTH's codec to exactly the values that were put in.
 */
class WebcastCrossCheckTest {

    static final Path NODE_DIR = Path.of("src", "test", "node");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 20261122})
    void framesFromTiktokLiveConnectorDecodeToTheSameValues(int seed) throws Exception {
        assertThat(NODE_DIR.resolve("node_modules/tiktok-live-connector")).as(
                "the Node cross-check needs its packages: scripts/test.sh installs them (npm ci --prefix src/test/node)")
                .isDirectory();
        List<JsonNode> frames = generate(300, seed);
        assertThat(frames).hasSize(300);
        int events = 0;
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (JsonNode f : frames) {
            WebcastCodec.Frame frame = WebcastCodec.decodeFrame(Base64.getDecoder().decode(f.get("frame").asText()), 0);
            assertThat(Long.toUnsignedString(frame.logId())).isEqualTo(f.get("logId").asText());
            assertThat(frame.failedMessages()).isZero();
            JsonNode expected = f.get("expected");
            assertThat(frame.events()).as("events of a %s frame", f.get("mode").asText()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                compare(frame.events().get(i), expected.get(i));
                types.add(expected.get(i).get("type").asText());
                events++;
            }
        }
        assertThat(events).isGreaterThan(800);
        assertThat(types).as("every type was compared").containsExactlyInAnyOrder("chat", "gift", "like", "follow",
                "share", "join", "viewers", "subscribe", "streamEnd", "emote", "question", "battle", "liveGoal",
                "treasureChest", "poll", "pin", "superFan", "giftSub");
    }

    private static void compare(LiveEvent event, JsonNode x) {
        String what = x.toString();
        assertThat(event.type().wireName()).as(what).isEqualTo(x.get("type").asText());
        assertThat(event.id()).as(what).isEqualTo(x.get("msgId").asText());
        if (x.has("user")) compareUser(((UserEvent) event).user(), x.get("user"), what);
        switch (x.get("type").asText()) {
            case "chat" -> {
                ChatEvent e = (ChatEvent) event;
                assertThat(e.comment()).as(what).isEqualTo(x.get("comment").asText());
                assertThat(e.timestamp()).as(what).isEqualTo(x.get("timestamp").asLong());
            }
            case "gift" -> {
                GiftEvent e = (GiftEvent) event;
                assertThat(e.giftId()).as(what).isEqualTo(x.get("giftId").asLong());
                assertThat(e.giftName()).as(what).isEqualTo(x.get("giftName").asText());
                assertThat(e.diamondCount()).as(what).isEqualTo(x.get("diamondCount").asInt());
                assertThat(e.repeatCount()).as(what).isEqualTo(x.get("repeatCount").asInt());
                assertThat(e.repeatEnd()).as(what).isEqualTo(x.get("repeatEnd").asBoolean());
                assertThat(e.streakable()).as(what).isEqualTo(x.get("streakable").asBoolean());
                assertThat(Long.toString(e.groupId())).as(what).isEqualTo(x.get("groupId").asText());
                assertThat(e.imageUrl()).as(what).isEqualTo(x.get("imageUrl").asText());
            }
            case "like" -> {
                LikeEvent e = (LikeEvent) event;
                assertThat(e.likeCount()).as(what).isEqualTo(x.get("likeCount").asInt());
                assertThat(Long.toString(e.totalLikes())).as(what).isEqualTo(x.get("totalLikes").asText());
            }
            case "viewers" -> {
                ViewerCountEvent e = (ViewerCountEvent) event;
                assertThat(Long.toString(e.viewerCount())).as(what).isEqualTo(x.get("viewerCount").asText());
                assertThat(e.topViewers()).as(what).hasSize(x.get("top").size());
                for (int i = 0; i < e.topViewers().size(); i++) {
                    ViewerCountEvent.TopViewer t = e.topViewers().get(i);
                    JsonNode xt = x.get("top").get(i);
                    assertThat(t.rank()).as(what).isEqualTo(xt.get("rank").asInt());
                    assertThat(Long.toString(t.coins())).as(what).isEqualTo(xt.get("coins").asText());
                    compareUser(t.user(), xt.get("user"), what);
                }
            }
            case "subscribe" -> assertThat(((SubscribeEvent) event).months()).as(what).isEqualTo(x.get("months").asInt());
            case "streamEnd" -> assertThat(((StreamEndEvent) event).reason()).as(what).isEqualTo(x.get("reason").asText());
            case "emote" -> {
                EmoteEvent e = (EmoteEvent) event;
                assertThat(e.emoteId()).as(what).isEqualTo(x.get("emoteId").asText());
                assertThat(e.imageUrl()).as(what).isEqualTo(x.get("imageUrl").asText());
            }
            case "question" -> assertThat(((QuestionEvent) event).question()).as(what).isEqualTo(x.get("question").asText());
            case "battle" -> {
                BattleEvent e = (BattleEvent) event;
                assertThat(e.battleId()).as(what).isEqualTo(x.get("battleId").asText());
                assertThat(e.phase()).as(what).isEqualTo(x.get("phase").asText());
                assertThat(e.teams()).as(what).hasSize(x.get("teams").size());
                for (int i = 0; i < e.teams().size(); i++) {
                    JsonNode xt = x.get("teams").get(i);
                    assertThat(e.teams().get(i)).as(what).isEqualTo(new BattleEvent.Team(xt.get("hostId").asText(),
                            xt.get("score").asLong(), xt.get("won").asBoolean()));
                }
            }
            case "liveGoal" -> assertThat((LiveGoalEvent) event).as(what).isEqualTo(new LiveGoalEvent(event.id(),
                    event.timestamp(), x.get("goalId").asText(), x.get("description").asText(), x.get("progress").asLong(),
                    x.get("target").asLong()));
            case "treasureChest" -> assertThat((TreasureChestEvent) event).as(what).isEqualTo(new TreasureChestEvent(
                    event.id(), event.timestamp(), x.get("senderId").asText(), x.get("senderName").asText(),
                    x.get("diamonds").asLong(), x.get("people").asInt(), x.get("superFan").asBoolean()));
            case "poll" -> {
                PollEvent e = (PollEvent) event;
                assertThat(e.pollId()).as(what).isEqualTo(x.get("pollId").asText());
                assertThat(e.phase()).as(what).isEqualTo(x.get("phase").asText());
                if (e.phase().equals("start")) assertThat(e.title()).as(what).isEqualTo(x.get("title").asText());
                List<PollEvent.Option> options = new ArrayList<>();
                x.get("options").forEach(o -> options.add(new PollEvent.Option(o.get("text").asText(), o.get("votes").asLong())));
                assertThat(e.options()).as(what).isEqualTo(options);
            }
            case "pin" -> {
                PinEvent e = (PinEvent) event;
                assertThat(e.comment()).as(what).isEqualTo(x.get("comment").asText());
                assertThat(e.pinned()).as(what).isEqualTo(x.get("pinned").asBoolean());
            }
            case "superFan" -> assertThat(((SuperFanEvent) event).kind()).as(what).isEqualTo(x.get("kind").asText());
            case "giftSub" -> assertThat(((GiftSubEvent) event).count()).as(what).isEqualTo(x.get("count").asLong());
            default -> { }   // follow, share, join: type and user say it all
        }
    }

    private static void compareUser(User user, JsonNode x, String what) {
        assertThat(user.id()).as(what).isEqualTo(x.get("id").asText());
        assertThat(user.uniqueId()).as(what).isEqualTo(x.get("uniqueId").asText());
        assertThat(user.nickname()).as(what).isEqualTo(x.get("nickname").asText());
    }

    private static List<JsonNode> generate(int frames, int seed) throws Exception {
        Process node = new ProcessBuilder("node", "make-frames.mjs", String.valueOf(frames), String.valueOf(seed))
                .directory(NODE_DIR.toFile()).redirectErrorStream(false).start();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) out.add(Json.MAPPER.readTree(line));
        }
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return out;
    }

}
