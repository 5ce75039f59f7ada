package app.ltth.events;

public record QuestionEvent(String id, long timestamp, User user, String question) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.QUESTION;
    }
}
