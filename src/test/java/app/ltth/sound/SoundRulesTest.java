package app.ltth.sound;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.GiftEvent;
import app.ltth.events.User;
import app.ltth.json.Json;
import org.junit.jupiter.api.Test;

class SoundRulesTest {

    final SoundRules rules = new SoundRules();

    static SoundboardConfig config(String json) throws Exception {
        return SoundboardConfig.parse(Json.MAPPER.readTree(json));
    }

    static GiftEvent gift(String user, String name, int count, boolean end, long group) {
        return new GiftEvent("g" + count, 0, User.named(user), name.hashCode(), name, 1, count, end, true, group, "");
    }

    /** A streak as TikTok sends it: updates 1..n, then the end with n. */
    int streak(SoundboardConfig c, String user, String name, int n, long group, long now) {
        int plays = 0;
        for (int i = 1; i <= n; i++) plays += rules.plays(c, gift(user, name, i, false, group), now);
        return plays + rules.plays(c, gift(user, name, n, true, group), now);
    }

    @Test
    void aStreakOfTenRosesPlaysOnceOrOncePerNGifts() throws Exception {
        assertThat(streak(config("{\"streak\":\"once\"}"), "a", "Rose", 10, 1, 0)).isEqualTo(1);
        assertThat(streak(config("{\"streak\":\"every\",\"everyN\":5}"), "a", "Rose", 10, 2, 0)).isEqualTo(2);
        assertThat(streak(config("{\"streak\":\"every\",\"everyN\":1}"), "a", "Rose", 10, 3, 0)).isEqualTo(10);
        GiftEvent single = new GiftEvent("x", 0, User.named("b"), 5, "Lion", 29999, 1, true, false, 9, "");
        assertThat(rules.plays(config("{}"), single, 0)).as("a gift that cannot streak").isEqualTo(1);
        GiftEvent bulk = new GiftEvent("y", 0, User.named("c"), 6, "Rose", 1, 99, true, false, 10, "");
        assertThat(rules.plays(config("{\"streak\":\"every\",\"everyN\":1}"), bulk, 0)).isEqualTo(SoundRules.MAX_PER_MESSAGE);
    }

    @Test
    void cooldownsPerViewerAndPerGiftHoldBackSoundsThatComeTooSoon() throws Exception {
        SoundboardConfig perUser = config("{\"userCooldownSeconds\":10}");
        assertThat(streak(perUser, "a", "Rose", 1, 1, 0)).isEqualTo(1);
        assertThat(streak(perUser, "a", "Heart", 1, 2, 5_000)).as("same viewer, too soon").isZero();
        assertThat(streak(perUser, "b", "Heart", 1, 3, 5_000)).as("another viewer").isEqualTo(1);
        assertThat(streak(perUser, "a", "Heart", 1, 4, 10_000)).isEqualTo(1);
        SoundboardConfig perGift = config("{\"giftCooldownSeconds\":10}");
        assertThat(streak(perGift, "c", "Lion", 1, 5, 20_000)).isEqualTo(1);
        assertThat(streak(perGift, "d", "Lion", 1, 6, 25_000)).as("same gift, too soon").isZero();
        assertThat(rules.skipped()).isEqualTo(2);
    }

    @Test
    void theSavedFormOfTheSettingsReadsBackAsItself() throws Exception {
        SoundboardConfig c = config("{\"gifts\":{\"Rose\":\"/media/rose.mp3\"},\"events\":{\"join\":\"https://x.example/j.mp3\"},"
                + "\"likeEvery\":500,\"likeSound\":\"/media/l.wav\",\"streak\":\"every\",\"everyN\":3,\"playback\":\"queue\","
                + "\"buttons\":[{\"name\":\"Horn\",\"sound\":\"/media/h.mp3\",\"hotkey\":\"h\"}]}");
        assertThat(SoundboardConfig.parse(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(c)))).isEqualTo(c);
    }
}
