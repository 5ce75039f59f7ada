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
 * POST /api/games/{id}/start     a round with the game's options; wheel: {"wheel"?} (id or name, else the first);
 *                                202 {"round"}, 429 when its queue is full, 409 while its plugin is off
 * GET  /api/games/{id}/config    the game's settings
 * PUT  /api/games/{id}/config    a change of them (wheel: {"wheels": [{"id", "name", "spinSeconds", "segments": [{"text",
 *                                "colour", "weight", "prize": {"text", "points", "sound", "flow"}}]}], "rules": [{"gift",
 *                                "minCoins", "wheel"}], "queueMax"})
 * </pre>
 */
public final class GameController {

    private final GameService games;
    private final WheelGame wheel;

    public GameController(GameService games, WheelGame wheel) {
        this.games = games;
        this.wheel = wheel;
    }

    public void routes(RoutesConfig routes) {
        routes.exception(GameOff.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.get("/api/games", ctx -> ctx.json(Map.of("games", List.of(describe()))));
        routes.post("/api/games/{id}/start", ctx -> {
            game(ctx);
            JsonFields f = new JsonFields(ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : JsonBody.object(ctx), "");
            f.refuseUnknown(java.util.Set.of("wheel"), "option", "use wheel");
            wheel.spin(f.text("wheel", "", 60), "", "", "dashboard").ifPresentOrElse(
                    round -> ctx.status(202).json(Map.of("round", round.id(), "wheel", round.argument())),
                    () -> ctx.status(429).json(ApiError.of("the wheel's queue is full: wait until the spins that wait are over")));
        });
        routes.get("/api/games/{id}/config", ctx -> {
            game(ctx);
            ctx.json(wheel.config());
        });
        routes.put("/api/games/{id}/config", ctx -> {
            game(ctx);
            ctx.json(wheel.configure(JsonBody.object(ctx)));
        });
    }

    private static void game(Context ctx) {
        if (!ctx.pathParam("id").equals(WheelGame.ID)) throw new NotFoundResponse("There is no game " + ctx.pathParam("id"));
    }

    private Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", WheelGame.ID);
        out.put("active", wheel.active());
        out.put("state", games.state(WheelGame.ID));
        return out;
    }
}
