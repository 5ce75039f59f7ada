package app.ltth.events;

import app.ltth.i18n.Message;

/**
 * The live source changed state.
 *
 * @param state    see {@link ConnectionState}
 * @param source   "simulator", "tiktok" or "replay"
 * @param username the TikTok user whose LIVE this is, empty for the simulator
 * @param message  human-readable detail, e.g. the reason of an error (English, for logs and programs)
 * @param text     the same by locale key, for pages to say in the streamer's language; null when there is none
 * @param retry    when the next attempt is, by locale key, or null
 */
public record ConnectionStatusEvent(String id, long timestamp, ConnectionState state, String source,
                                    String username, String message, Message text, Message retry) implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.CONNECTION;
    }
}
