package app.ltth.tts;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.User;
import app.ltth.i18n.Locales;
import app.ltth.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChatFilterTest {

    final ChatFilter filter = new ChatFilter();

    static final TtsConfig DEFAULTS = TtsConfig.defaults(new Locales(Path.of("target", "no-overrides")).texts("en"));

    static TtsConfig config(String json) throws Exception {
        return TtsConfig.parse(Json.MAPPER.readTree(json), DEFAULTS);
    }

    static User user(String name, boolean follower, boolean subscriber, boolean moderator) {
        return new User("id-" + name, name, name, "", follower, moderator, subscriber, 0);
    }

    static final User VIEWER = user("viewer", false, false, false);

    @Test
    void whoMayBeReadAllowAndBlockLists() throws Exception {
        TtsConfig followers = config("{\"who\":\"followers\",\"allow\":[\"@Friend\"],\"block\":[\"troll\"]}");
        assertThat(filter.check(followers, VIEWER, "hi", 0).reason()).isEqualTo("not read: followers only");
        assertThat(filter.check(followers, user("fan", true, false, false), "hi", 0).read()).isTrue();
        assertThat(filter.check(followers, user("friend", false, false, false), "hi", 0).read()).as("allow list").isTrue();
        assertThat(filter.check(followers, user("troll", true, true, true), "hi", 0).reason()).isEqualTo("blocked viewer");
        TtsConfig mods = config("{\"who\":\"moderators\"}");
        assertThat(filter.check(mods, user("sub", true, true, false), "hi", 0).read()).isFalse();
        assertThat(filter.check(mods, user("mod", false, false, true), "hi", 0).read()).isTrue();
        assertThat(filter.check(config("{\"who\":\"nobody\"}"), user("mod", true, true, true), "hi", 0).read()).isFalse();
    }

    @Test
    void aCommandPrefixIsRequiredAndRemoved() throws Exception {
        TtsConfig c = config("{\"prefix\":\"!tts\"}");
        assertThat(filter.check(c, VIEWER, "hello", 0).reason()).isEqualTo("no !tts");
        assertThat(filter.check(c, VIEWER, "!TTS hello there", 0).text()).isEqualTo("hello there");
    }

    @Test
    void filteredWordsAreReplacedOrSkipTheMessage() throws Exception {
        TtsConfig replace = config("{\"words\":{\"en\":[\"darn\"],\"de\":[\"mist\"]}}");
        assertThat(filter.check(replace, VIEWER, "Darn, what a Mist!", 0).text()).isEqualTo("beep, what a beep!");
        assertThat(filter.check(replace, VIEWER, "mistake darned", 0).text()).as("whole words only").isEqualTo("mistake darned");
        TtsConfig skip = config("{\"words\":{\"en\":[\"darn\"]},\"wordAction\":\"skip\"}");
        assertThat(filter.check(skip, VIEWER, "oh darn", 0).reason()).isEqualTo("filtered word");
    }

    @Test
    void linksEmojiSpamAndLengthAreCleaned() throws Exception {
        TtsConfig c = config("{\"maxLength\":30,\"perMinute\":0,\"duplicateSeconds\":0}");
        assertThat(filter.check(c, VIEWER, "see https://evil.example/x?y=1 now", 0).text()).isEqualTo("see link now");
        assertThat(filter.check(c, VIEWER, "go to spam.com today", 0).text()).isEqualTo("go to link today");
        assertThat(filter.check(c, VIEWER, "wow 😀😀😀😀😀😀😀😀", 0).text()).isEqualTo("wow 😀😀😀");
        assertThat(filter.check(c, VIEWER, "noooooooooooooo", 0).text()).isEqualTo("nooo");
        assertThat(filter.check(c, VIEWER, "a".repeat(2) + " " + "word ".repeat(20), 0).text()).hasSizeLessThanOrEqualTo(30);
        assertThat(filter.check(c, VIEWER, "🎉🎉🎉🎉 https://x.com", 1).text()).isEqualTo("🎉🎉🎉 link");
        assertThat(filter.check(c, VIEWER, "   ", 2).reason()).isEqualTo("nothing left to read");
    }

    @Test
    void duplicatesOfOneViewerAreReadOnceButOthersAndLaterRepeatsAreRead() throws Exception {
        TtsConfig c = config("{\"duplicateSeconds\":30,\"perMinute\":0}");
        assertThat(filter.check(c, VIEWER, "gg", 0).read()).isTrue();
        assertThat(filter.check(c, VIEWER, "GG", 1_000).reason()).isEqualTo("duplicate");
        assertThat(filter.check(c, user("other", false, false, false), "gg", 2_000).read()).as("another viewer").isTrue();
        assertThat(filter.check(c, VIEWER, "gg", 31_000).read()).as("after the window").isTrue();
        TtsConfig off = config("{\"duplicateSeconds\":0,\"perMinute\":0}");
        assertThat(filter.check(off, VIEWER, "again", 0).read()).isTrue();
        assertThat(filter.check(off, VIEWER, "again", 1).read()).isTrue();
    }

    @Test
    void aViewerIsReadAtMostPerMinuteTimesUnlessAllowed() throws Exception {
        TtsConfig c = config("{\"perMinute\":2,\"duplicateSeconds\":0,\"allow\":[\"vip\"]}");
        assertThat(filter.check(c, VIEWER, "one", 0).read()).isTrue();
        assertThat(filter.check(c, VIEWER, "two", 10_000).read()).isTrue();
        assertThat(filter.check(c, VIEWER, "three", 20_000).reason()).isEqualTo("rate limit");
        assertThat(filter.check(c, VIEWER, "four", 60_001).read()).isTrue();
        for (int i = 0; i < 5; i++) assertThat(filter.check(c, user("vip", false, false, false), "m" + i, i).read()).isTrue();
    }

    @Test
    void theSavedFormOfTheSettingsReadsBackAsItself() throws Exception {
        TtsConfig c = config("{\"who\":\"followers\",\"prefix\":\"!tts\",\"voice\":\"local:de\",\"events\":{\"follow\":\"{nickname} folgt\"},"
                + "\"allow\":[\"@Vip\"],\"words\":{\"de\":[\"mist\"]},\"wordAction\":\"skip\",\"queueMax\":7}");
        assertThat(config(Json.MAPPER.writeValueAsString(c))).isEqualTo(c);
    }
}
