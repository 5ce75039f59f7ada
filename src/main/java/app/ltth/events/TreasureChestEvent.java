package app.ltth.events;

/**
 * A viewer dropped a treasure chest (TikTok's "envelope") that others can open.
 *
 * @param superFan a super-fan box rather than a coin chest
 */
public record TreasureChestEvent(String id, long timestamp, String senderId, String senderName, long diamonds,
                                 int people, boolean superFan) implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.TREASURE_CHEST;
    }
}
