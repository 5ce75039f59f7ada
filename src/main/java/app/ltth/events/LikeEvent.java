package app.ltth.events;

/**
 * @param likeCount  likes in this batch from this user
 * @param totalLikes the room's like total as TikTok reports it (the trustworthy figure)
 */
public record LikeEvent(String id, long timestamp, User user, int likeCount, long totalLikes) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.LIKE;
    }
}
