package app.ltth.events;

import java.util.List;

/**
 * A LIVE battle (PK) with other hosts: its start, a score update, or its end.
 *
 * @param phase "start", "score" or "end"
 * @param teams every side's host and score; at the end, {@code won} marks the winners (a draw: nobody)
 */
public record BattleEvent(String id, long timestamp, String battleId, String phase, List<Team> teams)
        implements LiveEvent {

    public static final String START = "start";
    public static final String SCORE = "score";
    public static final String END = "end";

    public BattleEvent {
        teams = List.copyOf(teams);
    }

    @Override
    public EventType type() {
        return EventType.BATTLE;
    }

    /** @param hostId the TikTok user id of the side's host (for team battles, the team id) */
    public record Team(String hostId, long score, boolean won) {
    }
}
