package app.ltth.live.webcast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last message ids seen, so that a message TikTok sends again (after a reconnect it replays recent
 * history) is let through only once. One instance lives as long as the connection to a room, across reconnects.
 */
public final class MessageDeduplicator {

    private final Map<String, Boolean> seen;
    private long duplicates;

    public MessageDeduplicator(int capacity) {
        this.seen = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return true the first time an id is seen, false for a repeat */
    public synchronized boolean firstTime(String id) {
        if (seen.putIfAbsent(id, Boolean.TRUE) == null) return true;
        duplicates++;
        return false;
    }

    public synchronized long duplicates() {
        return duplicates;
    }
}
