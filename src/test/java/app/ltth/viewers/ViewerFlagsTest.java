package app.ltth.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewerFlagsTest {

    @Test
    void aMuteEndsAtItsMomentAndThenNothingIsLeftToRemember() {
        ViewerFlags muted = new ViewerFlags("anna", false, ViewerFlags.Commands.DEFAULT, 10_000, "");
        assertThat(muted.ttsMuted(9_999)).isTrue();
        assertThat(muted.nothingSet(9_999)).isFalse();
        assertThat(muted.ttsMuted(10_000)).isFalse();
        assertThat(muted.nothingSet(10_000)).isTrue();
        assertThat(new ViewerFlags("anna", true, ViewerFlags.Commands.DEFAULT, 0, "").nothingSet(0)).as("a VIP stays").isFalse();
        assertThat(new ViewerFlags("anna", false, ViewerFlags.Commands.ALLOWED, 0, "").nothingSet(0)).isFalse();
        assertThat(new ViewerFlags("anna", false, ViewerFlags.Commands.DEFAULT, 0, "pays in coins").nothingSet(0)).as("a note stays").isFalse();
        assertThat(ViewerFlags.none("anna").nothingSet(0)).isTrue();
    }
}
