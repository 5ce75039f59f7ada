package app.ltth.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import app.ltth.events.LikeEvent;
import app.ltth.events.User;
import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthApiTest {

    @TempDir
    Path dir;
    private TestApp app;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.start(dir);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void overlaysReceiveOnlyTheEventTypesTheySubscribedTo() throws Exception {
        try (TestSocket gifts = TestSocket.subscribe(app.socketUrl(), null, List.of("tiktok:event:gift"), SocketEvents.EVENT, SocketEvents.STATS);
             TestSocket everything = TestSocket.connect(app.socketUrl(), null, SocketEvents.EVENT)) {
            app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"hi\"}");
            app.giftStreak("ben", "Ben", "Rose", 1, 1, 1);
            everything.await(SocketEvents.EVENT, m -> m.get("type").asText().equals("chat"));
            everything.await(SocketEvents.EVENT, m -> m.get("type").asText().equals("gift"));
            JsonNode gift = gifts.await(SocketEvents.EVENT, m -> true);
            assertThat(gift.get("type").asText()).isEqualTo("gift");
            assertThat(gift.at("/data/user/uniqueId").asText()).isEqualTo("ben");
            Thread.sleep(1_500);   // a stats broadcast would have come by now
            assertThat(gifts.drain(SocketEvents.EVENT)).isEmpty();
            assertThat(gifts.drain(SocketEvents.STATS)).isEmpty();
        }
    }

    @Test
    void aViewersLikesReachPagesMergedWithTheirSum() throws Exception {
        try (TestSocket likes = TestSocket.subscribe(app.socketUrl(), null, List.of("tiktok:event:like"), SocketEvents.EVENT)) {
            User anna = User.named("anna");
            for (int i = 1; i <= 10; i++) app.app().bus().publish(new LikeEvent("like-" + i, i, anna, 1, 100 + i));
            app.awaitStored();
            TestApp.await(() -> app.get("/api/health").json().get("coalesced").asLong() >= 8);
            Thread.sleep(600);   // two flushes: everything merged has been sent
            List<JsonNode> received = likes.drain(SocketEvents.EVENT);
            assertThat(received).hasSizeBetween(1, 2);
            assertThat(received.stream().mapToInt(m -> m.at("/data/likeCount").asInt()).sum()).isEqualTo(10);
            assertThat(received.get(received.size() - 1).at("/data/totalLikes").asLong()).isEqualTo(110);
        }
        // the event log keeps every single like
        assertThat(app.get("/api/metrics").body()).contains("ltth_event_log_committed_total 10");
    }

    @Test
    void overlayAcknowledgementsAreTheMeasuredLatency() throws Exception {
        try (TestSocket overlay = TestSocket.subscribe(app.socketUrl(), null, List.of("tiktok:event:chat"), SocketEvents.EVENT)) {
            app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"hi\"}");
            JsonNode message = overlay.await(SocketEvents.EVENT, m -> m.has("ack"));
            overlay.emit(SocketEvents.ACK, "{\"ack\":" + message.get("ack").asLong() + "}");
            overlay.emit(SocketEvents.ACK, "{\"ack\":\"nonsense\"}");
            overlay.emit(SocketEvents.ACK, "{\"ack\":999999}");
            TestApp.await(() -> app.get("/api/health").json().at("/overlayLatency/total").asLong() == 1);
            JsonNode health = app.get("/api/health").json();
            assertThat(health.at("/overlayLatency/samples").asInt()).isEqualTo(1);
            assertThat(health.at("/overlayLatency/maxMs").asDouble()).isPositive();
            assertThat(health.at("/busDelay/total").asLong()).isEqualTo(1);
            assertThat(health.get("lastEventAgeMs").asLong()).isBetween(0L, 10_000L);
            assertThat(health.get("socketClients").asInt()).isEqualTo(1);
            assertThat(health.at("/memory/heapUsed").asLong()).isPositive();
        }
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        app.post("/api/events/simulate", "{\"type\":\"follow\",\"user\":\"anna\"}");
        app.awaitStored();
        TestApp.Response metrics = app.get("/api/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body().lines()).contains("ltth_events_published_total 1", "ltth_event_log_committed_total 1",
                "ltth_queue_capacity{queue=\"bus\"} 10000", "# TYPE ltth_events_per_second gauge");
        assertThat(metrics.body()).contains("ltth_memory_heap_used_bytes ", "ltth_overlay_latency_seconds{quantile=\"0.5\"} ");
    }
}
