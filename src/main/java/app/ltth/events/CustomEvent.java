package app.ltth.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event another program sent LTTH (a Stream Deck, a game, a script): its own name and fields. Flows start on it by
 * name and fill their placeholders from its fields; it is stored and shown like TikTok's events.
 *
 * @param source how it came in: "udp", "websocket" or "http"
 * @param fields names to text, numbers or true/false, in the order they were sent
 */
public record CustomEvent(String id, long timestamp, String name, String source, Map<String, Object> fields)
        implements LiveEvent {

    public CustomEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public EventType type() {
        return EventType.CUSTOM;
    }
}
