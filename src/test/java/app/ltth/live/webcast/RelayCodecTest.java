package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.ViewerCountEvent;
import org.junit.jupiter.api.Test;

/** The relay's JSON in the shapes it has been written in. */
class RelayCodecTest {

    private static RelayCodec.Batch decode(String... messages) throws InvalidFrameException {
        return RelayCodec.decode("{\"messages\":[" + String.join(",", messages) + "]}", 5_000);
    }

    @Test
    void usersNestedOrFlatIdsAsNumbersOrStrings() throws Exception {
        RelayCodec.Batch b = decode(
                "{\"type\":\"WebcastChatMessage\",\"data\":{\"common\":{\"msgId\":7000000000000000001,\"createTime\":1700000000},"
                        + "\"user\":{\"userId\":\"42\",\"uniqueId\":\"anna\",\"nickname\":\"Anna\",\"profilePictureUrl\":\"https://p/a.jpg\"},"
                        + "\"comment\":\"hi\"}}",
                "{\"type\":\"WebcastChatMessage\",\"data\":{\"msgId\":\"9\",\"userId\":43,\"uniqueId\":\"ben\",\"nickname\":\"Ben\","
                        + "\"comment\":\"flat\",\"userIdentity\":{\"isModeratorOfAnchor\":true}}}");
        assertThat(b.events()).hasSize(2);
        ChatEvent a = (ChatEvent) b.events().get(0);
        assertThat(a.id()).isEqualTo("7000000000000000001");
        assertThat(a.timestamp()).as("seconds become ms").isEqualTo(1_700_000_000_000L);
        assertThat(a.user().uniqueId()).isEqualTo("anna");
        assertThat(a.user().avatarUrl()).isEqualTo("https://p/a.jpg");
        ChatEvent flat = (ChatEvent) b.events().get(1);
        assertThat(flat.user().id()).isEqualTo("43");
        assertThat(flat.user().moderator()).isTrue();
        assertThat(flat.timestamp()).as("no time: now").isEqualTo(5_000);
    }

    @Test
    void giftsSocialLikesViewersAndTheEnd() throws Exception {
        RelayCodec.Batch b = decode(
                "{\"type\":\"WebcastGiftMessage\",\"data\":{\"msgId\":\"1\",\"user\":{\"userId\":\"1\",\"uniqueId\":\"g\"},"
                        + "\"giftId\":\"5655\",\"repeatCount\":\"4\",\"repeatEnd\":true,\"groupId\":\"7\",\"giftType\":1,"
                        + "\"giftDetails\":{\"giftName\":\"Rose\",\"diamondCount\":1,\"giftImage\":{\"urlList\":[\"https://p/rose.webp\"]}}}}",
                "{\"type\":\"WebcastSocialMessage\",\"data\":{\"msgId\":\"2\",\"user\":{\"userId\":\"2\"},\"action\":\"1\"}}",
                "{\"type\":\"WebcastSocialMessage\",\"data\":{\"msgId\":\"3\",\"user\":{\"userId\":\"3\"},\"action\":\"2\"}}",
                "{\"type\":\"WebcastLikeMessage\",\"data\":{\"msgId\":\"4\",\"user\":{\"userId\":\"4\"},\"likeCount\":15,\"totalLikes\":\"123456\"}}",
                "{\"type\":\"WebcastRoomUserSeqMessage\",\"data\":{\"msgId\":\"5\",\"viewerCount\":321}}",
                "{\"type\":\"WebcastControlMessage\",\"data\":{\"msgId\":\"6\",\"action\":3}}",
                "{\"type\":\"WebcastGiftMessage\",\"data\":\"broken\"}",
                "{\"type\":\"roomInfo\",\"data\":{}}");
        assertThat(b.messages()).isEqualTo(8);
        assertThat(b.failed()).isEqualTo(1);
        assertThat(b.unknown()).isEqualTo(1);
        assertThat(b.events()).hasSize(6);
        GiftEvent g = (GiftEvent) b.events().get(0);
        assertThat(g.giftName()).isEqualTo("Rose");
        assertThat(g.coins()).isEqualTo(4);
        assertThat(g.isFinal()).isTrue();
        assertThat(g.groupId()).isEqualTo(7);
        assertThat(g.imageUrl()).isEqualTo("https://p/rose.webp");
        assertThat(b.events().get(1)).isInstanceOf(FollowEvent.class);
        assertThat(b.events().get(2)).isInstanceOf(ShareEvent.class);
        assertThat(((LikeEvent) b.events().get(3)).totalLikes()).isEqualTo(123456);
        assertThat(((ViewerCountEvent) b.events().get(4)).viewerCount()).isEqualTo(321);
        assertThat(b.events().get(5)).isInstanceOf(StreamEndEvent.class);
    }

    @Test
    void aMessageWithoutIdGetsAStableOneSoARepeatIsStillCaught() throws Exception {
        String chat = "{\"type\":\"WebcastChatMessage\",\"data\":{\"user\":{\"userId\":\"1\"},\"comment\":\"same\"}}";
        assertThat(decode(chat).events().get(0).id()).isEqualTo(decode(chat).events().get(0).id());
    }

    @Test
    void somethingThatIsNotARelayFrame() {
        assertThatThrownBy(() -> RelayCodec.decode("not json", 0)).isInstanceOf(InvalidFrameException.class);
        assertThatThrownBy(() -> RelayCodec.decode("{\"hello\":1}", 0)).isInstanceOf(InvalidFrameException.class);
    }
}
