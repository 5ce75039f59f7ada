package app.ltth.events;

public record ShareEvent(String id, long timestamp, User user) implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.SHARE;
    }
}
