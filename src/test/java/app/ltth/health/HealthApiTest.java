package app.ltth.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import app.ltth.events.LikeEvent;
import app.ltth.events.User;
import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    void aPageThatStopsReadingIsSkippedForLikesButOthersGetEverything() throws Exception {
        CountDownLatch greeted = new CountDownLatch(1);
        // A raw engine.io client that takes its greeting and then reads nothing more, as a frozen browser source.
        WebSocket.Listener frozen = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (!last) {
                    ws.request(1);
                    return null;
                }
                String message = text.toString();
                text.setLength(0);
                if (message.startsWith("0{")) {
                    ws.sendText("40", true);
                } else if (message.startsWith("40")) {
                    ws.sendText("42[\"ltth:hello\",{\"subscribe\":[\"tiktok:event:like\",\"tiktok:event:gift\"]}]", true);
                } else if (message.contains(SocketEvents.STATUS)) {
                    greeted.countDown();
                    return null;   // no more demand: nothing else is read
                }
                ws.request(1);
                return null;
            }
        };
        WebSocket page = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + app.app().socketPort() + "/socket.io/?EIO=4&transport=websocket"), frozen)
                .get(10, TimeUnit.SECONDS);
        try (TestSocket live = TestSocket.subscribe(app.socketUrl(), null, List.of("tiktok:event:gift"), SocketEvents.EVENT)) {
            assertThat(greeted.await(10, TimeUnit.SECONDS)).isTrue();
            // Merged likes of many viewers: megabytes for the page that does not read.
            for (int round = 0; round < 8 && app.get("/api/health").json().get("slowPageDrops").asLong() == 0; round++) {
                for (int i = 0; i < 20_000; i++) {
                    app.app().bus().publish(new LikeEvent("slow-" + round + "-" + i, i, User.named("fan" + i), 3, i));
                    if (i % 5_000 == 4_999) app.awaitStored();
                }
                Thread.sleep(400);
            }
            assertThat(app.get("/api/health").json().get("slowPageDrops").asLong()).isPositive();
            assertThat(app.get("/api/metrics").body()).containsPattern("ltth_slow_page_drops_total [1-9]");
            app.giftStreak("after", "After", "Rose", 1, 1, 5);
            assertThat(live.await(SocketEvents.EVENT, m -> m.at("/data/user/uniqueId").asText().equals("after"))).isNotNull();
        } finally {
            page.abort();
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
