package app.ltth.live.webcast;

import static app.ltth.live.webcast.Frames.common;
import static app.ltth.live.webcast.Frames.frame;
import static app.ltth.live.webcast.Frames.message;
import static app.ltth.live.webcast.Frames.result;
import static app.ltth.live.webcast.Frames.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.events.ChatEvent;
import app.ltth.events.EmoteEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.JoinEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.QuestionEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.ViewerCountEvent;
import app.ltth.live.webcast.proto.HeartbeatMessage;
import app.ltth.live.webcast.proto.Image;
import app.ltth.live.webcast.proto.ImEnterRoomMessage;
import app.ltth.live.webcast.proto.PushFrame;
import app.ltth.live.webcast.proto.User;
import app.ltth.live.webcast.proto.UserIdentity;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastControlMessage;
import app.ltth.live.webcast.proto.WebcastEmoteChatMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import app.ltth.live.webcast.proto.WebcastLikeMessage;
import app.ltth.live.webcast.proto.WebcastMemberMessage;
import app.ltth.live.webcast.proto.WebcastQuestionNewMessage;
import app.ltth.live.webcast.proto.WebcastRoomUserSeqMessage;
import app.ltth.live.webcast.proto.WebcastSocialMessage;
import app.ltth.live.webcast.proto.WebcastSubNotifyMessage;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebcastCodecTest {

    static final long NOW = 1_800_000_000_000L;

    private static List<LiveEvent> decode(app.ltth.live.webcast.proto.BaseProtoMessage... messages) throws Exception {
        return WebcastCodec.decodeFrame(frame(result(messages), 1, false, false), NOW).events();
    }

    private static WebcastChatMessage chat(long id, String text) {
        return WebcastChatMessage.newBuilder().setCommon(common(id, 1_700_000_000_123L, ""))
                .setUser(user(42, "anna", "Anna 🌸")).setContent(text).build();
    }

    @ParameterizedTest(name = "gzip={0} header={1}")
    @CsvSource({"false,false", "true,true", "true,false"})
    void aChatArrivesWhetherThePayloadIsPlainOrGzipByHeaderOrByMagicBytes(boolean gzip, boolean header) throws Exception {
        byte[] bytes = frame(result(message("WebcastChatMessage", 7001, chat(7001, "hallo 👋"))), 55, gzip, header);
        WebcastCodec.Frame frame = WebcastCodec.decodeFrame(bytes, NOW);
        assertThat(frame.logId()).isEqualTo(55);
        ChatEvent chat = (ChatEvent) frame.events().get(0);
        assertThat(chat.id()).isEqualTo("7001");
        assertThat(chat.timestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(chat.comment()).isEqualTo("hallo 👋");
        assertThat(chat.user().id()).isEqualTo("42");
        assertThat(chat.user().uniqueId()).isEqualTo("anna");
        assertThat(chat.user().nickname()).isEqualTo("Anna 🌸");
    }

    @Test
    void giftsMapStreaksAsTikTokMeansThem() throws Exception {
        WebcastGiftMessage.GiftStruct rose = WebcastGiftMessage.GiftStruct.newBuilder().setId(5655).setName("Rose")
                .setDiamondCount(1).setType(1).setImage(Image.newBuilder().addUrl("https://img/rose.webp")).build();
        WebcastGiftMessage.GiftStruct lion = WebcastGiftMessage.GiftStruct.newBuilder().setId(6369).setName("Lion")
                .setDiamondCount(29999).setType(2).build();
        List<LiveEvent> events = decode(
                message("WebcastGiftMessage", 1, WebcastGiftMessage.newBuilder().setCommon(common(1, 0, ""))
                        .setUser(user(1, "a", "A")).setGiftId(5655).setGift(rose).setRepeatCount(3).setGroupId(9).build()),
                message("WebcastGiftMessage", 2, WebcastGiftMessage.newBuilder().setCommon(common(2, 0, ""))
                        .setUser(user(1, "a", "A")).setGiftId(5655).setGift(rose).setRepeatCount(3).setRepeatEnd(1)
                        .setGroupId(9).build()),
                message("WebcastGiftMessage", 3, WebcastGiftMessage.newBuilder().setCommon(common(3, 0, ""))
                        .setUser(user(2, "b", "B")).setGift(lion).setRepeatCount(1).build()));
        GiftEvent update = (GiftEvent) events.get(0);
        GiftEvent end = (GiftEvent) events.get(1);
        GiftEvent lionGift = (GiftEvent) events.get(2);
        assertThat(update.streakInProgress()).isTrue();
        assertThat(update.timestamp()).as("no createTime: the frame's time").isEqualTo(NOW);
        assertThat(end.isFinal()).isTrue();
        assertThat(end.coins()).isEqualTo(3);
        assertThat(end.groupId()).isEqualTo(9);
        assertThat(end.imageUrl()).isEqualTo("https://img/rose.webp");
        assertThat(lionGift.isFinal()).as("non-streakable arrives once with repeatEnd 0 and counts").isTrue();
        assertThat(lionGift.giftId()).as("gift id from the gift struct").isEqualTo(6369);
        assertThat(lionGift.coins()).isEqualTo(29999);
    }

    @Test
    void followAndShareComeFromTheDisplayKeyFirstThenTheAction() throws Exception {
        List<LiveEvent> events = decode(
                message("WebcastSocialMessage", 1, social("pm_main_follow_message_viewer_2", 3)),
                message("WebcastSocialMessage", 2, social("pm_mt_guidance_share", 1)),
                message("WebcastSocialMessage", 3, social("pm_mt_guidance_viewer_12_share", 1)),
                message("WebcastSocialMessage", 4, social("", 1)),
                message("WebcastSocialMessage", 5, social("", 3)),
                message("WebcastSocialMessage", 6, social("", 7)));
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("FollowEvent", "ShareEvent", "ShareEvent", "FollowEvent", "ShareEvent");
    }

    private static WebcastSocialMessage social(String key, long action) {
        return WebcastSocialMessage.newBuilder().setCommon(common(0, 0, key)).setUser(user(5, "s", "S")).setAction(action).build();
    }

    @Test
    void everyOtherTypeMapsToItsEvent() throws Exception {
        User.Builder mod = user(7, "mod", "Mod").toBuilder()
                .setUserAttr(User.UserAttr.newBuilder().setIsAdmin(true))
                .setFollowInfo(User.FollowInfo.newBuilder().setFollowStatus(2))
                .setSubscribeInfo(User.SubscribeInfo.newBuilder().setIsSubscribe(true))
                .setAvatarThumb(Image.newBuilder().addUrl("https://img/a.jpg"));
        List<LiveEvent> events = decode(
                message("WebcastLikeMessage", 1, WebcastLikeMessage.newBuilder().setCommon(common(1, 0, ""))
                        .setUser(mod).setCount(15).setTotal(12345).build()),
                message("WebcastMemberMessage", 2, WebcastMemberMessage.newBuilder().setCommon(common(2, 0, ""))
                        .setUser(user(8, "j", "J")).setAction(1).build()),
                message("WebcastMemberMessage", 3, WebcastMemberMessage.newBuilder().setCommon(common(3, 0, ""))
                        .setUser(user(8, "j", "J")).setAction(3).build()),
                message("WebcastRoomUserSeqMessage", 4, WebcastRoomUserSeqMessage.newBuilder().setCommon(common(4, 0, ""))
                        .setTotal(321).addRanks(WebcastRoomUserSeqMessage.Rank.newBuilder().setRank(1).setScore(500)
                                .setUser(user(9, "top", "Top"))).build()),
                message("WebcastSubNotifyMessage", 5, WebcastSubNotifyMessage.newBuilder().setCommon(common(5, 0, ""))
                        .setUser(user(10, "sub", "Sub")).setSubMonth(4).build()),
                message("WebcastEmoteChatMessage", 6, WebcastEmoteChatMessage.newBuilder().setCommon(common(6, 0, ""))
                        .setUser(user(11, "em", "Em")).addEmotes(WebcastEmoteChatMessage.Emote.newBuilder()
                                .setEmoteId("e42").setImage(Image.newBuilder().addUrl("https://img/e.png"))).build()),
                message("WebcastQuestionNewMessage", 7, WebcastQuestionNewMessage.newBuilder().setCommon(common(7, 0, ""))
                        .setDetails(WebcastQuestionNewMessage.QuestionDetails.newBuilder().setContent("why?")
                                .setUser(user(12, "q", "Q"))).build()),
                message("WebcastControlMessage", 8, WebcastControlMessage.newBuilder().setAction(1).build()),
                message("WebcastControlMessage", 9, WebcastControlMessage.newBuilder().setAction(4).build()));

        LikeEvent like = (LikeEvent) events.get(0);
        assertThat(like.likeCount()).isEqualTo(15);
        assertThat(like.totalLikes()).isEqualTo(12345);
        assertThat(like.user().moderator()).isTrue();
        assertThat(like.user().follower()).isTrue();
        assertThat(like.user().subscriber()).isTrue();
        assertThat(like.user().avatarUrl()).isEqualTo("https://img/a.jpg");
        assertThat(events.get(1)).isInstanceOf(JoinEvent.class);   // member action 3 is not a join: skipped
        ViewerCountEvent viewers = (ViewerCountEvent) events.get(2);
        assertThat(viewers.viewerCount()).isEqualTo(321);
        assertThat(viewers.topViewers()).singleElement().satisfies(t -> {
            assertThat(t.rank()).isEqualTo(1);
            assertThat(t.coins()).isEqualTo(500);
            assertThat(t.user().uniqueId()).isEqualTo("top");
        });
        assertThat(((SubscribeEvent) events.get(3)).months()).isEqualTo(4);
        assertThat(((EmoteEvent) events.get(4)).emoteId()).isEqualTo("e42");
        assertThat(((EmoteEvent) events.get(4)).imageUrl()).isEqualTo("https://img/e.png");
        assertThat(((QuestionEvent) events.get(5)).question()).isEqualTo("why?");
        assertThat(((QuestionEvent) events.get(5)).user().uniqueId()).isEqualTo("q");
        assertThat(((StreamEndEvent) events.get(6)).reason()).isEqualTo("ended by TikTok");   // a pause says nothing
        assertThat(events).hasSize(7);
    }

    @Test
    void theIdentityBlockSettlesTheUserFlags() throws Exception {
        WebcastChatMessage m = chat(1, "x").toBuilder().setUserIdentity(UserIdentity.newBuilder()
                .setIsFollowerOfAnchor(true).setIsModeratorOfAnchor(true).setIsSubscriberOfAnchor(true)).build();
        ChatEvent chat = (ChatEvent) decode(message("WebcastChatMessage", 1, m)).get(0);
        assertThat(chat.user().follower()).isTrue();
        assertThat(chat.user().moderator()).isTrue();
        assertThat(chat.user().subscriber()).isTrue();
    }

    @Test
    void aBrokenMessageIsCountedAndTheRestOfTheFrameStillArrives() throws Exception {
        var broken = app.ltth.live.webcast.proto.BaseProtoMessage.newBuilder().setMethod("WebcastChatMessage")
                .setMsgId(2).setPayload(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff, 0x0f})).build();
        var unknown = message("WebcastRankUpdateMessage", 3, chat(3, "?"));
        WebcastCodec.Frame frame = WebcastCodec.decodeFrame(frame(result(message("WebcastChatMessage", 1, chat(1, "one")),
                broken, unknown, message("WebcastChatMessage", 4, chat(4, "four"))), 1, true, true), NOW);
        assertThat(frame.messages()).isEqualTo(4);
        assertThat(frame.failedMessages()).isEqualTo(1);
        assertThat(frame.unknownMessages()).isEqualTo(1);
        assertThat(frame.events()).extracting(LiveEvent::id).containsExactly("1", "4");
    }

    @Test
    void framesThatAreNotEventsOrNotFramesAtAll() throws Exception {
        byte[] hb = PushFrame.newBuilder().setPayloadType("hb").build().toByteArray();
        assertThat(WebcastCodec.decodeFrame(hb, NOW).events()).isEmpty();
        assertThatThrownBy(() -> WebcastCodec.decodeFrame("not protobuf at all".getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOf(InvalidFrameException.class);
        byte[] badGzip = PushFrame.newBuilder().setPayloadType("msg").putHeaders("compress_type", "gzip")
                .setPayload(ByteString.copyFrom(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3})).build().toByteArray();
        assertThatThrownBy(() -> WebcastCodec.decodeFrame(badGzip, NOW)).isInstanceOf(InvalidFrameException.class);
    }

    @Test
    void heartbeatAckAndEnterRoomFramesCarryWhatTheServerExpects() throws Exception {
        PushFrame hb = PushFrame.parseFrom(WebcastCodec.heartbeat(7_000_000_001L, 3));
        assertThat(hb.getPayloadEncoding()).isEqualTo("pb");
        assertThat(hb.getPayloadType()).isEqualTo("hb");
        HeartbeatMessage beat = HeartbeatMessage.parseFrom(hb.getPayload());
        assertThat(beat.getRoomId()).isEqualTo(7_000_000_001L);
        assertThat(beat.getSeq()).isEqualTo(3);

        PushFrame ack = PushFrame.parseFrom(WebcastCodec.ack(987654321L, "internal-ext-1"));
        assertThat(ack.getLogId()).isEqualTo(987654321L);
        assertThat(ack.getPayloadType()).isEqualTo("ack");
        assertThat(ack.getPayload().toStringUtf8()).isEqualTo("internal-ext-1");

        PushFrame enter = PushFrame.parseFrom(WebcastCodec.enterRoom(7_000_000_001L, "cursor-1"));
        assertThat(enter.getPayloadType()).isEqualTo("im_enter_room");
        ImEnterRoomMessage room = ImEnterRoomMessage.parseFrom(enter.getPayload());
        assertThat(room.getRoomId()).isEqualTo(7_000_000_001L);
        assertThat(room.getIdentity()).isEqualTo("audience");
        assertThat(room.getCursor()).isEqualTo("cursor-1");
    }
}
