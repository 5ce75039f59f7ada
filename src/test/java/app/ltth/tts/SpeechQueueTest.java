package app.ltth.tts;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.tts.SpeechQueue.Item;
import app.ltth.tts.SpeechQueue.Priority;
import org.junit.jupiter.api.Test;

class SpeechQueueTest {

    static long n;

    static Item item(Priority p, String text) {
        return new Item("i" + (++n), p, n, text, "local:en", null);
    }

    @Test
    void manualAndGiftsGoFirstThenArrivalOrder() {
        SpeechQueue q = new SpeechQueue(10);
        q.offer(item(Priority.CHAT, "c1"));
        q.offer(item(Priority.GIFT, "g1"));
        q.offer(item(Priority.CHAT, "c2"));
        q.offer(item(Priority.MANUAL, "m1"));
        q.offer(item(Priority.EVENT, "e1"));
        q.offer(item(Priority.GIFT, "g2"));
        StringBuilder order = new StringBuilder();
        while (q.size() > 0) order.append(q.poll().orElseThrow().text()).append(' ');
        assertThat(order.toString().trim()).isEqualTo("m1 g1 g2 e1 c1 c2");
    }

    @Test
    void aFullQueueRefusesChatButMakesRoomForAGift() {
        SpeechQueue q = new SpeechQueue(2);
        q.offer(item(Priority.CHAT, "c1"));
        q.offer(item(Priority.CHAT, "c2"));
        assertThat(q.offer(item(Priority.CHAT, "c3")).orElseThrow().text()).as("refused itself").isEqualTo("c3");
        assertThat(q.offer(item(Priority.GIFT, "g1")).orElseThrow().text()).as("the newest chat makes room").isEqualTo("c2");
        assertThat(q.snapshot()).extracting(Item::text).containsExactly("g1", "c1");
        assertThat(q.clear()).isEqualTo(2);
        assertThat(q.poll()).isEmpty();
    }
}
