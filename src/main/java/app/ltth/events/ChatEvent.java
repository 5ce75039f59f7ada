package app.ltth.events;

public record ChatEvent(String id, long timestamp, User user, String comment) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.CHAT;
    }
}
