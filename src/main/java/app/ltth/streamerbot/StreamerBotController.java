package app.ltth.streamerbot;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * GET  /api/streamerbot                 {"state", "message", "address", "hasPassword", "version", "reconnects",
 *                                        "actions": [{"id", "name", "group", "enabled"}], "runs": [...]}
 * POST /api/streamerbot/actions/refresh  reads the actions again
 * POST /api/streamerbot/run              {"action": "id or name", "args": {"key": "value"}}: 200 {"action"}, 409 when
 *                                        not connected or refused, with the reason
 *
 * <p>The address, password and whether to connect are the settings {@code streamerbot.*} (PUT /api/settings).
 */
public final class StreamerBotController {

    private final StreamerBotService bot;

    public StreamerBotController(StreamerBotService bot) {
        this.bot = bot;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/streamerbot", ctx -> ctx.json(bot.status()));
        routes.post("/api/streamerbot/actions/refresh", ctx -> {
            try {
                ctx.json(Map.of("actions", bot.refreshActions().get(10, TimeUnit.SECONDS)));
            } catch (java.util.concurrent.ExecutionException e) {
                ctx.status(409).json(ApiError.of(e.getCause().getMessage()));
            }
        });
        routes.post("/api/streamerbot/run", ctx -> {
            JsonNode body = JsonBody.object(ctx);
            JsonFields f = new JsonFields(body, "");
            f.refuseUnknown(java.util.Set.of("action", "args"), "key", "use action and args");
            String action = f.requiredText("action", 200);
            if (body.has("args") && !body.get("args").isObject()) {
                throw new ValidationException("args", "args must be an object of names and values, such as {\"user\": \"anna\"}");
            }
            Map<String, String> args = new LinkedHashMap<>();
            body.path("args").fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
            try {
                ctx.json(Map.of("action", bot.run(action, args).get(10, TimeUnit.SECONDS)));
            } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                ctx.status(409).json(ApiError.of(e.getCause().getMessage()));
            }
        });
    }
}
