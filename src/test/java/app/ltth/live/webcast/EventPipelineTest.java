package app.ltth.live.webcast;

import static app.ltth.live.webcast.Frames.common;
import static app.ltth.live.webcast.Frames.result;
import static app.ltth.live.webcast.Frames.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.GiftEvent;
import app.ltth.events.HistoryEvent;
import app.ltth.events.LiveEvent;
import app.ltth.live.webcast.proto.BaseProtoMessage;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import app.ltth.stats.StreamStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPipelineTest {

    static BaseProtoMessage lion(long msgId, boolean history) {
        WebcastGiftMessage.GiftStruct lion = WebcastGiftMessage.GiftStruct.newBuilder().setName("Lion").setDiamondCount(29999)
                .setType(2).setId(6369).build();
        return Frames.message("WebcastGiftMessage", msgId, WebcastGiftMessage.newBuilder().setCommon(common(msgId, 0, ""))
                .setUser(user(5, "old_fan", "Old Fan")).setGift(lion).setGiftId(6369).setRepeatCount(1).build())
                .toBuilder().setIsHistory(history).build();
    }

    static BaseProtoMessage chat(long msgId, boolean history) {
        return Frames.message("WebcastChatMessage", msgId, WebcastChatMessage.newBuilder().setCommon(common(msgId, 0, ""))
                .setUser(user(6, "chatter", "Chatter")).setContent("earlier").build()).toBuilder().setIsHistory(history).build();
    }

    @Test
    void historyIsShownAsHistoryAndNeverCountedAsNewGiftsOrCoins() {
        List<LiveEvent> out = new ArrayList<>();
        StreamStats stats = new StreamStats();
        EventPipeline pipeline = new EventPipeline(15_000, e -> {
            out.add(e);
            stats.onEvent(e);
        });
        pipeline.fetchResult(result(lion(1, true), chat(2, true)).toByteArray(), 1_000);
        assertThat(out).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(HistoryEvent.class));
        assertThat(((HistoryEvent) out.get(0)).event()).isInstanceOf(GiftEvent.class);
        assertThat(((HistoryEvent) out.get(0)).eventType()).isEqualTo("gift");
        // After a reconnect TikTok may send the same message again, not as history: it is still not new.
        pipeline.fetchResult(result(lion(1, false), lion(3, false)).toByteArray(), 2_000);
        assertThat(out).hasSize(3);
        assertThat(out.get(2)).isInstanceOf(GiftEvent.class);
        assertThat(stats.snapshot().coins()).as("only the new Lion counts").isEqualTo(29999);
    }
}
