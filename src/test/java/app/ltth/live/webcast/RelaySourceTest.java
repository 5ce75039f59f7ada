package app.ltth.live.webcast;

import static app.ltth.live.webcast.SourceRecorder.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.live.LiveSource;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Euler relay as a second way in, against a local fake that speaks its JSON; and the switch to it. */
class RelaySourceTest {

    private final FakeTikTok tiktok = new FakeTikTok();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SourceRecorder context = new SourceRecorder();
    private final List<LiveEvent> events = context.events;
    private final List<String> states = context.states;
    private LiveSource source;

    @AfterEach
    void stop() {
        if (source != null) source.stop();
        tiktok.close();
    }

    private WebcastConfig config() {
        return tiktok.config(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    static String gift(long msgId, int count, int repeatEnd) {
        return "{\"type\":\"WebcastGiftMessage\",\"data\":{\"common\":{\"msgId\":\"" + msgId + "\",\"createTime\":\"1700000000000\"},"
                + "\"user\":{\"userId\":\"7000000000000000001\",\"uniqueId\":\"rose_fan\",\"nickname\":\"Rose Fan\"},"
                + "\"giftId\":5655,\"repeatCount\":" + count + ",\"repeatEnd\":" + repeatEnd + ",\"groupId\":\"42\","
                + "\"giftType\":1,\"gift\":{\"id\":5655,\"name\":\"Rose\",\"diamond_count\":1}}}";
    }

    private List<GiftEvent> finalGifts() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof GiftEvent g && g.isFinal()).map(e -> (GiftEvent) e).toList();
        }
    }

    @Test
    void relayMessagesTakeTheSameDedupeAndStreakPath() throws Exception {
        source = new RelaySource("streamer", FakeTikTok.RELAY_KEY, config(), http);
        source.start(context);
        tiktok.relaySend("{\"messages\":[" + gift(11, 1, 0) + "," + gift(12, 3, 0) + "," + gift(13, 2, 0) + "]}");
        tiktok.relaySend("{\"messages\":[" + gift(13, 2, 0) + "," + gift(14, 2, 1) + ","
                + "{\"type\":\"WebcastChatMessage\",\"data\":{\"common\":{\"msgId\":\"15\"},\"user\":{\"userId\":\"9\","
                + "\"uniqueId\":\"chatter\",\"nickname\":\"Chatter\"},\"comment\":\"hi from the relay\"}},"
                + "{\"type\":\"WebcastSomethingNew\",\"data\":{}}]}");
        tiktok.relaySend("this is not JSON");
        waitFor(() -> !finalGifts().isEmpty(), "the streak's end");
        waitFor(() -> events.stream().anyMatch(e -> e instanceof ChatEvent), "the chat");
        // The third frame comes after the chat's: the chat arriving says nothing about it having been read yet.
        waitFor(() -> Long.valueOf(1).equals(source.counters().get("badFrames")), "the frame that is not JSON");
        assertThat(finalGifts()).singleElement().satisfies(g -> {
            assertThat(g.repeatCount()).as("the highest count, though the end said 2").isEqualTo(3);
            assertThat(g.user().uniqueId()).isEqualTo("rose_fan");
            assertThat(g.giftName()).isEqualTo("Rose");
        });
        assertThat(source.counters()).containsEntry("duplicatesDropped", 1L).containsEntry("unknownMessages", 1L)
                .containsEntry("badFrames", 1L);
    }

    @Test
    void aWrongKeyIsFinalAndSaysSo() throws Exception {
        source = new RelaySource("streamer", "wrong-key", config(), http);
        source.start(context);
        waitFor(() -> List.copyOf(states).stream().anyMatch(s -> s.startsWith("error")), "the error");
        assertThat(List.copyOf(states)).last().asString().contains("does not accept the API key");
        Thread.sleep(300);
        assertThat(tiktok.relayConnections.get()).as("not tried again").isEqualTo(1);
    }

    @Test
    void aUserWhoIsNotLiveEndsIt() throws Exception {
        source = new RelaySource("offline_streamer", FakeTikTok.RELAY_KEY, config(), http);
        source.start(context);
        waitFor(() -> List.copyOf(states).stream().anyMatch(s -> s.startsWith("ended")), "the end");
        assertThat(List.copyOf(states)).last().asString().contains("@offline_streamer is not LIVE");
    }

    @Test
    void afterNRefusedDirectConnectsTheRelayTakesOverAndSaysWhy() throws Exception {
        tiktok.handshakeRefusal = "illegal app_id";
        WebcastSource direct = new WebcastSource("streamer", null, FakeTikTok.RELAY_KEY, config(), http, null);
        source = new TikTokLive("streamer", direct, () -> new RelaySource("streamer", FakeTikTok.RELAY_KEY, config(), http),
                TikTokLive.Mode.AUTO, 2);
        source.start(context);
        waitFor(() -> tiktok.relayConnections.get() == 1, "the relay is used");
        assertThat(tiktok.refusedUpgrades.get()).isEqualTo(2);
        waitFor(() -> source.counters().get("path").equals("relay"), "the path");
        assertThat((String) source.counters().get("pathReason")).contains("refused the direct connection 2 times")
                .contains("illegal app_id");
        waitFor(() -> List.copyOf(states).stream().anyMatch(s -> s.startsWith("live: Connected through the Euler relay")),
                "the switch shown");
        tiktok.relaySend("{\"messages\":[" + gift(21, 1, 1) + "]}");
        waitFor(() -> finalGifts().size() == 1, "a gift through the relay");
        Thread.sleep(300);
        assertThat(tiktok.refusedUpgrades.get()).as("the direct socket is no longer tried").isEqualTo(2);
    }

    @Test
    void withoutAKeyAutoModeStaysDirect() throws Exception {
        tiktok.handshakeRefusal = "illegal app_id";
        WebcastSource direct = new WebcastSource("streamer", null, "", config(), http, null);
        source = new TikTokLive("streamer", direct, null, TikTokLive.Mode.AUTO, 1);
        source.start(context);
        waitFor(() -> tiktok.refusedUpgrades.get() >= 3, "keeps trying direct");
        assertThat(tiktok.relayConnections.get()).isZero();
        assertThat(source.counters()).containsEntry("path", "direct");
    }
}
