package app.ltth.live.webcast;

import static app.ltth.live.webcast.Frames.common;
import static app.ltth.live.webcast.Frames.frame;
import static app.ltth.live.webcast.Frames.message;
import static app.ltth.live.webcast.Frames.result;
import static app.ltth.live.webcast.Frames.user;
import static app.ltth.live.webcast.SourceRecorder.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.live.LiveSource;
import app.ltth.live.webcast.proto.BaseProtoMessage;
import app.ltth.live.webcast.proto.HeartbeatMessage;
import app.ltth.live.webcast.proto.ImEnterRoomMessage;
import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import app.ltth.live.webcast.proto.PushFrame;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastControlMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebcastSourceTest {

    private final FakeTikTok tiktok = new FakeTikTok();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SourceRecorder context = new SourceRecorder();
    private final List<LiveEvent> events = context.events;
    private final List<String> states = context.states;
    private WebcastSource source;

    @AfterEach
    void stop() {
        if (source != null) source.stop();
        tiktok.close();
    }

    private WebcastSource connect(String user, Duration heartbeat, Duration silence) throws Exception {
        source = new WebcastSource(user, null, "key-123", tiktok.config(heartbeat, silence), http, null);
        source.start(context);
        return source;
    }

    private static BaseProtoMessage chat(long id, String text) {
        return message("WebcastChatMessage", id, WebcastChatMessage.newBuilder().setCommon(common(id, 0, ""))
                .setUser(user(1, "viewer", "Viewer")).setContent(text).build());
    }

    private static byte[] chats(long from, long to, boolean gzip) {
        List<BaseProtoMessage> list = new ArrayList<>();
        for (long i = from; i <= to; i++) list.add(chat(i, "message " + i));
        return frame(result(list.toArray(new BaseProtoMessage[0])), from, gzip, gzip);
    }

    private List<String> chatTexts() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof app.ltth.events.ChatEvent)
                    .map(e -> ((app.ltth.events.ChatEvent) e).comment()).toList();
        }
    }

    @Test
    void aNormalSessionJoinsBeatsAcksAndDeliversEvents() throws Exception {
        connect("streamer", Duration.ofMillis(100), Duration.ofSeconds(30));
        tiktok.awaitClient();   // the fake records the handshake in its connect callback, which may lag a moment
        var handshake = tiktok.handshakes.get(0);
        assertThat(tiktok.refusedUpgrades.get()).as("the strict fake accepted the handshake").isZero();
        assertThat(handshake).containsEntry("User-Agent", "Mozilla/5.0 (LTTH test agent)").containsEntry("Cookie", FakeTikTok.COOKIE)
                .containsEntry("room_id", FakeTikTok.ROOM).containsEntry("cursor", "cursor-1")
                .containsEntry("wrss", "route-param").containsEntry("compress", "gzip");

        ImEnterRoomMessage enter = ImEnterRoomMessage.parseFrom(tiktok.awaitReceived("im_enter_room").getPayload());
        assertThat(String.valueOf(enter.getRoomId())).isEqualTo(FakeTikTok.ROOM);

        // Heartbeats keep coming, for this room, with a rising sequence.
        long previous = 0;
        for (int i = 0; i < 3; i++) {
            HeartbeatMessage beat = HeartbeatMessage.parseFrom(tiktok.awaitReceived("hb").getPayload());
            assertThat(String.valueOf(beat.getRoomId())).isEqualTo(FakeTikTok.ROOM);
            assertThat(beat.getSeq()).isGreaterThan(previous);
            previous = beat.getSeq();
        }

        tiktok.send(chats(1, 3, true));
        tiktok.send(chats(4, 5, false));
        ProtoMessageFetchResult needsAck = result(chat(6, "message 6")).toBuilder().setNeedAck(true)
                .setInternalExt("internal-ext-xyz").build();
        tiktok.send(frame(needsAck, 424242, true, false));
        PushFrame ack = tiktok.awaitReceived("ack");
        assertThat(ack.getLogId()).isEqualTo(424242);
        assertThat(ack.getPayload().toStringUtf8()).isEqualTo("internal-ext-xyz");
        waitFor(() -> chatTexts().size() == 6, "six chats");
        assertThat(chatTexts()).containsExactly("message 1", "message 2", "message 3", "message 4", "message 5", "message 6");
        assertThat(source.counters()).containsEntry("frames", 3L).containsEntry("messages", 6L).containsEntry("decodeErrors", 0L);
    }

    @Test
    void aDroppedSocketIsReplacedWithNothingLostAndNothingTwice() throws Exception {
        connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        tiktok.send(chats(1, 10, true));
        waitFor(() -> chatTexts().size() == 10, "first ten");
        tiktok.dropClient();
        waitFor(() -> tiktok.connections.get() == 2, "a second connection");
        assertThat(tiktok.signs.get()).as("signed afresh").isEqualTo(2);
        tiktok.send(chats(8, 20, true));   // TikTok replays recent history after a reconnect
        waitFor(() -> chatTexts().size() == 20, "twenty chats");
        Thread.sleep(200);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) expected.add("message " + i);
        assertThat(chatTexts()).containsExactlyElementsOf(expected);
        assertThat(source.counters()).containsEntry("duplicatesDropped", 3L).containsEntry("reconnects", 1L);
        assertThat(List.copyOf(states)).anyMatch(s -> s.startsWith("reconnecting")).anyMatch(s -> s.equals("live: Reconnected"));
    }

    @Test
    void aSocketThatStaysOpenButSilentIsCaughtByTheWatchdog() throws Exception {
        connect("streamer", Duration.ofMinutes(1), Duration.ofMillis(1500));
        tiktok.awaitClient();
        tiktok.forgetClient();   // open, but nothing more comes
        waitFor(() -> tiktok.connections.get() == 2, "the watchdog reconnects");
        assertThat(List.copyOf(states)).anyMatch(s -> s.startsWith("reconnecting") && s.contains("No data"));
    }

    @Test
    void theEndOfTheStreamIsShownAndOpenStreaksAreCounted() throws Exception {
        connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        WebcastGiftMessage.GiftStruct rose = WebcastGiftMessage.GiftStruct.newBuilder().setName("Rose").setDiamondCount(1)
                .setType(1).setId(5655).build();
        tiktok.send(frame(result(
                message("WebcastGiftMessage", 50, WebcastGiftMessage.newBuilder().setUser(user(3, "g", "G")).setGift(rose)
                        .setGiftId(5655).setRepeatCount(4).setGroupId(1).build()),
                message("WebcastControlMessage", 51, WebcastControlMessage.newBuilder().setAction(3).build())), 1, true, true));
        waitFor(() -> List.copyOf(states).stream().anyMatch(s -> s.startsWith("ended")), "the end");
        assertThat(List.copyOf(events)).anyMatch(e -> e instanceof GiftEvent g && g.isFinal() && g.coins() == 4);
        assertThat(List.copyOf(events)).anyMatch(e -> e.type().wireName().equals("streamEnd"));
    }

    @Test
    void roomLookupFailuresAreExplainedInWordsAStreamerUnderstands() throws Exception {
        assertThatThrownBy(() -> connect("offline_streamer", Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .hasMessageContaining("is not LIVE right now");
        assertThatThrownBy(() -> connect("nobody", Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .hasMessageContaining("does not know the user @nobody");
        // The LIVE page is a captcha: the JSON route still finds the room.
        connect("waf_user", Duration.ofSeconds(10), Duration.ofSeconds(30));
        tiktok.awaitClient();
        source.stop();
        // Only status 4 is "not LIVE": a paused LIVE, or a page without a status, asks api-live, with the page's cookies.
        connect("paused_streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        tiktok.awaitClient();
        source.stop();
        assertThat(tiktok.apiLiveCookies).last().asString().contains("ttwid=from-the-page").contains("tt-target-idc=");
        assertThatThrownBy(() -> connect("quiet_streamer", Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .as("api-live says it ended").hasMessageContaining("is not LIVE right now");
        // A handle typed with capitals is looked up as TikTok spells it.
        connect("Streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        tiktok.awaitClient();
    }

    @Test
    void keyProblemsAtTheSignerAreFinalAndSayWhatToDo() {
        tiktok.signStatus = 401;
        assertThatThrownBy(() -> connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .isInstanceOf(WebcastException.class).hasMessageContaining("does not accept the API key")
                .hasMessageContaining("eulerstream.com");
        tiktok.signStatus = 402;
        tiktok.signBody = "{\"message\":\"This endpoint needs the Business plan\"}";
        assertThatThrownBy(() -> connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .hasMessageContaining("paid plan").hasMessageContaining("This endpoint needs the Business plan");
        tiktok.signStatus = 403;
        assertThatThrownBy(() -> connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .hasMessageContaining("does not allow this key");
        assertThat(tiktok.signs.get()).as("none of them is asked twice").isEqualTo(3);
    }

    @Test
    void aRateLimitWaitsAtLeastRetryAfterAndShowsTheServicesMessage() throws Exception {
        tiktok.signStatus = 429;
        tiktok.retryAfter = "2";
        connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        waitFor(() -> tiktok.signs.get() == 1, "the first sign request");
        long refusedAt = System.nanoTime();
        waitFor(() -> List.copyOf(states).stream().anyMatch(s -> s.startsWith("reconnecting")), "the state");
        assertThat(List.copyOf(states)).anySatisfy(s -> assertThat(s).startsWith("reconnecting")
                .contains("rate limit").contains("Too many requests from this key").contains("at least 2 s")
                .contains("next try in 2 s"));
        tiktok.signStatus = 200;
        tiktok.awaitClient();
        assertThat(System.nanoTime() - refusedAt).as("waited for Retry-After").isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1_800));
        waitFor(() -> List.copyOf(states).contains("live: Reconnected"), "live again");
    }

    @Test
    void aSignAnswerWithoutCookieIsAnErrorNotACookielessConnect() throws Exception {
        tiktok.signCookie = false;
        connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        waitFor(() -> List.copyOf(states).stream().anyMatch(s -> s.contains("without the cookie")), "the reason");
        assertThat(tiktok.connections.get()).as("no socket without the cookie").isZero();
        tiktok.signCookie = true;
        waitFor(() -> tiktok.connections.get() == 1, "connected once the cookie comes");
    }

    @Test
    void aFirstConnectThatFailsTwiceGoesThroughTheRetryLoopAndThenWorks() throws Exception {
        tiktok.signFailuresLeft.set(2);
        connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        tiktok.send(chats(1, 1, true));
        waitFor(() -> chatTexts().size() == 1, "a chat once connected");
        assertThat(tiktok.signs.get()).isEqualTo(3);
        assertThat(List.copyOf(states)).filteredOn(s -> s.startsWith("reconnecting")).hasSize(2)
                .allSatisfy(s -> assertThat(s).contains("HTTP 500").contains("next try in"));
        // The new socket's first frames may come before the supervisor reports the state: wait for the report.
        waitFor(() -> {
            List<String> seen = List.copyOf(states);
            return !seen.isEmpty() && seen.get(seen.size() - 1).equals("live: Reconnected");
        }, "live again");
    }

    @Test
    void anExceptionInsideTheUpgradeOrTheEnterRoomSendIsAFailureLikeAnyOther() throws Exception {
        FaultyHttpClient faulty = new FaultyHttpClient(http);
        faulty.upgradeFaults.set(1);
        faulty.sendFaults.set(1);
        source = new WebcastSource("streamer", null, "key-123", tiktok.config(Duration.ofSeconds(10),
                Duration.ofSeconds(30)), faulty, null);
        source.start(context);
        waitFor(() -> tiktok.connections.get() == 2, "the third attempt connects");
        tiktok.send(chats(1, 2, true));
        waitFor(() -> chatTexts().size() == 2, "events once connected");
        assertThat(List.copyOf(states)).filteredOn(s -> s.startsWith("reconnecting")).satisfiesExactly(
                s -> assertThat(s).contains("boom in the upgrade"), s -> assertThat(s).contains("boom in the send"));
        assertThat(tiktok.closedConnections.get()).as("the socket whose send failed was closed").isEqualTo(1);
        // The new socket's first frames may come before the supervisor reports the state: wait for the report.
        waitFor(() -> {
            List<String> seen = List.copyOf(states);
            return !seen.isEmpty() && seen.get(seen.size() - 1).equals("live: Reconnected");
        }, "live again");
    }

    @Test
    void aRefusedHandshakeIsShownAndTriedAgain() throws Exception {
        tiktok.handshakeRefusal = "DEVICE_BLOCKED";
        connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        waitFor(() -> tiktok.refusedUpgrades.get() >= 2, "two refused upgrades");
        assertThat(List.copyOf(states)).anySatisfy(s -> assertThat(s).startsWith("reconnecting").contains("DEVICE_BLOCKED"));
        tiktok.handshakeRefusal = null;
        waitFor(() -> tiktok.connections.get() == 1, "accepted once TikTok lets it in");
    }

    @Test
    void theStrictFakeRefusesAClientWithoutTheBrowserParameters() throws Exception {
        WebcastConfig bare = tiktok.config(Duration.ofSeconds(10), Duration.ofSeconds(30)).withBrowserParams(java.util.Map.of());
        source = new WebcastSource("streamer", null, "key-123", bare, http, null);
        source.start(context);
        waitFor(() -> tiktok.refusedUpgrades.get() >= 1, "a refused upgrade");
        waitFor(() -> List.copyOf(states).stream().anyMatch(s -> s.contains("illegal app_id")), "TikTok's reason shown");
        assertThat(tiktok.connections.get()).isZero();
    }

    @Test
    void aRoomThatEndsWhileReconnectingStopsWithTheLiveHasEnded() throws Exception {
        connect("streamer", Duration.ofSeconds(10), Duration.ofSeconds(30));
        tiktok.awaitClient();
        tiktok.signStatus = 500;   // every reconnect fails ...
        tiktok.streamerStatus = 4;  // ... and meanwhile the LIVE ends
        tiktok.dropClient();
        waitFor(() -> List.copyOf(states).stream().anyMatch(s -> s.startsWith("ended")), "the end");
        assertThat(List.copyOf(states)).last().asString().contains("the LIVE has ended");
        int signs = tiktok.signs.get();
        Thread.sleep(300);
        assertThat(tiktok.signs.get()).as("no more attempts").isEqualTo(signs);
    }
}
