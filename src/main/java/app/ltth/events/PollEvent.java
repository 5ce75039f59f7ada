package app.ltth.events;

import java.util.List;

/** A TikTok poll in the LIVE: its start, new votes, or its end. @param phase "start", "update" or "end" */
public record PollEvent(String id, long timestamp, String pollId, String phase, String title, List<Option> options)
        implements LiveEvent {

    public PollEvent {
        options = List.copyOf(options);
    }

    @Override
    public EventType type() {
        return EventType.POLL;
    }

    public record Option(String text, long votes) {
    }
}
