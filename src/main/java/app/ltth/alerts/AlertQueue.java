package app.ltth.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alerts waiting their turn: one shows at a time. The queue has a maximum length and a stated policy for when it
 * is full: {@code drop-lowest} (default) lets the least valuable alert go (a join before a follow, a follow before a
 * gift, a small gift before a big one; the newest of equals), {@code drop-newest} refuses the new alert,
 * {@code drop-oldest} lets the oldest waiting alert go. A test from the dashboard and a gift milestone's celebration
 * are never the ones to go. Not
 * thread-safe: the alert service guards it.
 */
final class AlertQueue {

    static final List<String> POLICIES = List.of("drop-lowest", "drop-newest", "drop-oldest");

    private final List<Waiting> waiting = new ArrayList<>();
    private int max;
    private String policy;
    private long dropped;

    AlertQueue(int max, String policy) {
        configure(max, policy);
    }

    void configure(int max, String policy) {
        if (!POLICIES.contains(policy)) throw new IllegalArgumentException("unknown overflow policy " + policy);
        this.max = Math.max(1, max);
        this.policy = policy;
        for (int victim = last(); waiting.size() > this.max && victim >= 0; victim = last()) drop(victim);
    }

    /** @return the alert that was dropped to respect the maximum (possibly the new one), if any */
    Optional<Waiting> offer(Waiting alert) {
        waiting.add(alert);
        return makeRoom(switch (policy) {
            case "drop-newest" -> last();
            case "drop-oldest" -> first();
            default -> lowest();
        });
    }

    /** Shows this one next (the dashboard's test button); when full, the last waiting alert makes room. */
    Optional<Waiting> offerFirst(Waiting alert) {
        waiting.add(0, alert);
        return makeRoom(last());
    }

    /**
     * Shows this one before every ordinary alert waiting, after the tests and celebrations already ahead (a gift
     * milestone: other alerts wait); when full, the last ordinary alert makes room.
     */
    Optional<Waiting> offerAhead(Waiting alert) {
        int at = 0;
        while (at < waiting.size() && waiting.get(at).kept()) at++;
        waiting.add(at, alert);
        return makeRoom(last());
    }

    private Optional<Waiting> makeRoom(int victim) {
        // Only tests and celebrations waiting: the queue holds one more rather than lose what the streamer asked to see.
        return waiting.size() <= max || victim < 0 ? Optional.empty() : Optional.of(drop(victim));
    }

    private int first() {
        for (int i = 0; i < waiting.size(); i++) if (!waiting.get(i).kept()) return i;
        return -1;
    }

    private int last() {
        for (int i = waiting.size() - 1; i >= 0; i--) if (!waiting.get(i).kept()) return i;
        return -1;
    }

    private int lowest() {
        // The newest among the least valuable: a late small alert gives way before one that waited longer.
        int found = -1;
        for (int i = waiting.size() - 1; i >= 0; i--) {
            Waiting w = waiting.get(i);
            if (!w.kept() && (found < 0 || w.priority() < waiting.get(found).priority())) found = i;
        }
        return found;
    }

    private Waiting drop(int index) {
        dropped++;
        return waiting.remove(index);
    }

    Optional<Waiting> poll() {
        return waiting.isEmpty() ? Optional.empty() : Optional.of(waiting.remove(0));
    }

    void clear() {
        waiting.clear();
    }

    int size() {
        return waiting.size();
    }

    long dropped() {
        return dropped;
    }

    int max() {
        return max;
    }

    String policy() {
        return policy;
    }
}
