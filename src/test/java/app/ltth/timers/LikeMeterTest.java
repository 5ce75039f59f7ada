package app.ltth.timers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikeMeterTest {

    @Test
    void countsTheLikesOfTheWindowAndTurnsThemIntoASpeedWithinItsBounds() {
        LikeMeter m = new LikeMeter();
        m.add(150, 1_000);
        m.add(50, 1_500);
        m.add(300, 5_000);
        assertThat(m.within(10, 5_000)).isEqualTo(500);
        assertThat(m.within(3, 5_000)).as("only seconds 3 to 5").isEqualTo(300);
        assertThat(m.within(10, 30_000)).isZero();

        TimerDef.LikeSpeed faster = new TimerDef.LikeSpeed(100, 0.1, 0.5, 2, 10);
        assertThat(LikeMeter.rate(faster, 99)).isEqualTo(1.0);
        assertThat(LikeMeter.rate(faster, 500)).isEqualTo(1.5);
        assertThat(LikeMeter.rate(faster, 100_000)).isEqualTo(2.0);
        TimerDef.LikeSpeed slower = new TimerDef.LikeSpeed(100, -0.25, 0.5, 2, 10);
        assertThat(LikeMeter.rate(slower, 300)).isEqualTo(0.5);
    }
}
