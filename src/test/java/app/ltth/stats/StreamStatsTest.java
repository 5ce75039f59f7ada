package app.ltth.stats;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ConnectionState;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import org.junit.jupiter.api.Test;

class StreamStatsTest {

    private final StreamStats stats = new StreamStats();
    private final User anna = User.named("anna");

    private static GiftEvent gift(User user, int coins, int count, boolean end, boolean streakable, long group) {
        return new GiftEvent("g" + group + "-" + count + end, 1, user, 5655, "Rose", coins, count, end, streakable, group, "");
    }

    @Test
    void aStreakCountsItsCoinsOnceAtTheEnd() {
        for (int i = 1; i <= 10; i++) stats.onEvent(gift(anna, 1, i, false, true, 7));
        assertThat(stats.snapshot().coins()).isZero();
        stats.onEvent(gift(anna, 1, 10, true, true, 7));
        assertThat(stats.snapshot().coins()).isEqualTo(10);
        assertThat(stats.snapshot().gifts()).isEqualTo(10);
    }

    @Test
    void aNonStreakableGiftCountsOnceEvenWithoutRepeatEnd() {
        stats.onEvent(gift(anna, 1000, 1, false, false, 8));
        assertThat(stats.snapshot().coins()).isEqualTo(1000);
    }

    @Test
    void likesFollowTheRoomTotalAndAddUpWhenThereIsNone() {
        stats.onEvent(new LikeEvent("l1", 1, anna, 5, 500));
        stats.onEvent(new LikeEvent("l2", 2, anna, 5, 480));   // late, smaller total: never goes backwards
        assertThat(stats.snapshot().likes()).isEqualTo(500);
        stats.onEvent(new LikeEvent("l3", 3, anna, 7, 0));     // no total known: add the batch
        assertThat(stats.snapshot().likes()).isEqualTo(507);
    }

    @Test
    void viewersFollowersSharesAndRevision() {
        long before = stats.snapshot().revision();
        stats.onEvent(new ViewerCountEvent("v", 1, 321));
        stats.onEvent(new FollowEvent("f", 1, anna));
        stats.onEvent(new ShareEvent("s", 1, anna));
        StatsSnapshot s = stats.snapshot();
        assertThat(s.viewers()).isEqualTo(321);
        assertThat(s.followers()).isEqualTo(1);
        assertThat(s.shares()).isEqualTo(1);
        assertThat(s.revision()).isEqualTo(before + 3);
    }

    @Test
    void aNewSessionStartsFromZeroButAReconnectDoesNot() {
        stats.onEvent(status(ConnectionState.LIVE, 1_000));
        stats.onEvent(gift(anna, 5, 1, false, false, 1));
        stats.onEvent(status(ConnectionState.RECONNECTING, 2_000));
        stats.onEvent(status(ConnectionState.LIVE, 3_000));
        assertThat(stats.snapshot().coins()).isEqualTo(5);
        assertThat(stats.snapshot().startedAt()).isEqualTo(1_000);

        stats.onEvent(status(ConnectionState.OFFLINE, 4_000));
        stats.onEvent(status(ConnectionState.LIVE, 5_000));
        assertThat(stats.snapshot().coins()).isZero();
        assertThat(stats.snapshot().startedAt()).isEqualTo(5_000);
    }

    private static ConnectionStatusEvent status(ConnectionState state, long at) {
        return new ConnectionStatusEvent("s" + at, at, state, "simulator", "", "", null, null);
    }
}
