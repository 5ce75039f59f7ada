package app.ltth.games;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What the REST API and the Games page ask of every game. */
public interface Game {

    String id();

    boolean active();

    Object config();

    Object configure(JsonNode change) throws Exception;

    /**
     * A round with the game's options, for {@code handle} (empty: the streamer's own, from the dashboard or
     * {@code POST /api/games/{id}/start}); {@code how}: dashboard or flow. Prizes go to the viewer, if there is one;
     * nobody's points are at stake.
     */
    Optional<GameRound> start(JsonNode options, String handle, String nickname, String how);
}
