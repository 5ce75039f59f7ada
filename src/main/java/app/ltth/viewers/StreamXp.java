package app.ltth.viewers;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who earned most in this stream, for the top-viewers overlay: XP and points gained since the stream began, and the
 * level they reached. Pure bookkeeping, no I/O; started over with each stream.
 */
final class StreamXp {

    static final List<String> BOARDS = List.of("xp", "points", "level");

    record Entry(String handle, String nickname, long xp, long points, int level, String levelName, long at) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    void add(ViewerXp v, long xpGained, long pointsGained, String levelName, long at) {
        Entry old = entries.get(v.handle());
        entries.put(v.handle(), new Entry(v.handle(), v.nickname(), (old == null ? 0 : old.xp()) + xpGained,
                (old == null ? 0 : old.points()) + pointsGained, v.level(), levelName, at));
    }

    void clear() {
        entries.clear();
    }

    /** The first {@code limit} by XP gained, points gained or level reached; ties go to whoever got there first. */
    List<Map<String, Object>> top(String board, int limit) {
        Comparator<Entry> by = switch (board) {
            case "points" -> Comparator.comparingLong(Entry::points);
            case "level" -> Comparator.<Entry>comparingInt(Entry::level).thenComparingLong(Entry::xp);
            default -> Comparator.comparingLong(Entry::xp);
        };
        List<Entry> sorted = entries.values().stream()
                .sorted(by.reversed().thenComparingLong(Entry::at).thenComparing(Entry::handle)).limit(limit).toList();
        return sorted.stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", sorted.indexOf(e) + 1);
            row.put("handle", e.handle());
            row.put("nickname", e.nickname());
            row.put("value", board.equals("points") ? e.points() : board.equals("level") ? e.level() : e.xp());
            row.put("level", e.level());
            row.put("levelName", e.levelName());
            return row;
        }).toList();
    }

    /** Every board, top {@code limit} each: the {@code xp:board} message. */
    Map<String, Object> boards(int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String b : BOARDS) out.put(b, top(b, limit));
        return Map.of("period", "stream", "boards", out);
    }
}
