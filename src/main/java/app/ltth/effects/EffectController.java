package app.ltth.effects;

import app.ltth.input.JsonFields;
import app.ltth.json.Json;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * <pre>
 * GET  /api/effects               {"config", "effects", "presets", "state"}
 * PUT  /api/effects               a change of the settings (see EffectsConfig): {"maxParticles", "seconds", "intensity",
 *                                 "commandEffects", "rules": [{"gift", "minCoins", "effect", "seconds", "intensity"}],
 *                                 "goalFinale", "emoji": {"gift", "like", "perViewer", "viewers", "burstCoins",
 *                                 "burstCount", "preset"}}
 * POST /api/effects/{name}        rain, snow, storm, fog, sunbeam, glitch, fireworks or flame: {"seconds"?,
 *                                 "intensity"?, "count"?} (an empty body takes the settings); "stop": {"name"?} ends
 *                                 that one or all
 * POST /api/emoji-rain/{op}       start {"preset"?, "seconds"?}, preset {"preset"}, burst {"count"?, "emoji"?}, clear
 * </pre>
 * While the plugin "effects" is off, starting answers 409 and says so.
 */
public final class EffectController {

    private final EffectService effects;

    public EffectController(EffectService effects) {
        this.effects = effects;
    }

    public void routes(RoutesConfig routes) {
        routes.exception(EffectService.NotActive.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.get("/api/effects", ctx -> ctx.json(describe()));
        routes.put("/api/effects", ctx -> {
            effects.configure(JsonBody.object(ctx));
            ctx.json(describe());
        });
        routes.post("/api/effects/{name}", ctx -> {
            JsonFields f = body(ctx);
            String name = ctx.pathParam("name");
            if (name.equals("stop")) {
                ctx.json(effects.stop(f.text("name", "all", 20)));
                return;
            }
            JsonNode intensity = f.node("intensity");
            Integer seconds = f.node("seconds") == null ? null : (int) f.number("seconds", 0, 1, 600);
            ctx.json(effects.start(name, seconds, intensity == null ? null : f.decimal("intensity", 0, 0.1, 1),
                    (int) f.number("count", 1, 1, EffectService.MAX_ROCKETS)));
        });
        routes.post("/api/emoji-rain/{op}", ctx -> {
            JsonFields f = body(ctx);
            Integer seconds = f.node("seconds") == null ? null : (int) f.number("seconds", 0, 1, 600);
            Integer count = f.node("count") == null ? null : (int) f.number("count", 0, 1, 300);
            ctx.json(effects.emoji(ctx.pathParam("op"), f.text("preset", "", 20), seconds, count, f.text("emoji", "", 2000)));
        });
    }

    /** An empty body is no settings at all, so a plain POST starts an effect as it is set up. */
    private static JsonFields body(Context ctx) {
        return new JsonFields(ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : JsonBody.object(ctx), "");
    }

    private Map<String, Object> describe() {
        return Map.of("config", effects.config(), "effects", EffectsConfig.EFFECTS, "weather", EffectsConfig.WEATHER,
                "presets", EffectsConfig.PRESETS, "state", effects.state(), "active", effects.active());
    }
}
