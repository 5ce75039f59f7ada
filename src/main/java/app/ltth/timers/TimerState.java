package app.ltth.timers;

/**
 * Where one timer stands, as a value at a moment and the speed it moves at: pure, every operation takes {@code now}
 * (epoch ms), so a clock can be injected and a running timer survives a restart (it counts on from where it was, by
 * the wall clock). Countdown, loop and interval count their value down, count-up and stopwatch count it up.
 *
 * @param state   stopped (never started or reset), running, paused or ended
 * @param valueMs the value at {@code since}: what is left (counting down) or what has passed (counting up)
 * @param since   when {@code valueMs} was taken (epoch ms)
 * @param rate    how fast it moves: 1 normally, more or less while likes speed it up or slow it down
 * @param phase   interval timers: work or break; the others: work
 * @param rounds  loops and interval phases completed
 */
public record TimerState(String state, long valueMs, long since, double rate, String phase, long rounds) {

    public static final String STOPPED = "stopped";
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String ENDED = "ended";

    /** A timer as it is before it first starts, or after a reset. */
    static TimerState fresh(TimerDef def, long now) {
        return new TimerState(STOPPED, def.countsDown() ? def.seconds() * 1000 : 0, now, 1.0, "work", 0);
    }

    public boolean running() {
        return RUNNING.equals(state);
    }

    /** The value now: what is left (counting down, never below 0) or what has passed. */
    public long valueAt(TimerDef def, long now) {
        if (!running()) return valueMs;
        long moved = Math.round(Math.max(0, now - since) * rate);
        return def.countsDown() ? Math.max(0, valueMs - moved) : valueMs + moved;
    }

    /** The same value, taken again at {@code now}: before the rate or the value changes. */
    private TimerState at(TimerDef def, long now) {
        return new TimerState(state, valueAt(def, now), now, rate, phase, rounds);
    }

    TimerState start(TimerDef def, long now) {
        if (running()) return this;
        TimerState from = ENDED.equals(state) ? fresh(def, now) : this;
        return new TimerState(RUNNING, from.valueMs, now, from.rate, from.phase, from.rounds);
    }

    TimerState pause(TimerDef def, long now) {
        if (!running()) return this;
        TimerState taken = at(def, now);
        return new TimerState(PAUSED, taken.valueMs, now, taken.rate, taken.phase, taken.rounds);
    }

    /**
     * Adds time (negative takes it away): to what is left when counting down, to what has passed when counting up;
     * never below 0, and what is left never above the cap (0: none). An ended countdown that gets time runs again.
     */
    TimerState add(TimerDef def, long ms, long now) {
        TimerState taken = at(def, now);
        long value = clamp(def, taken.valueMs + ms);
        String nextState = ENDED.equals(state) && value > 0 && def.countsDown() ? RUNNING : state;
        return new TimerState(nextState, value, now, rate, phase, rounds);
    }

    /** Sets the value (seconds left or passed), within 0 and the cap. */
    TimerState set(TimerDef def, long ms, long now) {
        long value = clamp(def, ms);
        String nextState = ENDED.equals(state) && value > 0 && def.countsDown() ? RUNNING : state;
        return new TimerState(nextState, value, now, rate, phase, rounds);
    }

    private static long clamp(TimerDef def, long ms) {
        long value = Math.max(0, ms);
        return def.capSeconds() > 0 ? Math.min(value, def.capSeconds() * 1000) : value;
    }

    /** The speed from now on (likes); the value so far is kept. */
    TimerState withRate(TimerDef def, double newRate, long now) {
        if (newRate == rate) return this;
        TimerState taken = at(def, now);
        return new TimerState(state, taken.valueMs, now, newRate, phase, rounds);
    }

    /** What a tick found: the state after it, and whether the timer ended (or a loop or phase came round). */
    record Tick(TimerState state, boolean ended) {
    }

    /**
     * Looks whether the timer came to its end by {@code now}: a countdown stops at 0; a loop starts its round again;
     * an interval switches between work and break; a count-up with a target stops there.
     */
    Tick tick(TimerDef def, long now) {
        if (!running()) return new Tick(this, false);
        long value = valueAt(def, now);
        switch (def.mode()) {
            case TimerDef.COUNTDOWN -> {
                if (value > 0) return new Tick(this, false);
                return new Tick(new TimerState(ENDED, 0, now, rate, phase, rounds + 1), true);
            }
            case TimerDef.LOOP, TimerDef.INTERVAL -> {
                if (value > 0) return new Tick(this, false);
                // The round (or phase) ended a moment ago: the next one started then, not now.
                long overshoot = Math.round(Math.max(0, now - since) * rate) - valueMs;
                String nextPhase = def.mode().equals(TimerDef.INTERVAL) && "work".equals(phase) && def.breakSeconds() > 0
                        ? "break" : "work";
                long length = ("break".equals(nextPhase) ? def.breakSeconds() : def.seconds()) * 1000;
                long left = Math.max(1, length - overshoot % Math.max(1, length));
                return new Tick(new TimerState(RUNNING, left, now, rate, nextPhase, rounds + 1), true);
            }
            case TimerDef.COUNTUP -> {
                if (def.seconds() <= 0 || value < def.seconds() * 1000) return new Tick(this, false);
                return new Tick(new TimerState(ENDED, def.seconds() * 1000, now, rate, phase, rounds + 1), true);
            }
            default -> {
                return new Tick(this, false);   // a stopwatch never ends
            }
        }
    }
}
