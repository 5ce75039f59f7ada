package app.ltth.leaderboard;

import app.ltth.input.ValidationException;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * <pre>
 * GET  /api/leaderboard?board=gifters|likers|chatters&period=stream|alltime&limit=10
 * POST /api/leaderboard/reset          starts this stream's boards over
 * </pre>
 */
public final class LeaderboardController {

    private final Leaderboards boards;

    public LeaderboardController(Leaderboards boards) {
        this.boards = boards;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/leaderboard", ctx -> {
            String board = ctx.queryParamAsClass("board", String.class).getOrDefault("gifters");
            String period = ctx.queryParamAsClass("period", String.class).getOrDefault("stream");
            int limit;
            try {
                limit = Integer.parseInt(ctx.queryParamAsClass("limit", String.class).getOrDefault("10"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) throw new ValidationException("limit", "limit must be a whole number from 1 to 100");
            ctx.json(Map.of("board", board, "period", period, "estimated", board.equals("likers"),
                    "rows", boards.top(board, period, limit)));
        });
        routes.post("/api/leaderboard/reset", ctx -> {
            boards.reset();
            ctx.json(Map.of("reset", true));
        });
    }
}
