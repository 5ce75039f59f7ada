package app.ltth.timers;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.User;
import app.ltth.json.Json;
import app.ltth.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timers with an injected clock and a real database; overlays left out (no socket server). */
class TimerServiceTest {

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final User anna = User.named("anna");

    private TimerService service() {
        TimerService s = new TimerService(null, () -> "!/", now::get, false);
        s.setActive(true);
        return s;
    }

    private static GiftEvent gift(String name, int coinsEach, int count) {
        return new GiftEvent("g" + name + count, 1, User.named("fan"), 1, name, coinsEach, count, true, true, 1, "");
    }

    private static long left(TimerService s, String id) {
        return ((Number) s.get(id).orElseThrow().get("remainingMs")).longValue();
    }

    @Test
    void rulesAddTimePerGiftPerCoinPerLikesAndPerFollowWithinTheCap() throws Exception {
        try (Database db = Database.open(dir.resolve("t.db")); TimerService s = service()) {
            s.profileOpened("p", db);
            String id = (String) s.create(Json.MAPPER.readTree("{\"name\":\"Subathon\",\"seconds\":600,\"capSeconds\":3600,"
                    + "\"rules\":[{\"on\":\"gift\",\"gift\":\"Rose\",\"seconds\":10},{\"on\":\"coins\",\"seconds\":2},"
                    + "{\"on\":\"likes\",\"every\":100,\"seconds\":5},{\"on\":\"follow\",\"seconds\":30},"
                    + "{\"on\":\"command\",\"command\":\"!addtime\",\"seconds\":-60}]}")).get("id");
            s.act(id, "start", 0);
            s.onEvent(gift("Rose", 1, 3));          // 3 Roses: 30 s, and 3 coins: 6 s
            assertThat(left(s, id)).isEqualTo(636_000);
            s.onEvent(new LikeEvent("l1", 1, anna, 150, 150));
            s.onEvent(new LikeEvent("l2", 1, anna, 60, 210));   // 210 likes: two steps, 10 left over
            assertThat(left(s, id)).isEqualTo(646_000);
            s.onEvent(new FollowEvent("f", 1, anna));
            s.onEvent(new ChatEvent("c", 1, anna, "!AddTime please"));
            assertThat(left(s, id)).isEqualTo(616_000);
            s.onEvent(gift("Galaxy", 1500, 1));      // 3,000 s more, but at most an hour in all
            assertThat(left(s, id)).isEqualTo(3_600_000);
            now.addAndGet(10_000);
            assertThat(left(s, id)).isEqualTo(3_590_000);
            assertThat(s.placeholders()).containsEntry("timer:Subathon", "59:50").containsEntry("timer:" + id, "59:50");
        }
    }

    @Test
    void aCountdownEndsOnceItsListenersHearItAndAPausedTimerStaysPausedAcrossARestart() throws Exception {
        List<String> ended = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("r.db"))) {
            String id;
            try (TimerService s = service()) {
                s.addListener((def, state) -> ended.add(def.name() + " " + state.state()));
                s.profileOpened("p", db);
                id = (String) s.create(Json.MAPPER.readTree("{\"name\":\"Short\",\"seconds\":5}")).get("id");
                String paused = (String) s.create(Json.MAPPER.readTree("{\"name\":\"Paused\",\"seconds\":300}")).get("id");
                s.act(paused, "start", 0);
                now.addAndGet(100_000);
                s.act(paused, "pause", 0);
                s.act(id, "start", 0);
                now.addAndGet(4_000);
                s.tick();
                assertThat(ended).isEmpty();
                now.addAndGet(1_000);
                s.tick();
                s.tick();
                assertThat(ended).containsExactly("Short ended");
                assertThat(s.get(id).orElseThrow()).containsEntry("state", "ended").containsEntry("text", "0:00");
            }   // closing saves
            now.addAndGet(3_600_000);   // an hour later
            try (TimerService again = service()) {
                again.profileOpened("p", db);
                assertThat(again.get("Paused").orElseThrow()).containsEntry("state", "paused").containsEntry("remainingMs", 200_000L);
                assertThat(again.get("short").orElseThrow()).as("found by name in any case").containsEntry("state", "ended");
            }
        }
    }

    @Test
    void aRunningTimerCountsOnWhileLtthIsClosedAndLikesSpeedItUp() throws Exception {
        try (Database db = Database.open(dir.resolve("l.db"))) {
            try (TimerService s = service()) {
                s.profileOpened("p", db);
                String id = (String) s.create(Json.MAPPER.readTree("{\"name\":\"Fast\",\"seconds\":1000,"
                        + "\"likeSpeed\":{\"likes\":100,\"step\":0.5,\"max\":3,\"windowSeconds\":10}}")).get("id");
                s.act(id, "start", 0);
                s.onEvent(new LikeEvent("l", 1, anna, 200, 200));   // two steps: twice as fast
                s.tick();
                now.addAndGet(10_000);
                assertThat(left(s, id)).isEqualTo(980_000);
                s.tick();   // the likes are out of the ten seconds' window now: normal speed again
                assertThat(s.get(id).orElseThrow()).containsEntry("rate", 1.0);
            }
            now.addAndGet(100_000);
            try (TimerService again = service()) {
                again.profileOpened("p", db);
                assertThat(((Number) again.get("Fast").orElseThrow().get("remainingMs")).longValue())
                        .as("the wall clock went on").isEqualTo(980_000 - 100_000);
            }
        }
    }

    @Test
    void theTimeReadsAsHoursMinutesAndSeconds() {
        assertThat(TimerService.format(0)).isEqualTo("0:00");
        assertThat(TimerService.format(75_000)).isEqualTo("1:15");
        assertThat(TimerService.format(74_001)).as("a started second still shows").isEqualTo("1:15");
        assertThat(TimerService.format(3_725_000)).isEqualTo("1:02:05");
    }
}
