package app.ltth.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandCallTest {

    private static CommandCall call(String comment) {
        return CommandCall.parse(comment, "!/").orElseThrow(() -> new AssertionError("no command in " + comment));
    }

    @Test
    void theNameIsLowerCaseAndTheArgumentsAreWordsOrQuotedGroups() {
        CommandCall c = call("  !Cam 2  ");
        assertThat(c.name()).isEqualTo("cam");
        assertThat(c.args()).containsExactly("2");
        assertThat(c.rest()).isEqualTo("2");
        assertThat(call("/so \"Big Fan\" now").args()).containsExactly("Big Fan", "now");
        assertThat(call("!so „Große Fans“ jetzt").args()).containsExactly("Große Fans", "jetzt");
        assertThat(call("!so \"\" x").args()).as("an empty quoted word is a word").containsExactly("", "x");
        assertThat(call("!tts hello   world").rest()).isEqualTo("hello   world");
        assertThat(call("!tts").args()).isEmpty();
    }

    @Test
    void namesMayBeInAnyScriptAndArgumentsKeepEmoji() {
        assertThat(call("!привет мир").name()).isEqualTo("привет");
        assertThat(call("!ハグ 🎉 ok").args()).containsExactly("🎉", "ok");
        assertThat(call("!hug\u00a0anna").args()).as("a no-break space parts words too").containsExactly("anna");
    }

    @Test
    void anythingElseIsNoCommand() {
        for (String text : List.of("hello", "!", "! hug", "?hug", "!hug!", "!<b>x</b>", "", "   ")) {
            assertThat(CommandCall.parse(text, "!/")).as(text).isEqualTo(Optional.empty());
        }
        assertThat(CommandCall.parse(null, "!/")).isEmpty();
        assertThat(CommandCall.parse("?hug", "?/")).isPresent();
        assertThat(CommandCall.parse("!" + "x".repeat(33), "!/")).as("names are at most 32 long").isEmpty();
    }
}
