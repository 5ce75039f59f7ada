package app.ltth.bench;

import app.ltth.live.webcast.Frames;
import app.ltth.live.webcast.proto.BaseProtoMessage;
import app.ltth.live.webcast.proto.User;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import app.ltth.live.webcast.proto.WebcastLikeMessage;
import app.ltth.live.webcast.proto.WebcastMemberMessage;
import app.ltth.live.webcast.proto.WebcastRoomUserSeqMessage;
import app.ltth.live.webcast.proto.WebcastSocialMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a busy LIVE sends, as TikTok sends it: gzip'd WebCast frames of 20 messages, per 100 messages 60 likes, 20
 * chats, 10 joins, 6 gift messages (streaks of one to five roses, and single big gifts), 2 viewer counts, a follow
 * and a share; 2,000 viewers. Seeded, so every run decodes the same bytes.
 */
final class LiveMix {

    static final int MESSAGES_PER_FRAME = 20;

    private final Random random = new Random(7);
    private final long start = System.currentTimeMillis();
    private long msgId = 1;
    private long group = 1;
    private int streakLeft;
    private int streakLength;
    private User streakUser;

    /** {@code messages} messages in frames of {@value #MESSAGES_PER_FRAME}. */
    List<byte[]> frames(int messages) {
        List<byte[]> frames = new ArrayList<>();
        List<BaseProtoMessage> batch = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            batch.add(next(i));
            if (batch.size() == MESSAGES_PER_FRAME || i == messages - 1) {
                frames.add(Frames.frame(Frames.result(batch.toArray(new BaseProtoMessage[0])), msgId, true, true));
                batch.clear();
            }
        }
        return frames;
    }

    private BaseProtoMessage next(int i) {
        long id = msgId++;
        int slot = i % 100;
        User user = viewer(random.nextInt(2_000));
        var common = Frames.common(id, start + i, "");
        if (slot < 60) {
            return Frames.message("WebcastLikeMessage", id, WebcastLikeMessage.newBuilder().setCommon(common).setUser(user)
                    .setCount(1 + random.nextInt(15)).setTotal(10_000 + i).build());
        } else if (slot < 80) {
            return Frames.message("WebcastChatMessage", id, WebcastChatMessage.newBuilder().setCommon(common).setUser(user)
                    .setContent(slot % 5 == 0 ? "!cmd" + (i % 20) + " hello" : "message " + i + " with some text 🎉").build());
        } else if (slot < 90) {
            return Frames.message("WebcastMemberMessage", id, WebcastMemberMessage.newBuilder().setCommon(common).setUser(user)
                    .setAction(1).setMemberCount(2_000).build());
        } else if (slot < 96) {
            return Frames.message("WebcastGiftMessage", id, gift(common, user));
        } else if (slot < 98) {
            return Frames.message("WebcastRoomUserSeqMessage", id, WebcastRoomUserSeqMessage.newBuilder().setCommon(common)
                    .setTotal(2_000 + random.nextInt(50)).build());
        } else {
            return Frames.message("WebcastSocialMessage", id, WebcastSocialMessage.newBuilder().setCommon(common).setUser(user)
                    .setAction(slot == 98 ? 1 : 3).build());
        }
    }

    /** The next message of the running rose streak, or a single big gift between streaks. */
    private WebcastGiftMessage gift(app.ltth.live.webcast.proto.CommonMessageData common, User user) {
        if (streakLeft == 0 && random.nextInt(4) == 0) {
            return WebcastGiftMessage.newBuilder().setCommon(common).setUser(user).setGiftId(6064).setRepeatCount(1)
                    .setRepeatEnd(1).setGroupId(group++).setGift(WebcastGiftMessage.GiftStruct.newBuilder()
                            .setId(6064).setName("Galaxy").setDiamondCount(1000).setType(2)).build();
        }
        if (streakLeft == 0) {
            streakLength = 1 + random.nextInt(5);
            streakLeft = streakLength;
            streakUser = user;
            group++;
        }
        int count = streakLength - --streakLeft;
        return WebcastGiftMessage.newBuilder().setCommon(common).setUser(streakUser).setGiftId(5655).setRepeatCount(count)
                .setRepeatEnd(streakLeft == 0 ? 1 : 0).setGroupId(group).setGift(WebcastGiftMessage.GiftStruct.newBuilder()
                        .setId(5655).setName("Rose").setDiamondCount(1).setType(1)).build();
    }

    private static User viewer(int n) {
        return Frames.user(1_000_000 + n, "viewer" + n, "Viewer " + n);
    }
}
