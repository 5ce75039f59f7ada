package app.ltth.events;

public record ChatEvent(String id, long timestamp, User user, String comment) implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.CHAT;
    }
}
