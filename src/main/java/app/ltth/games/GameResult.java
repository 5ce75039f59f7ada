package app.ltth.games;

import java.util.Map;

/**
 * How a round ended: who won what. {@code points} go to the winner's points (viewer levels), {@code sound} plays,
 * {@code flow} runs (its id), {@code details} are the game's own (the segment, the slot) for flows and the log.
 */
public record GameResult(String winner, String winnerName, String prize, long points, String sound, String flow,
                         Map<String, Object> details) {

    public GameResult {
        details = Map.copyOf(details);
    }
}
