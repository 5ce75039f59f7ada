package app.ltth.events;

/** @param reason why the LIVE ended, e.g. "ended by the streamer" or "ended by TikTok" */
public record StreamEndEvent(String id, long timestamp, String reason) implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.STREAM_END;
    }
}
