package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.GiftEvent;
import app.ltth.events.User;
import app.ltth.stats.StreamStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GiftStreakTrackerTest {

    static final long TIMEOUT = 15_000;

    record Sent(long at, GiftEvent gift) {
    }

    private static GiftEvent gift(long msgId, User user, long giftId, String name, int coins, int count, boolean end,
                                  boolean streakable, long group, long at) {
        return new GiftEvent(String.valueOf(msgId), at, user, giftId, name, coins, count, end, streakable, group, "");
    }

    /** Runs messages, in time order, through dedupe + tracker + the stream totals, as the connector does. */
    private static long coinsCounted(List<Sent> messages) {
        MessageDeduplicator dedupe = new MessageDeduplicator(100_000);
        GiftStreakTracker tracker = new GiftStreakTracker(TIMEOUT);
        StreamStats stats = new StreamStats();
        long lastExpire = 0;
        long now = 0;
        for (Sent s : messages) {
            now = s.at();
            if (now - lastExpire >= 1_000) {
                tracker.expire(now).forEach(stats::onEvent);
                lastExpire = now;
            }
            if (!dedupe.firstTime(s.gift().id())) continue;
            tracker.accept(s.gift(), now).forEach(stats::onEvent);
        }
        tracker.expire(now + TIMEOUT).forEach(stats::onEvent);
        assertThat(tracker.openStreaks()).isZero();
        return stats.snapshot().coins();
    }

    @Test
    void interleavedStreaksLostEndsAndReplaysAddUpToExactlyWhatTikTokShows() {
        Random random = new Random(7);
        List<Sent> messages = new ArrayList<>();
        long expected = 0;
        long msgId = 1;
        for (int s = 0; s < 400; s++) {
            User user = new User("u" + random.nextInt(30), "user" + s % 30, "User", "", false, false, false, 0);
            long start = random.nextInt(600_000);
            int pick = random.nextInt(10);
            if (pick < 2) {   // a non-streakable gift: one message
                int coins = pick == 0 ? 29999 : 1000;
                messages.add(new Sent(start, gift(msgId++, user, 6000 + pick, "Big", coins, 1, false, false, s, start)));
                expected += coins;
                continue;
            }
            int coins = pick < 6 ? 1 : 5;
            int count = 1 + random.nextInt(50);
            long t = start;
            for (int c = 1; c <= count; c++) {
                t += 100 + random.nextInt(400);
                messages.add(new Sent(t, gift(msgId++, user, 5655 + coins, "Rose", coins, c, false, true, s, t)));
            }
            if (random.nextInt(10) > 0) {   // 10 % of end messages never arrive
                t += 200;
                messages.add(new Sent(t, gift(msgId++, user, 5655 + coins, "Rose", coins, count, true, true, s, t)));
            }
            expected += (long) count * coins;
        }
        // After a reconnect TikTok replays recent messages: 15 % of them arrive a second time, later.
        List<Sent> replays = new ArrayList<>();
        for (Sent m : messages) {
            if (random.nextInt(100) < 15) replays.add(new Sent(m.at() + 1_000 + random.nextInt(5_000), m.gift()));
        }
        messages.addAll(replays);
        messages.sort(Comparator.comparingLong(Sent::at));

        assertThat(coinsCounted(messages)).isEqualTo(expected);
    }

    @Test
    void outOfOrderUpdatesNeverCountDownAndTheEndCountsTheHighest() {
        GiftStreakTracker tracker = new GiftStreakTracker(TIMEOUT);
        User anna = User.named("anna");
        List<Integer> shown = new ArrayList<>();
        for (int count : new int[] {1, 3, 2}) {
            tracker.accept(gift(count, anna, 5655, "Rose", 1, count, false, true, 9, count * 100L), count * 100L)
                    .forEach(g -> shown.add(g.repeatCount()));
        }
        assertThat(shown).as("the late 2 is not shown after the 3").containsExactly(1, 3);
        // TikTok's end message carries the count of the update it answers: here the 2.
        List<GiftEvent> end = tracker.accept(gift(4, anna, 5655, "Rose", 1, 2, true, true, 9, 500), 500);
        assertThat(end).singleElement().satisfies(g -> {
            assertThat(g.isFinal()).isTrue();
            assertThat(g.repeatCount()).isEqualTo(3);
            assertThat(g.coins()).isEqualTo(3);
        });
        assertThat(tracker.dropped()).isEqualTo(1);
    }

    @Test
    void outOfOrderUpdatesWithoutAnEndCountTheHighestAfterTheTimeout() {
        GiftStreakTracker tracker = new GiftStreakTracker(TIMEOUT);
        User anna = User.named("anna");
        int[] counts = {1, 3, 2};
        for (int i = 0; i < counts.length; i++) {
            long at = (i + 1) * 100L;
            tracker.accept(gift(i + 1, anna, 5655, "Rose", 1, counts[i], false, true, 9, at), at);
        }
        assertThat(tracker.expire(300 + TIMEOUT - 1)).as("the late 2 kept the streak alive").isEmpty();
        assertThat(tracker.expire(300 + TIMEOUT)).singleElement().satisfies(g -> {
            assertThat(g.repeatCount()).isEqualTo(3);
            assertThat(g.coins()).isEqualTo(3);
        });
    }

    @Test
    void anEndMessageThatArrivesAfterTheTimeoutDoesNotCountTwice() {
        User anna = User.named("anna");
        List<Sent> messages = List.of(
                new Sent(0, gift(1, anna, 5655, "Rose", 1, 1, false, true, 9, 0)),
                new Sent(500, gift(2, anna, 5655, "Rose", 1, 2, false, true, 9, 500)),
                new Sent(40_000, gift(3, anna, 5655, "Rose", 1, 2, true, true, 9, 40_000)));
        assertThat(coinsCounted(messages)).isEqualTo(2);
    }

    @Test
    void theSyntheticEndCarriesTheStreaksLastCount() {
        GiftStreakTracker tracker = new GiftStreakTracker(TIMEOUT);
        User ben = User.named("ben");
        tracker.accept(gift(1, ben, 5487, "Finger Heart", 5, 7, false, true, 3, 0), 0);
        assertThat(tracker.expire(TIMEOUT - 1)).isEmpty();
        List<GiftEvent> finals = tracker.expire(TIMEOUT);
        assertThat(finals).singleElement().satisfies(g -> {
            assertThat(g.isFinal()).isTrue();
            assertThat(g.coins()).isEqualTo(35);
            assertThat(g.id()).isEqualTo("1-end");
        });
        assertThat(tracker.accept(gift(2, ben, 5487, "Finger Heart", 5, 7, true, true, 3, 20_000), 20_000)).isEmpty();
        assertThat(tracker.dropped()).isEqualTo(1);
    }

    @Test
    void theDeduplicatorForgetsOnlyTheOldest() {
        MessageDeduplicator dedupe = new MessageDeduplicator(3);
        assertThat(dedupe.firstTime("a")).isTrue();
        assertThat(dedupe.firstTime("a")).isFalse();
        dedupe.firstTime("b");
        dedupe.firstTime("c");
        dedupe.firstTime("d");   // "a" is forgotten now
        assertThat(dedupe.firstTime("d")).isFalse();
        assertThat(dedupe.firstTime("a")).isTrue();
        assertThat(dedupe.duplicates()).isEqualTo(2);
    }
}
