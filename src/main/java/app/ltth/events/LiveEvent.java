package app.ltth.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Everything that happens in a LIVE, as one closed set of immutable records. Every event has a unique id
 * (TikTok's msgId for real events) and a timestamp in epoch milliseconds.
 *
 * <p>{@link #type()} is the stable name used on the wire ({@code tiktok:event} payloads), in flows and in the
 * event log; it never changes once released.
 */
public sealed interface LiveEvent permits UserEvent, ViewerCountEvent, StreamEndEvent, ConnectionStatusEvent,
        BattleEvent, LiveGoalEvent, TreasureChestEvent, PollEvent, CustomEvent,
        HistoryEvent {

    String id();

    long timestamp();

    EventType type();

    /** Whether the bus may shed this event under overload: only high-volume, low-value facts. */
    @JsonIgnore
    default boolean sheddable() {
        return type().sheddable();
    }
}
