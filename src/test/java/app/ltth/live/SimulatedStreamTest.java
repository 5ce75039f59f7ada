package app.ltth.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.EventType;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatedStreamTest {

    /** Ten simulated minutes at 100 events/s, stepped as the simulator steps it; then the streaks are left to end. */
    private static List<LiveEvent> tenMinutes(long seed) {
        return tenMinutes(seed, 100);
    }

    private static List<LiveEvent> tenMinutes(long seed, double rate) {
        SimulatedStream stream = new SimulatedStream(new Random(seed));
        List<LiveEvent> events = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 6_000; i++, now += 100) events.addAll(stream.step(now, 0.1, rate));
        for (int i = 0; stream.runningStreaks() > 0 && i < 10_000; i++, now += 100) {
            events.addAll(stream.step(now, 0.1, 0));
        }
        return events;
    }

    @Test
    void streaksBehaveLikeTikToksRisingUpdatesThenOneFinalMessage() {
        Map<Long, List<GiftEvent>> byGroup = new HashMap<>();
        for (LiveEvent e : tenMinutes(1)) {
            if (e instanceof GiftEvent g) byGroup.computeIfAbsent(g.groupId(), k -> new ArrayList<>()).add(g);
        }
        assertThat(byGroup).hasSizeGreaterThan(100);
        int streaks = 0;
        for (List<GiftEvent> group : byGroup.values()) {
            GiftEvent first = group.get(0);
            assertThat(group).allMatch(g -> g.user().equals(first.user()) && g.giftId() == first.giftId());
            if (!first.streakable()) {
                assertThat(group).hasSize(1);
                assertThat(first.isFinal()).isTrue();
                continue;
            }
            streaks++;
            GiftEvent last = group.get(group.size() - 1);
            assertThat(group).filteredOn(GiftEvent::repeatEnd).containsExactly(last);
            assertThat(group.size()).as("even one gift sends an update and an end").isGreaterThanOrEqualTo(2);
            for (int i = 1; i < group.size() - 1; i++) {
                assertThat(group.get(i).repeatCount()).isGreaterThan(group.get(i - 1).repeatCount());
            }
            assertThat(last.repeatCount()).isEqualTo(group.get(group.size() - 2).repeatCount());
        }
        assertThat(streaks).isGreaterThan(50);
    }

    @Test
    void theRateDecidesHowManyEventsHappen() {
        SimulatedStream stream = new SimulatedStream(new Random(2));
        long nonStreakEvents = 0;
        for (int i = 0; i < 100; i++) {
            nonStreakEvents += stream.step(i * 100L, 0.1, 30).stream()
                    .filter(e -> !(e instanceof GiftEvent g && g.groupId() > 0 && !isFirstOfStreak(g)))
                    .filter(e -> e.type() != EventType.VIEWERS)
                    .count();
        }
        // 10 s at 30 events/s: exactly 300 new events (streak continuations and viewer counts come on top).
        assertThat(nonStreakEvents).isEqualTo(300);
    }

    private static boolean isFirstOfStreak(GiftEvent g) {
        return g.repeatCount() == 1 && !g.repeatEnd();
    }

    @Test
    void atTheDemosSpeedAlertsAndCoinsComeAsOnARealLive() {
        for (long seed = 1; seed <= 5; seed++) {
            List<LiveEvent> events = tenMinutes(seed, 5);   // the demo's default speed
            long gifts = events.stream().filter(e -> e instanceof GiftEvent g && g.isFinal()).count();
            long coins = events.stream().filter(e -> e instanceof GiftEvent g && g.isFinal())
                    .mapToLong(e -> ((GiftEvent) e).coins()).sum();
            long follows = events.stream().filter(e -> e.type() == EventType.FOLLOW).count();
            long subscriptions = events.stream().filter(e -> e.type() == EventType.SUBSCRIBE).count();
            // A gift alert every 20-40 s on average, a follow every 10-20 s, a few subscriptions, not a coin flood.
            assertThat(gifts).as("gifts in 10 minutes, seed " + seed).isBetween(12L, 35L);
            assertThat(follows).as("follows, seed " + seed).isBetween(25L, 60L);
            assertThat(subscriptions).as("subscriptions, seed " + seed).isLessThanOrEqualTo(8);
            assertThat(coins).as("coins, seed " + seed).isBetween(100L, 35_000L);
        }
    }

    @Test
    void theStreamHasVarietyAndLikesCarryARisingRoomTotal() {
        List<LiveEvent> events = tenMinutes(3);
        Set<EventType> types = events.stream().map(LiveEvent::type).collect(Collectors.toSet());
        assertThat(types).contains(EventType.CHAT, EventType.GIFT, EventType.LIKE, EventType.FOLLOW, EventType.SHARE,
                EventType.JOIN, EventType.VIEWERS, EventType.SUBSCRIBE, EventType.EMOTE, EventType.QUESTION);
        long previous = 0;
        for (LiveEvent e : events) {
            if (e instanceof LikeEvent like) {
                assertThat(like.totalLikes()).isEqualTo(previous + like.likeCount());
                previous = like.totalLikes();
            }
        }
        assertThat(events.stream().map(LiveEvent::id).distinct().count()).isEqualTo(events.size());
    }
}
