package app.ltth.events;

public record JoinEvent(String id, long timestamp, User user) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.JOIN;
    }
}
