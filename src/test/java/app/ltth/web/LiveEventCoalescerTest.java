package app.ltth.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ChatEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveEventCoalescerTest {

    private final User anna = User.named("anna");
    private final User ben = User.named("ben");

    @Test
    void likesOfOneViewerBecomeOneEventWithTheirSumAndViewerCountsTheLatest() {
        LiveEventCoalescer c = new LiveEventCoalescer();
        assertThat(c.absorb(new LikeEvent("l1", 1, anna, 5, 100), 10)).isTrue();
        assertThat(c.absorb(new LikeEvent("l2", 2, ben, 1, 101), 11)).isTrue();
        assertThat(c.absorb(new LikeEvent("l3", 3, anna, 7, 108), 12)).isTrue();
        assertThat(c.absorb(new ViewerCountEvent("v1", 4, 50, List.of()), 13)).isTrue();
        assertThat(c.absorb(new ViewerCountEvent("v2", 5, 55, List.of()), 14)).isTrue();
        assertThat(c.absorb(new ChatEvent("c1", 6, anna, "hi"), 15)).isFalse();

        List<LiveEventCoalescer.Pending> out = c.drain();
        assertThat(out).extracting(LiveEventCoalescer.Pending::event).containsExactly(
                new LikeEvent("l3", 3, anna, 12, 108), new LikeEvent("l2", 2, ben, 1, 101),
                new ViewerCountEvent("v2", 5, 55, List.of()));
        // latency is measured from the oldest part
        assertThat(out).extracting(LiveEventCoalescer.Pending::publishedAtNanos).containsExactly(10L, 11L, 13L);
        assertThat(c.merged()).isEqualTo(2);
        assertThat(c.drain()).isEmpty();
    }
}
