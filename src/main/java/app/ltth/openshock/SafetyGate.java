package app.ltth.openshock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What may go to the devices, decided before anything is sent: nothing while the emergency stop holds; commands set
 * off by live events no closer than the cooldowns (for all, and per viewer); every command clamped to the streamer's
 * maximum intensity and duration; shocks only while the day's budget lasts. Pure: the clock and the zone of "a day"
 * are handed in. Thread-safe.
 */
final class SafetyGate {

    /** A command as it may be sent (clamped), or why it may not ({@code refused} not null). */
    record Verdict(String refused, int intensity, int durationMs) {
        boolean allowed() {
            return refused == null;
        }
    }

    private final LongSupplier clock;
    private final ZoneId zone;
    private final Map<String, Long> lastByUser = new HashMap<>();
    private boolean stopped;
    private long lastFromEvents = Long.MIN_VALUE / 2;
    private LocalDate day;
    private long shockMsToday;

    SafetyGate(LongSupplier clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    synchronized void stop() {
        stopped = true;
    }

    synchronized void release() {
        stopped = false;
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /**
     * A live event (of {@code user}, may be empty) wants to start a command or a pattern: refused while stopped or
     * within a cooldown; admitted, it starts the cooldowns.
     */
    synchronized String admit(String user, OpenShockConfig.Limits limits) {
        if (stopped) return "stopped";
        long now = clock.getAsLong();
        if (now - lastFromEvents < limits.cooldownSeconds() * 1000L) return "cooldown";
        Long last = user.isEmpty() ? null : lastByUser.get(user);
        if (last != null && now - last < limits.userCooldownSeconds() * 1000L) return "viewerCooldown";
        lastFromEvents = now;
        if (!user.isEmpty()) {
            if (lastByUser.size() > 10_000) lastByUser.clear();
            lastByUser.put(user, now);
        }
        return null;
    }

    /** One command about to be sent: clamped to the limits, a shock counted against the day's budget. */
    synchronized Verdict step(OpenShockConfig.Step step, OpenShockConfig.Limits limits) {
        if (stopped) return new Verdict("stopped", 0, 0);
        int intensity = Math.max(1, Math.min(step.intensity(), limits.maxIntensity()));
        int duration = Math.max(OpenShockConfig.MIN_DURATION_MS, Math.min(step.durationMs(), limits.maxDurationMs()));
        if (step.type().equals("shock")) {
            rollDay();
            if (shockMsToday + duration > limits.dailyShockSeconds() * 1000L) return new Verdict("budget", 0, 0);
            shockMsToday += duration;
        }
        return new Verdict(null, intensity, duration);
    }

    /** Today's shocks as the log has them, at start: a restart does not give the day's budget back. */
    synchronized void alreadyToday(long shockMs) {
        rollDay();
        shockMsToday = Math.max(shockMsToday, shockMs);
    }

    /** The first moment of today, epoch ms. */
    long startOfToday() {
        return LocalDate.ofInstant(Instant.ofEpochMilli(clock.getAsLong()), zone).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Milliseconds of shock sent today. */
    synchronized long shockMsToday() {
        rollDay();
        return shockMsToday;
    }

    private void rollDay() {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(clock.getAsLong()), zone);
        if (!today.equals(day)) {
            day = today;
            shockMsToday = 0;
        }
    }
}
