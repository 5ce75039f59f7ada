package app.ltth.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandGateTest {

    private final CommandGate gate = new CommandGate();
    private final CommandSettings free = CommandSettings.everyone(0);

    private Refusal tryRun(String command, String viewer, CommandSettings s, long now) {
        Refusal r = gate.refusal(command, viewer, s, now);
        if (r == null) gate.ran(command, viewer, now);
        return r;
    }

    @Test
    void cooldownsPerViewerAndForEveryoneCountFromTheLastRun() {
        CommandSettings s = new CommandSettings(true, List.of(), Permission.EVERYONE, 0, 0, 30, 5);
        assertThat(tryRun("hug", "anna", s, 0)).isNull();
        assertThat(tryRun("hug", "ben", s, 4_000)).isEqualTo(new Refusal("cooldown", Map.of("seconds", 1L)));
        assertThat(tryRun("hug", "ben", s, 5_000)).isNull();
        assertThat(tryRun("hug", "anna", s, 20_000)).isEqualTo(new Refusal("cooldownViewer", Map.of("seconds", 10L)));
        assertThat(tryRun("wave", "anna", s, 20_000)).as("another command has its own").isNull();
        assertThat(tryRun("hug", "anna", s, 30_000)).isNull();
    }

    @Test
    void tenAMinutePerViewerAndAHundredInAll() {
        for (int i = 0; i < 10; i++) assertThat(tryRun("c" + i, "anna", free, i * 1_000)).isNull();
        assertThat(tryRun("c10", "anna", free, 10_000)).isEqualTo(new Refusal("rate", Map.of("max", 10)));
        assertThat(tryRun("c10", "anna", free, 60_000)).as("the first one is a minute old").isNull();
        // at 61 s, nine of anna's eleven are less than a minute old; ninety-one more viewers make a hundred
        for (int v = 0; v < 91; v++) assertThat(tryRun("x", "v" + v, free, 61_000)).isNull();
        assertThat(tryRun("x", "late", free, 61_000)).isEqualTo(new Refusal("rateAll", Map.of("max", 100)));
        assertThat(tryRun("x", "late", free, 61_500)).as("still a hundred within the minute").isNotNull();
        assertThat(tryRun("x", "late", free, 121_000)).as("a minute later they are gone").isNull();
    }

    @Test
    void refusedCommandsDoNotCount() {
        CommandSettings s = new CommandSettings(true, List.of(), Permission.EVERYONE, 0, 0, 60, 0);
        assertThat(tryRun("hug", "anna", s, 0)).isNull();
        for (int i = 1; i <= 20; i++) assertThat(tryRun("hug", "anna", s, i * 100)).isNotNull();
        assertThat(tryRun("wave", "anna", free, 3_000)).as("twenty refusals are not twenty commands").isNull();
    }
}
