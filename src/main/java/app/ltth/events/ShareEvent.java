package app.ltth.events;

public record ShareEvent(String id, long timestamp, User user) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.SHARE;
    }
}
