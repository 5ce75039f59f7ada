package app.ltth.staying;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.SocketClients;
import app.ltth.TestApp;
import app.ltth.events.ChatEvent;
import app.ltth.events.EventBus;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.JoinEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import app.ltth.alerts.AlertService;
import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.json.JSONObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 500 overlays connected while 1,000 events a second flow for a minute: the database keeps every event, and every
 * overlay gets every gift and every alert, in order.
 */
@Tag("staying")
class LoadTest {

    static final int CLIENTS = 500;
    static final int RATE = 1_000;
    static final int SECONDS = 60;

    @TempDir
    Path dir;

    /** Per 1,000 events: 600 likes, 200 chats, 100 joins, 50 gifts, 20 viewer counts, 20 follows, 10 shares. */
    static LiveEvent event(long i) {
        long now = System.currentTimeMillis();
        User user = User.named("viewer" + (i % 2_000));
        int slot = (int) (i % 1_000);
        String id = "load-" + i;
        if (slot < 600) return new LikeEvent(id, now, user, 1 + (int) (i % 15), i);
        if (slot < 800) return new ChatEvent(id, now, user, "message " + i);
        if (slot < 900) return new JoinEvent(id, now, user);
        if (slot < 950) return new GiftEvent(id, now, user, 5655, "Rose", 1 + (int) (i % 100), 1, true, false, i, "");
        if (slot < 970) return new ViewerCountEvent(id, now, 2_000 + i % 50, List.of());
        if (slot < 990) return new FollowEvent(id, now, user);
        return new ShareEvent(id, now, user);
    }

    @Test
    void fiveHundredOverlaysWhileAThousandEventsASecondFlowForAMinute() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.put("/api/alerts/gift", "{\"enabled\":true,\"seconds\":1}");
            app.put("/api/alerts/follow", "{\"enabled\":true,\"seconds\":1}");
            List<Received> received = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) received.add(new Received());
            try (SocketClients overlays = new SocketClients(app.socketUrl(), CLIENTS,
                    List.of(SocketEvents.EVENT + ":gift", AlertService.SHOW), List.of(SocketEvents.EVENT, AlertService.SHOW),
                    (client, event, args) -> received.get(client).add(event, SocketClients.json(args)))) {
                EventBus bus = app.app().bus();
                long publishedBefore = bus.stats().published();
                List<String> giftIds = new ArrayList<>();
                long total = (long) RATE * SECONDS;
                long start = System.nanoTime();
                for (long i = 0; i < total; i++) {
                    long wait = start + i * 1_000_000_000L / RATE - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                    LiveEvent event = event(i);
                    assertThat(bus.publish(event)).as("the bus took event %d", i).isTrue();
                    if (event instanceof GiftEvent) giftIds.add(event.id());
                }
                app.awaitStored();
                // Skip through the alerts still waiting, so every one that was queued is shown now.
                TestApp.await(() -> {
                    JsonNode queue = app.get("/api/alerts").json().get("queue");
                    if (queue.get("waiting").asInt() > 0 || queue.hasNonNull("showing")) app.post("/api/alerts/skip", "");
                    return queue.get("waiting").asInt() == 0;
                });
                long shown = app.get("/api/alerts").json().at("/queue/shown").asLong();

                assertThat(bus.stats().shedTotal()).as("nothing shed at 1,000 events/s").isZero();
                assertThat(bus.stats().published() - publishedBefore).isEqualTo(total);
                long stored = app.app().profiles().database().read(c -> {
                    try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM events WHERE id LIKE 'load-%'")) {
                        return r.next() ? r.getLong(1) : 0;
                    }
                });
                assertThat(stored).as("every event is in the database").isEqualTo(total);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline
                        && !received.stream().allMatch(r -> r.complete(giftIds.size(), shown))) {
                    Thread.sleep(100);
                }
                List<String> firstAlerts = received.get(0).alerts();
                assertThat(firstAlerts).as("alerts shown").hasSize((int) shown).isNotEmpty();
                for (int c = 0; c < CLIENTS; c++) {
                    assertThat(received.get(c).gifts()).as("gifts at overlay %d, in order", c).isEqualTo(giftIds);
                    assertThat(received.get(c).alerts()).as("alerts at overlay %d, in order", c).isEqualTo(firstAlerts);
                }
            }
        }
    }

    /** What one overlay received, in arrival order. */
    private static final class Received {
        private final List<String> gifts = new ArrayList<>();
        private final List<String> alerts = new ArrayList<>();

        synchronized void add(String event, JSONObject message) {
            if (event.equals(SocketEvents.EVENT)) {
                gifts.add(message.optJSONObject("data").optString("id"));
            } else {
                alerts.add(message.optString("id"));
            }
        }

        synchronized boolean complete(int giftCount, long alertCount) {
            return gifts.size() >= giftCount && alerts.size() >= alertCount;
        }

        synchronized List<String> gifts() {
            return List.copyOf(gifts);
        }

        synchronized List<String> alerts() {
            return List.copyOf(alerts);
        }
    }
}
