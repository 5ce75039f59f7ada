package app.ltth.events;

/** Progress of the host's own TikTok LIVE goal (set in TikTok, not an LTTH goal). */
public record LiveGoalEvent(String id, long timestamp, String goalId, String description, long progress, long target)
        implements LiveEvent {
    @Override
    public EventType type() {
        return EventType.LIVE_GOAL;
    }
}
