package app.ltth.tts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What waits to be spoken: by priority (manual before gifts before other events before chat), then in arrival order.
 * Holds at most {@code max}; when full, a message of higher priority pushes out the newest of the lowest priority,
 * otherwise the new one is refused. Not thread-safe: {@link TtsService} guards it.
 */
final class SpeechQueue {

    enum Priority { CHAT, EVENT, GIFT, MANUAL }

    record Item(String id, Priority priority, long sequence, String text, String voice, String user) {
    }

    private static final Comparator<Item> ORDER = Comparator.comparing((Item i) -> i.priority()).reversed()
            .thenComparingLong(Item::sequence);
    private final TreeSet<Item> items = new TreeSet<>(ORDER);
    private int max;

    SpeechQueue(int max) {
        this.max = max;
    }

    void setMax(int max) {
        this.max = max;
    }

    /** @return the item that had to go to make room (the new one itself when it is refused), or empty */
    Optional<Item> offer(Item item) {
        if (items.size() < max) {
            items.add(item);
            return Optional.empty();
        }
        Item weakest = items.last();
        if (weakest.priority().compareTo(item.priority()) >= 0) return Optional.of(item);
        items.remove(weakest);
        items.add(item);
        return Optional.of(weakest);
    }

    Optional<Item> poll() {
        return Optional.ofNullable(items.pollFirst());
    }

    List<Item> snapshot() {
        return new ArrayList<>(items);
    }

    /** Takes out every item that matches; returns how many. */
    int removeIf(java.util.function.Predicate<Item> matches) {
        int before = items.size();
        items.removeIf(matches);
        return before - items.size();
    }

    int clear() {
        int n = items.size();
        items.clear();
        return n;
    }

    int size() {
        return items.size();
    }
}
