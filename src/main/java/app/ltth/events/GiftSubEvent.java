package app.ltth.events;

/** A viewer gave subscriptions to others through the gift panel. @param count how many subscriptions */
public record GiftSubEvent(String id, long timestamp, User user, long count) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.GIFT_SUB;
    }
}
