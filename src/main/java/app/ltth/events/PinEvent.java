package app.ltth.events;

/** The host (or a moderator) pinned a viewer's chat message, or took the pin down. @param user who wrote it */
public record PinEvent(String id, long timestamp, User user, String comment, boolean pinned) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.PIN;
    }
}
