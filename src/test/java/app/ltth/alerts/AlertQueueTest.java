package app.ltth.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertQueueTest {

    private static Waiting alert(String id, String type, long coins) {
        return new Waiting(id, type, Map.of(), Alert.priority(type, coins), false, null);
    }

    private static Waiting test(String id) {
        return new Waiting(id, "gift", Map.of(), Long.MAX_VALUE, true, null);
    }

    private static List<String> drain(AlertQueue q) {
        List<String> ids = new ArrayList<>();
        for (var a = q.poll(); a.isPresent(); a = q.poll()) ids.add(a.get().id());
        return ids;
    }

    @Test
    void dropLowestLetsTheLeastValuableGoAndKeepsBigGifts() {
        AlertQueue q = new AlertQueue(3, "drop-lowest");
        q.offer(alert("gift-small", "gift", 1));
        q.offer(alert("follow", "follow", 0));
        q.offer(alert("join", "join", 0));
        assertThat(q.offer(alert("gift-big", "gift", 5000))).get().extracting(Waiting::id).isEqualTo("join");
        assertThat(q.offer(alert("share", "share", 0))).as("a share is worth less than all waiting").get()
                .extracting(Waiting::id).isEqualTo("share");
        assertThat(q.offer(alert("sub", "subscribe", 0))).get().extracting(Waiting::id).isEqualTo("follow");
        assertThat(drain(q)).containsExactly("gift-small", "gift-big", "sub");
        assertThat(q.dropped()).isEqualTo(3);
    }

    @Test
    void dropNewestAndDropOldest() {
        AlertQueue newest = new AlertQueue(2, "drop-newest");
        AlertQueue oldest = new AlertQueue(2, "drop-oldest");
        for (String id : new String[] {"a", "b", "c"}) {
            newest.offer(alert(id, "gift", 100));
            oldest.offer(alert(id, "gift", 100));
        }
        assertThat(drain(newest)).containsExactly("a", "b");
        assertThat(drain(oldest)).containsExactly("b", "c");
    }

    @Test
    void aTestAlertGoesFirstAndShrinkingTheMaximumDropsTheTail() {
        AlertQueue q = new AlertQueue(3, "drop-lowest");
        q.offer(alert("a", "follow", 0));
        q.offer(alert("b", "follow", 0));
        q.offer(alert("c", "follow", 0));
        assertThat(q.offerFirst(test("test"))).get().extracting(Waiting::id).isEqualTo("c");
        q.configure(2, "drop-oldest");
        assertThat(drain(q)).containsExactly("test", "a");
    }

    @Test
    void celebrationsGoAheadOfWaitingAlertsInTheirOwnOrderAndAreNeverDropped() {
        AlertQueue q = new AlertQueue(3, "drop-oldest");
        q.offer(alert("a", "follow", 0));
        q.offer(alert("b", "gift", 5));
        q.offerAhead(new Waiting("m1", Waiting.MILESTONE, Map.of(), Long.MAX_VALUE, false, null));
        q.offerAhead(new Waiting("m2", Waiting.MILESTONE, Map.of(), Long.MAX_VALUE, false, null));
        q.offer(alert("c", "share", 0));
        assertThat(drain(q)).as("full: the oldest ordinary alerts made room").containsExactly("m1", "m2", "c");
    }

    @Test
    void aTestIsNeverTheOneToGoWhateverThePolicy() {
        for (String policy : AlertQueue.POLICIES) {
            AlertQueue q = new AlertQueue(2, policy);
            q.offerFirst(test("test"));
            for (int i = 0; i < 10; i++) q.offer(alert("big" + i, "gift", 30_000 + i));
            assertThat(drain(q)).as(policy).hasSize(2).first().isEqualTo("test");
        }
        AlertQueue onlyTests = new AlertQueue(1, "drop-lowest");
        onlyTests.offerFirst(test("t1"));
        assertThat(onlyTests.offerFirst(test("t2"))).as("two tests: both are shown").isEmpty();
        onlyTests.configure(1, "drop-oldest");
        assertThat(drain(onlyTests)).containsExactly("t2", "t1");
    }

    @Test
    void mediaKindFollowsTheExtension() {
        assertThat(Alert.mediaKind("/media/boom.MP4")).isEqualTo("video");
        assertThat(Alert.mediaKind("https://x.test/a.webm?x=1")).isEqualTo("video");
        assertThat(Alert.mediaKind("/media/party.gif")).isEqualTo("image");
        assertThat(Alert.mediaKind("")).isEmpty();
    }
}
