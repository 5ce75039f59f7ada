package app.ltth.minecraft;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.Set;

/**
 * GET  /api/minecraft          the bridge: {"active", "listening", "port", "url", "error"?, "connected", "mod",
 *                              "actions": [{"name", "description", "params"}], "waiting", "sent", "results", "refused",
 *                              "dropped", "expired", "failed", "recent": [{"at", "action", "params", "user", "result"}]}
 * GET/PUT /api/minecraft/config {"perMinute", "gapMillis", "queueMax", "overlay", "mappings": [{"on", "gift",
 *                              "minCoins", "likes", "text", "action", "params", "enabled"}]}
 * POST /api/minecraft/run      {"action", "params"}: 202 queued, 429 when the queue is full, 409 while the plugin is off
 *
 * <p>On and off is the plugin's ({@code POST /api/plugins/minecraft/enable}); the port is the setting
 * {@code minecraft.port}.
 */
public final class MinecraftController {

    private final MinecraftService minecraft;

    public MinecraftController(MinecraftService minecraft) {
        this.minecraft = minecraft;
    }

    public void routes(RoutesConfig routes) {
        routes.exception(MinecraftService.NotActive.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.get("/api/minecraft", ctx -> ctx.json(minecraft.status()));
        routes.get("/api/minecraft/config", ctx -> ctx.json(minecraft.config()));
        routes.put("/api/minecraft/config", ctx -> ctx.json(minecraft.configure(JsonBody.object(ctx))));
        routes.post("/api/minecraft/run", ctx -> {
            JsonNode body = JsonBody.object(ctx);
            JsonFields f = new JsonFields(body, "");
            f.refuseUnknown(Set.of("action", "params"), "key", "use action and params");
            String action = f.requiredText("action", 64);
            if (!MinecraftConfig.ACTION.matcher(action).matches()) {
                throw new ValidationException("action", "an action is the mod's name for it, such as spawn_entity");
            }
            Map<String, String> params = MinecraftConfig.params(f);
            if (minecraft.run(action, params, "")) {
                ctx.status(202).json(Map.of("queued", action));
            } else {
                ctx.status(429).json(ApiError.of("The Minecraft queue is full: wait until the game took what waits."));
            }
        });
    }
}
