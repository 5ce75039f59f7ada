package app.ltth.games;

import app.ltth.input.JsonFields;
import app.ltth.json.Json;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <pre>
 * GET  /api/games                each game: {"id", "active", "state": {"playing", "waiting", "last"}}
 * POST /api/games/{id}/start     a round with the game's options: wheel {"wheel"?} (id or name, else the first), plinko
 *                                {"stake"?}; 202 {"round"}, 429 when its queue is full, 409 while its plugin is off
 * GET  /api/games/{id}/config    the game's settings
 * PUT  /api/games/{id}/config    a change of them (see WheelConfig, PlinkoConfig and BattleConfig)
 * POST /api/games/coinbattle/stop          the match ends now, with its results
 * POST /api/games/coinbattle/multiplier    {"factor", "seconds"}: points count that many times for a while
 * GET  /api/games/coinbattle/history       the last matches
 * GET  /api/games/quiz/packs               LTTH's packs and the imported ones
 * POST /api/games/quiz/packs               a pack to import: {"id"?, "name", "language"?, "questions": [{"question",
 *                                          "answers": [2 to 4], "correct"}]}
 * POST /api/games/quiz/joker               {"kind": "fifty" | "time"}: for the open question
 * POST /api/games/quiz/stop                the quiz ends after this question
 * </pre>
 */
public final class GameController {

    private final GameService games;
    private final CoinBattleGame battle;
    private final QuizGame quiz;
    private final Map<String, Game> byId = new LinkedHashMap<>();

    public GameController(GameService games, List<Game> all, CoinBattleGame battle, QuizGame quiz) {
        this.games = games;
        this.battle = battle;
        this.quiz = quiz;
        all.forEach(g -> byId.put(g.id(), g));
        byId.put(battle.id(), battle);
        byId.put(quiz.id(), quiz);
    }

    public void routes(RoutesConfig routes) {
        routes.exception(GameOff.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.post("/api/games/coinbattle/stop", ctx -> running(ctx, battle.stop()));
        routes.post("/api/games/coinbattle/multiplier", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            running(ctx, battle.multiply((int) f.number("factor", 2, 2, 10), (int) f.number("seconds", 30, 5, 600)));
        });
        routes.get("/api/games/coinbattle/history", ctx -> ctx.json(Map.of("matches", battle.history())));
        routes.get("/api/games/quiz/packs", ctx -> ctx.json(Map.of("packs", quiz.packs())));
        routes.post("/api/games/quiz/packs", ctx -> {
            QuizPack pack = quiz.importPack(JsonBody.object(ctx));
            ctx.status(201).json(Map.of("id", pack.id(), "name", pack.name(), "questions", pack.questions().size()));
        });
        routes.post("/api/games/quiz/joker", ctx -> {
            String kind = new JsonFields(JsonBody.object(ctx), "").choice("kind", List.of("fifty", "time"), null);
            if (quiz.joker(kind)) ctx.json(Map.of("joker", kind));
            else ctx.status(409).json(ApiError.of("no question is open, or this joker was used for it"));
        });
        routes.post("/api/games/quiz/stop", ctx -> {
            if (quiz.stop()) ctx.json(Map.of("stopping", true));
            else ctx.status(409).json(ApiError.of("no quiz is running"));
        });
        routes.get("/api/games", ctx -> ctx.json(Map.of("games", byId.values().stream().map(this::describe).toList())));
        routes.post("/api/games/{id}/start", ctx -> {
            Game game = game(ctx);
            game.start(ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : JsonBody.object(ctx), "", "", "dashboard").ifPresentOrElse(
                    round -> ctx.status(202).json(Map.of("round", round.id())),
                    () -> ctx.status(429).json(ApiError.of(game == battle || game == quiz ? "a round of this game is running: stop it or wait for its end"
                            : "the game's queue is full: wait until the rounds that wait are over")));
        });
        routes.get("/api/games/{id}/config", ctx -> ctx.json(game(ctx).config()));
        routes.put("/api/games/{id}/config", ctx -> ctx.json(game(ctx).configure(JsonBody.object(ctx))));
    }

    private static void running(Context ctx, boolean running) {
        if (running) ctx.json(Map.of("running", true));
        else ctx.status(409).json(ApiError.of("no coin battle is running: start one first"));
    }

    private Game game(Context ctx) {
        Game game = byId.get(ctx.pathParam("id"));
        if (game == null) throw new NotFoundResponse("There is no game " + ctx.pathParam("id") + ": use " + String.join(", ", byId.keySet()));
        return game;
    }

    private Map<String, Object> describe(Game game) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", game.id());
        out.put("active", game.active());
        out.put("state", games.state(game.id()));
        return out;
    }
}
