package app.ltth.events;

public record ViewerCountEvent(String id, long timestamp, long viewerCount) implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.VIEWERS;
    }
}
