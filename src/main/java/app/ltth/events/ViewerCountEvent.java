package app.ltth.events;

import java.util.List;

/**
 * @param topViewers the room's top viewers as TikTok ranks them (by coins sent), best first; may be empty
 */
public record ViewerCountEvent(String id, long timestamp, long viewerCount, List<TopViewer> topViewers)
        implements LiveEvent {

    public ViewerCountEvent {
        topViewers = topViewers == null ? List.of() : List.copyOf(topViewers);
    }

    public ViewerCountEvent(String id, long timestamp, long viewerCount) {
        this(id, timestamp, viewerCount, List.of());
    }

    @Override
    public EventType type() {
        return EventType.VIEWERS;
    }

    /** @param coins what TikTok reports as the viewer's score: coins sent in this LIVE */
    public record TopViewer(int rank, User user, long coins) {
    }
}
