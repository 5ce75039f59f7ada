package app.ltth.events;

/** @param months how many months the user has subscribed, 1 for a new subscription */
public record SubscribeEvent(String id, long timestamp, User user, int months) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.SUBSCRIBE;
    }
}
