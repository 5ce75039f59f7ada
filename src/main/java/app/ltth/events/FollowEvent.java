package app.ltth.events;

public record FollowEvent(String id, long timestamp, User user) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.FOLLOW;
    }
}
