package app.ltth.events;

/** A viewer became a super fan ({@code joined}), or a super-fan notice about them. @param kind "joined" or "superFan" */
public record SuperFanEvent(String id, long timestamp, User user, String kind) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.SUPER_FAN;
    }
}
