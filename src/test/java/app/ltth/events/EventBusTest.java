package app.ltth.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBusTest {

    private static ChatEvent chat(int n) {
        return new ChatEvent("c" + n, n, User.named("u"), "message " + n);
    }

    private static LikeEvent like(int n) {
        return new LikeEvent("l" + n, n, User.named("u"), 1, n);
    }

    @Test
    void deliversEveryEventToEveryListenerInPublishOrder() {
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        try (EventBus bus = new EventBus(10_000, Duration.ofSeconds(1))) {
            bus.subscribe("first", e -> first.add(e.id()));
            bus.subscribe("second", e -> second.add(e.id()));
            for (int i = 0; i < 1_000; i++) {
                assertThat(bus.publish(i % 3 == 0 ? like(i) : chat(i))).isTrue();
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) expected.add((i % 3 == 0 ? "l" : "c") + i);
        assertThat(first).containsExactlyElementsOf(expected);
        assertThat(second).containsExactlyElementsOf(expected);
    }

    @Test
    void aThrowingListenerIsCountedAndDoesNotStopDeliveryToOthers() {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        EventBus bus = new EventBus(100, Duration.ofSeconds(1));
        bus.subscribe("broken", e -> {
            throw new IllegalStateException("boom on " + e.id());
        });
        bus.subscribe("healthy", e -> received.add(e.id()));
        for (int i = 0; i < 5; i++) bus.publish(chat(i));
        BusStats stats = waitUntilDelivered(bus, 5);
        bus.close();

        assertThat(received).containsExactly("c0", "c1", "c2", "c3", "c4");
        BusStats.ListenerStats broken = stats.listeners().get(0);
        assertThat(broken.name()).isEqualTo("broken");
        assertThat(broken.failures()).isEqualTo(5);
        assertThat(broken.lastError()).contains("boom on c4");
        assertThat(stats.listeners().get(1).failures()).isZero();
    }

    @Test
    void whenTheQueueIsFullFloodsAreShedFirstAndEverySheddingIsCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        EventBus bus = new EventBus(4, Duration.ofMillis(50));
        bus.subscribe("slow", e -> {
            blocked.countDown();
            release.await();
            received.add(e.id());
        });
        bus.publish(chat(0));                 // taken by the dispatcher, which then blocks
        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 4; i++) assertThat(bus.publish(chat(i))).isTrue();   // fills the queue

        assertThat(bus.publish(like(5))).isFalse();     // a like is shed at once
        assertThat(bus.publish(chat(6))).isFalse();     // a chat waits for room (50 ms here), then is shed

        BusStats stats = bus.stats();
        assertThat(stats.shed()).containsEntry(EventType.LIKE, 1L).containsEntry(EventType.CHAT, 1L);
        assertThat(stats.shedTotal()).isEqualTo(2);
        release.countDown();
        bus.close();
        assertThat(received).containsExactly("c0", "c1", "c2", "c3", "c4");
    }

    @Test
    void aWaitingHighPriorityEventGetsInOnceThereIsRoom() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        EventBus bus = new EventBus(1, Duration.ofSeconds(5));
        bus.subscribe("slow", e -> {
            blocked.countDown();
            release.await();
        });
        bus.publish(chat(0));
        blocked.await(5, TimeUnit.SECONDS);
        bus.publish(chat(1));                                   // queue now full
        Thread releaser = new Thread(() -> {
            sleep(100);
            release.countDown();
        });
        releaser.start();
        GiftEvent gift = new GiftEvent("g", 1, User.named("u"), 1, "Rose", 1, 1, true, true, 1, "");
        assertThat(bus.publish(gift)).isTrue();
        bus.close();
        assertThat(bus.stats().shedTotal()).isZero();
    }

    @Test
    void anAsyncListenerThatIsSlowDoesNotHoldUpTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> fast = Collections.synchronizedList(new ArrayList<>());
        List<String> slow = Collections.synchronizedList(new ArrayList<>());
        EventBus bus = new EventBus(100, Duration.ofSeconds(1));
        bus.subscribeAsync("slow", 100, e -> {
            release.await();
            slow.add(e.id());
        });
        bus.subscribe("fast", e -> fast.add(e.id()));
        for (int i = 0; i < 10; i++) bus.publish(chat(i));
        waitUntilDelivered(bus, 10);
        assertThat(fast).hasSize(10);
        assertThat(slow).isEmpty();
        release.countDown();
        waitFor(() -> slow.size() == 10);
        assertThat(slow).containsExactlyElementsOf(fast);
        bus.close();
    }

    @Test
    void closingLetsAnAsyncListenerFinishWhatIsQueued() {
        List<String> slow = Collections.synchronizedList(new ArrayList<>());
        EventBus bus = new EventBus(1_000, Duration.ofSeconds(1));
        bus.subscribeAsync("slow", 1_000, e -> {
            Thread.sleep(1);
            slow.add(e.id());
        });
        for (int i = 0; i < 200; i++) bus.publish(chat(i));
        bus.close();
        assertThat(slow).hasSize(200);
    }

    @Test
    void anUnsubscribedListenerGetsNothingMore() {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        EventBus bus = new EventBus(100, Duration.ofSeconds(1));
        EventBus.Subscription subscription = bus.subscribe("l", e -> received.add(e.id()));
        bus.publish(chat(1));
        waitUntilDelivered(bus, 1);
        subscription.close();
        bus.publish(chat(2));
        bus.close();
        assertThat(received).containsExactly("c1");
        assertThat(bus.stats().listeners()).isEmpty();
    }

    @Test
    void closingDeliversWhatIsQueuedAndRefusesNewEvents() {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        EventBus bus = new EventBus(10_000, Duration.ofSeconds(1));
        bus.subscribe("l", e -> received.add(e.id()));
        for (int i = 0; i < 5_000; i++) bus.publish(chat(i));
        bus.close();
        assertThat(received).hasSize(5_000);
        assertThat(bus.publish(chat(9))).isFalse();
        assertThat(bus.stats().shed()).containsEntry(EventType.CHAT, 1L);
    }

    private static BusStats waitUntilDelivered(EventBus bus, long count) {
        waitFor(() -> bus.stats().delivered() >= count);
        return bus.stats();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
