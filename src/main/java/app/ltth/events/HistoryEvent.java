package app.ltth.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Something that happened before LTTH connected: TikTok sends the room's recent past with the first fetch, marked as
 * history. Shown as such (feed, event log), never counted: no new gift, no coins, no goal progress, no flow.
 */
public record HistoryEvent(String id, long timestamp, LiveEvent event) implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.HISTORY;
    }

    /** The wire name of what happened, for pages that show history. */
    @JsonProperty("eventType")
    public String eventType() {
        return event.type().wireName();
    }
}
