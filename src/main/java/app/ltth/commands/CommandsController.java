package app.ltth.commands;

import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.util.Map;

/**
 * GET /api/commands         every chat command with its source and settings, the prefixes, the last runs and refusals
 * PUT /api/commands/{name}  {"enabled", "aliases", "permission", "minTeamLevel", "userCooldownSeconds",
 *                           "globalCooldownSeconds"}: a partial change, all checked
 */
public final class CommandsController {

    private final CommandEngine engine;

    public CommandsController(CommandEngine engine) {
        this.engine = engine;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/commands", ctx -> ctx.json(Map.of("prefixes", engine.prefixes(), "commands", engine.list(),
                "recent", engine.recent())));
        routes.put("/api/commands/{name}", ctx -> {
            CommandEngine.Registered command = engine.get(ctx.pathParam("name"))
                    .orElseThrow(() -> new NotFoundResponse("There is no command !" + ctx.pathParam("name")));
            engine.update(command, JsonBody.object(ctx));
            ctx.json(Map.of("commands", engine.list()));
        });
    }
}
