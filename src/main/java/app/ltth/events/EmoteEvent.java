package app.ltth.events;

public record EmoteEvent(String id, long timestamp, User user, String emoteId, String imageUrl) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.EMOTE;
    }
}
