package app.ltth.commands;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Rate limits and cooldowns of chat commands, as the original LTTH has them: at most {@value #PER_VIEWER_PER_MINUTE}
 * commands a minute from one viewer and {@value #ALL_PER_MINUTE} from everyone, and each command's cooldowns for
 * one viewer and for all. Only commands that ran count. Pure: the caller says what time it is. Not thread-safe: the
 * engine calls it from one thread.
 */
final class CommandGate {

    static final int PER_VIEWER_PER_MINUTE = 10;
    static final int ALL_PER_MINUTE = 100;
    private static final long MINUTE = 60_000;
    private static final int MAX_TRACKED = 10_000;

    private final Deque<Long> all = new ArrayDeque<>();
    private final Map<String, Deque<Long>> byViewer = new HashMap<>();
    private final Map<String, Long> lastRun = new HashMap<>();          // command
    private final Map<String, Long> lastRunByViewer = new HashMap<>();  // command + viewer

    /** Why {@code viewer} may not run {@code command} now, or null when they may. */
    Refusal refusal(String command, String viewer, CommandSettings s, long now) {
        Deque<Long> mine = byViewer.get(viewer);
        if (mine != null && recent(mine, now) >= PER_VIEWER_PER_MINUTE) {
            return new Refusal("rate", Map.of("max", PER_VIEWER_PER_MINUTE));
        }
        if (recent(all, now) >= ALL_PER_MINUTE) return new Refusal("rateAll", Map.of("max", ALL_PER_MINUTE));
        Long last = lastRun.get(command);
        if (last != null && now - last < s.globalCooldownSeconds() * 1000L) {
            return new Refusal("cooldown", Map.of("seconds", seconds(last + s.globalCooldownSeconds() * 1000L - now)));
        }
        Long lastMine = lastRunByViewer.get(command + " " + viewer);
        if (lastMine != null && now - lastMine < s.userCooldownSeconds() * 1000L) {
            return new Refusal("cooldownViewer", Map.of("seconds", seconds(lastMine + s.userCooldownSeconds() * 1000L - now)));
        }
        return null;
    }

    /** {@code viewer} ran {@code command}: it counts from now on. */
    void ran(String command, String viewer, long now) {
        if (byViewer.size() > MAX_TRACKED) byViewer.clear();
        if (lastRunByViewer.size() > MAX_TRACKED) lastRunByViewer.clear();
        all.addLast(now);
        byViewer.computeIfAbsent(viewer, v -> new ArrayDeque<>()).addLast(now);
        lastRun.put(command, now);
        lastRunByViewer.put(command + " " + viewer, now);
    }

    private static int recent(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= MINUTE) times.pollFirst();
        return times.size();
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
