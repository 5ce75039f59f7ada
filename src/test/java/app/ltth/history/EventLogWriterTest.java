package app.ltth.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import app.ltth.store.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogWriterTest {

    @TempDir
    Path dir;

    private final User anna = new User("1", "anna", "Anna", "", true, false, false, 0);
    private final User ben = new User("2", "ben", "Ben", "", false, false, false, 0);

    private GiftEvent rose(String id, User user, int count, boolean end, long group) {
        return new GiftEvent(id, 1_000, user, 5655, "Rose", 1, count, end, true, group, "https://img/rose.png");
    }

    @Test
    void storesEveryEventAndKeepsTotalsCountingEachStreakOnce() throws Exception {
        try (Database db = Database.open(dir.resolve("a.db")); EventLogWriter writer = new EventLogWriter()) {
            writer.profileOpened("a", db);
            for (int i = 1; i <= 10; i++) writer.onEvent(rose("r" + i, anna, i, false, 7));
            writer.onEvent(rose("r-end", anna, 10, true, 7));
            writer.onEvent(new GiftEvent("galaxy", 2_000, ben, 11046, "Galaxy", 1000, 1, false, false, 8, ""));
            writer.onEvent(new ChatEvent("c1", 3_000, ben, "hi"));
            writer.onEvent(new ChatEvent("c2", 3_001, ben, "again"));
            writer.onEvent(new LikeEvent("l1", 3_002, anna, 15, 15));
            writer.onEvent(new ViewerCountEvent("v1", 3_003, 99));
            writer.onEvent(new ChatEvent("c1", 3_000, ben, "hi"));   // a duplicate (same id): stored and counted once
            writer.flush();

            EventRepository events = new EventRepository(db);
            assertThat(events.count()).isEqualTo(16);
            assertThat(writer.committed()).isEqualTo(17);   // all handed over were committed; the duplicate id was ignored

            UserStatsRepository users = new UserStatsRepository(db);
            List<UserStatsRepository.UserTotals> top = users.top(UserStatsRepository.Ranking.COINS, 10);
            assertThat(top).extracting(UserStatsRepository.UserTotals::uniqueId).containsExactly("ben", "anna");
            assertThat(top.get(0).coins()).isEqualTo(1000);
            assertThat(top.get(1).coins()).isEqualTo(10);
            assertThat(top.get(1).gifts()).isEqualTo(10);
            assertThat(top.get(1).likes()).isEqualTo(15);
            assertThat(users.top(UserStatsRepository.Ranking.CHATS, 10).get(0).chats()).isEqualTo(2);

            assertThat(users.giftCatalog()).extracting(UserStatsRepository.Gift::name).containsExactly("Rose", "Galaxy");
            assertThat(users.giftCatalog().get(0).imageUrl()).isEqualTo("https://img/rose.png");
        }
    }

    @Test
    void aViewerBackAfterThreeHoursComesForANewVisitAndTheTimeBetweenTheirSignsIsWatched() throws Exception {
        long hour = 3_600_000;
        try (Database db = Database.open(dir.resolve("v.db")); EventLogWriter writer = new EventLogWriter()) {
            writer.profileOpened("v", db);
            writer.onEvent(new ChatEvent("a", 10 * hour, anna, "hello"));
            writer.onEvent(new ChatEvent("b", 10 * hour + 60_000, anna, "a minute later"));
            writer.onEvent(new LikeEvent("c", 10 * hour + 30_000, anna, 1, 1));   // late, out of order: no time twice
            writer.flush();
            writer.onEvent(new ChatEvent("d", 12 * hour + 60_000, anna, "two hours later: the same visit"));
            writer.onEvent(new ChatEvent("e", 16 * hour, anna, "next stream"));
            writer.onEvent(new ChatEvent("f", 16 * hour + 5_000, anna, "still here"));
            writer.flush();
            UserStatsRepository.UserTotals t = new UserStatsRepository(db).byHandle("anna").orElseThrow();
            assertThat(t.visits()).isEqualTo(2);
            assertThat(t.watchMs()).isEqualTo(60_000 + 2 * hour + 5_000);
            assertThat(t.firstSeen()).isEqualTo(10 * hour);
            assertThat(t.lastSeen()).isEqualTo(16 * hour + 5_000);
        }
    }

    @Test
    void eventsThatArriveWhileDetachedGoToTheNextDatabase() throws Exception {
        try (Database first = Database.open(dir.resolve("first.db"));
             Database second = Database.open(dir.resolve("second.db"));
             EventLogWriter writer = new EventLogWriter()) {
            writer.profileOpened("first", first);
            writer.onEvent(chat("before"));
            writer.profileClosing();
            writer.onEvent(chat("between"));
            writer.profileOpened("second", second);
            writer.onEvent(chat("after"));
            writer.flush();
            assertThat(ids(first)).containsExactly("before");
            assertThat(ids(second)).containsExactly("between", "after");
        }
    }

    @Test
    void closingWritesWhatIsQueued() throws Exception {
        try (Database db = Database.open(dir.resolve("c.db"))) {
            EventLogWriter writer = new EventLogWriter();
            writer.profileOpened("c", db);
            for (int i = 0; i < 20_000; i++) writer.onEvent(chat("e" + i));
            writer.close();
            assertThat(new EventRepository(db).count()).isEqualTo(20_000);
        }
    }

    private LiveEvent chat(String id) {
        return new ChatEvent(id, System.currentTimeMillis(), anna, id);
    }

    private static List<String> ids(Database db) throws Exception {
        List<String> newestFirst = new java.util.ArrayList<>(new EventRepository(db)
                .page(new EventRepository.Query(null, null, null, null, 100, null)).events()
                .stream().map(EventRepository.Row::id).toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
