package app.ltth.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateChangeTest {

    @Test
    void aHundredEqualFailuresAreOneLineAndRecoveryIsAnother() {
        StateChange failures = new StateChange();
        List<String> logged = new ArrayList<>();
        assertThat(failures.changedTo(null)).as("working from the start: nothing to say").isFalse();
        for (int i = 0; i < 100; i++) if (failures.changedTo("No voice engine can speak")) logged.add("failing");
        if (failures.changedTo(null)) logged.add("speaks again");
        if (failures.changedTo("ElevenLabs refused the key")) logged.add("failing again");
        assertThat(logged).containsExactly("failing", "speaks again", "failing again");
    }
}
