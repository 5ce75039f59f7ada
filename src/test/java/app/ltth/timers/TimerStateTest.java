package app.ltth.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Timers with an injected clock: every moment is a number of milliseconds. */
class TimerStateTest {

    private static TimerDef def(String mode, long seconds, long breakSeconds, long cap) {
        return new TimerDef("t", "T", mode, seconds, breakSeconds, cap, List.of(), null, "plain");
    }

    @Test
    void aCountdownRunsPausesTakesTimeWithinItsCapAndEnds() {
        TimerDef d = def(TimerDef.COUNTDOWN, 60, 0, 120);
        TimerState s = TimerState.fresh(d, 0).start(d, 1_000);
        assertThat(s.valueAt(d, 11_000)).isEqualTo(50_000);
        s = s.pause(d, 11_000);
        assertThat(s.valueAt(d, 99_000)).as("paused: time stands").isEqualTo(50_000);
        s = s.add(d, 100_000, 99_000);
        assertThat(s.valueAt(d, 99_000)).as("capped at 120 s").isEqualTo(120_000);
        s = s.start(d, 100_000).add(d, -30_000, 100_000);
        assertThat(s.valueAt(d, 100_000)).isEqualTo(90_000);
        assertThat(s.tick(d, 189_999).ended()).isFalse();
        TimerState.Tick end = s.tick(d, 190_000);
        assertThat(end.ended()).isTrue();
        assertThat(end.state().state()).isEqualTo(TimerState.ENDED);
        assertThat(end.state().valueAt(d, 500_000)).isZero();
        assertThat(end.state().add(d, 10_000, 200_000).running()).as("time after the end: it runs again").isTrue();
    }

    @Test
    void likesSpeedChangesHowFastTimePassesFromThatMomentOn() {
        TimerDef d = def(TimerDef.COUNTDOWN, 100, 0, 0);
        TimerState s = TimerState.fresh(d, 0).start(d, 0);
        s = s.withRate(d, 2.0, 10_000);          // 10 s at 1x: 90 s left
        assertThat(s.valueAt(d, 20_000)).isEqualTo(70_000);   // then 10 s at 2x
        s = s.withRate(d, 0.5, 20_000);
        assertThat(s.valueAt(d, 40_000)).isEqualTo(60_000);
    }

    @Test
    void aLoopStartsItsRoundAgainFromTheMomentItEndedAndAnIntervalSwitchesPhases() {
        TimerDef loop = def(TimerDef.LOOP, 10, 0, 0);
        TimerState s = TimerState.fresh(loop, 0).start(loop, 0);
        TimerState.Tick t = s.tick(loop, 12_000);   // ended at 10 s, ticked 2 s late
        assertThat(t.ended()).isTrue();
        assertThat(t.state().valueAt(loop, 12_000)).isEqualTo(8_000);
        assertThat(t.state().rounds()).isEqualTo(1);

        TimerDef interval = def(TimerDef.INTERVAL, 30, 5, 0);
        TimerState i = TimerState.fresh(interval, 0).start(interval, 0);
        TimerState.Tick work = i.tick(interval, 30_000);
        assertThat(work.state().phase()).isEqualTo("break");
        assertThat(work.state().valueAt(interval, 30_000)).isEqualTo(5_000);
        assertThat(work.state().tick(interval, 35_000).state().phase()).isEqualTo("work");
    }

    @Test
    void aCountUpEndsAtItsTargetAndAStopwatchNever() {
        TimerDef up = def(TimerDef.COUNTUP, 60, 0, 0);
        TimerState s = TimerState.fresh(up, 0).start(up, 0);
        assertThat(s.valueAt(up, 30_000)).isEqualTo(30_000);
        assertThat(s.tick(up, 60_000).ended()).isTrue();
        TimerDef watch = def(TimerDef.STOPWATCH, 0, 0, 0);
        TimerState w = TimerState.fresh(watch, 0).start(watch, 0);
        assertThat(w.tick(watch, 999_999_000).ended()).isFalse();
        assertThat(w.valueAt(watch, 3_600_000)).isEqualTo(3_600_000);
    }

    @Test
    void aRunningTimerCountsOnByTheWallClockAfterARestartAndAPausedOneStays() {
        TimerDef d = def(TimerDef.COUNTDOWN, 600, 0, 0);
        TimerState running = TimerState.fresh(d, 0).start(d, 0);
        // stored, the app down for 100 s, read again: the same record
        assertThat(running.valueAt(d, 100_000)).isEqualTo(500_000);
        TimerState paused = running.pause(d, 50_000);
        assertThat(paused.valueAt(d, 100_000)).isEqualTo(550_000);
    }
}
