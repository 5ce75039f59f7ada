package app.ltth.events;

/**
 * The live source changed state.
 *
 * @param state    see {@link ConnectionState}
 * @param source   "simulator", "tiktok" or "replay"
 * @param username the TikTok user whose LIVE this is, empty for the simulator
 * @param message  human-readable detail, e.g. the reason of an error
 */
public record ConnectionStatusEvent(String id, long timestamp, ConnectionState state, String source,
                                    String username, String message) implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.CONNECTION;
    }
}
