package app.ltth.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ConnectionState;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.User;
import app.ltth.i18n.Locales;
import app.ltth.i18n.Texts;
import app.ltth.json.Json;
import app.ltth.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gift milestones with a real database and the celebrations recorded instead of shown. */
class MilestoneServiceTest {

    @TempDir
    Path dir;

    private final List<String> celebrated = new ArrayList<>();
    private final Texts texts = new Locales(Path.of("target", "no-overrides")).texts("en");

    private MilestoneService service() {
        MilestoneService s = new MilestoneService((template, fields, seconds, sound, media) ->
                celebrated.add(template.replace("{coins}", String.valueOf(fields.get("coins"))).replace("{name}",
                        String.valueOf(fields.get("name"))) + " " + media + " " + seconds + "s"), () -> texts);
        s.setActive(true);
        return s;
    }

    private static GiftEvent streak(String id, int count, boolean end) {
        return new GiftEvent(id, 1_000, User.named("anna"), 1, "Rose", 1, count, end, true, 9, "");
    }

    private static ConnectionStatusEvent status(ConnectionState state) {
        return new ConnectionStatusEvent("s" + state, 1, state, "tiktok", "streamer", "", null, null);
    }

    @Test
    void oneStreakCrossingTwoTiersPlaysBothInOrderAndANewStreamStartsOver() throws Exception {
        try (Database db = Database.open(dir.resolve("m.db")); MilestoneService m = service()) {
            m.profileOpened("p", db);
            m.configure(Json.MAPPER.readTree("{\"tiers\":[{\"coins\":10,\"media\":\"/media/ten.gif\",\"seconds\":3},"
                    + "{\"coins\":30,\"name\":\"Thirty\",\"media\":\"/media/thirty.mp4\"}]}"));
            m.onEvent(streak("a", 20, false));   // a streak counts when it ends
            assertThat(celebrated).isEmpty();
            m.onEvent(streak("b", 35, true));
            assertThat(celebrated).containsExactly("Milestone: 10 coins! /media/ten.gif 3s", "Thirty: 30 coins! /media/thirty.mp4 8s");
            assertThat(m.describe()).containsEntry("coins", 35L).containsEntry("reached", 2).containsEntry("nextCoins", null);

            m.onEvent(status(ConnectionState.LIVE));   // a new stream
            assertThat(m.describe()).containsEntry("coins", 0L).containsEntry("reached", 0).containsEntry("nextCoins", 10L);
            m.onEvent(status(ConnectionState.RECONNECTING));
            m.onEvent(streak("c", 12, true));
            m.onEvent(status(ConnectionState.LIVE));   // back after a reconnect: the same stream
            assertThat(m.describe()).containsEntry("coins", 12L);
            assertThat(celebrated).hasSize(3);

            m.configure(Json.MAPPER.readTree("{\"resetPerStream\":false}"));
            m.onEvent(status(ConnectionState.OFFLINE));
            m.onEvent(status(ConnectionState.LIVE));
            assertThat(m.describe()).as("counting on across streams").containsEntry("coins", 12L);
        }
    }

    @Test
    void theCountIsKeptAcrossARestartAndAPlanChangeCelebratesNothingAfterTheFact() throws Exception {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            try (MilestoneService m = service()) {
                m.profileOpened("p", db);
                m.configure(Json.MAPPER.readTree("{\"tiers\":[{\"coins\":100}]}"));
                m.onEvent(streak("a", 40, true));
            }   // closing saves the count
            try (MilestoneService again = service()) {
                again.profileOpened("p", db);
                assertThat(again.describe()).containsEntry("coins", 40L);
                again.configure(Json.MAPPER.readTree("{\"tiers\":[{\"coins\":20},{\"coins\":50}]}"));
                assertThat(again.describe()).containsEntry("reached", 1).containsEntry("nextCoins", 50L);
                again.onEvent(streak("b", 10, true));
                assertThat(celebrated).as("only the tier crossed now").containsExactly("Milestone: 50 coins!  8s");
                again.test(0);
                assertThat(celebrated).hasSize(2);
            }
        }
    }
}
