package app.ltth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SocketSubscriptionTest {

    @Test
    void aHelloSubscribesToTheNamedEventsOnly() {
        assertThat(SocketServer.subscription(null)).isEmpty();
        assertThat(SocketServer.subscription("junk")).isEmpty();
        assertThat(SocketServer.subscription(Map.of("subscribe", "tiktok:event"))).isEmpty();
        assertThat(SocketServer.subscription(Map.of("subscribe", List.of("tiktok:event:gift", 5, "", "*", "alert:show"))))
                .containsExactly("tiktok:event:gift", "alert:show");
        assertThat(SocketServer.subscription(Map.of("subscribe", List.of("tiktok:event:gift", "tiktok:event"))))
                .containsExactly("tiktok:event");
        assertThat(SocketServer.subscription(Map.of("subscribe", IntStream.range(0, 1000).mapToObj(i -> "x" + i).toList())))
                .hasSize(64);
    }
}
