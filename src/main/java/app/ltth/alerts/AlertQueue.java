package app.ltth.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Alerts waiting their turn: one shows at a time. The queue has a maximum length and a stated policy for when it
 * is full: {@code drop-lowest} (default) lets the least valuable alert go (a join before a follow, a follow before a
 * gift, a small gift before a big one; the newest of equals), {@code drop-newest} refuses the new alert,
 * {@code drop-oldest} lets the oldest waiting alert go. Not thread-safe: the alert service guards it.
 */
final class AlertQueue {

    static final List<String> POLICIES = List.of("drop-lowest", "drop-newest", "drop-oldest");

    private final List<Alert> waiting = new ArrayList<>();
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
        while (waiting.size() > this.max) drop(waiting.size() - 1);
    }

    /** @return the alert that was dropped to respect the maximum (possibly the new one), if any */
    Optional<Alert> offer(Alert alert) {
        waiting.add(alert);
        if (waiting.size() <= max) return Optional.empty();
        int victim = switch (policy) {
            case "drop-newest" -> waiting.size() - 1;
            case "drop-oldest" -> 0;
            default -> lowest();
        };
        return Optional.of(drop(victim));
    }

    /** Shows this one next (the dashboard's test button); when full, the last waiting alert makes room. */
    Optional<Alert> offerFirst(Alert alert) {
        waiting.add(0, alert);
        return waiting.size() <= max ? Optional.empty() : Optional.of(drop(waiting.size() - 1));
    }

    private int lowest() {
        // The newest among the least valuable: a late small alert gives way before one that waited longer.
        Alert min = waiting.stream().min(Comparator.comparingLong(Alert::priority)).orElseThrow();
        for (int i = waiting.size() - 1; i >= 0; i--) {
            if (waiting.get(i).priority() == min.priority()) return i;
        }
        throw new IllegalStateException();
    }

    private Alert drop(int index) {
        dropped++;
        return waiting.remove(index);
    }

    Optional<Alert> poll() {
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
