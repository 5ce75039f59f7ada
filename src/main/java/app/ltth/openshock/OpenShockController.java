package app.ltth.openshock;

import app.ltth.input.JsonFields;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.Set;

/**
 * GET  /api/openshock                  {"active", "stopped", "hasToken", "shockers": [{"id", "name", "hub", "model",
 *                                      "paused"}], "shockersError"?, "waiting", "shockMsToday", "shockMsLimit",
 *                                      "refusals": {"cooldown": n, ...}, "log": [...]}
 * GET/PUT /api/openshock/config         {"limits": {...}, "mappings": [...], "patterns": [...]}: above the limits is 400
 * POST /api/openshock/shockers/refresh  reads the shockers from OpenShock (409 with the reason)
 * POST /api/openshock/test              {"shocker", "type", "intensity", "durationMs"} or {"pattern"}: 202, 409 refused
 * POST /api/openshock/stop              the emergency stop (always answers 200)
 * POST /api/openshock/release           lifts it
 *
 * <p>The address and the API token are the settings {@code openshock.url} and {@code openshock.token}.
 */
public final class OpenShockController {

    private final OpenShockService shock;

    public OpenShockController(OpenShockService shock) {
        this.shock = shock;
    }

    public void routes(RoutesConfig routes) {
        routes.exception(OpenShockService.Refused.class, (e, ctx) -> ctx.status(409).json(
                new ApiError(e.getMessage(), null, "openshock.refused." + e.reason, Map.of())));
        routes.exception(OpenShockClient.Failed.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.get("/api/openshock", ctx -> ctx.json(shock.status()));
        routes.get("/api/openshock/config", ctx -> ctx.json(shock.config()));
        routes.put("/api/openshock/config", ctx -> ctx.json(shock.configure(JsonBody.object(ctx))));
        routes.post("/api/openshock/shockers/refresh", ctx -> ctx.json(Map.of("shockers", shock.refreshShockers())));
        routes.post("/api/openshock/test", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            f.refuseUnknown(Set.of("shocker", "type", "intensity", "durationMs", "pattern"), "key",
                    "use shocker, type, intensity and durationMs, or pattern");
            shock.run("test", "", f.text("shocker", "all", 64), new OpenShockConfig.Step(f.choice("type", OpenShockConfig.TYPES, "vibrate"),
                    (int) f.number("intensity", 20, 1, 100), (int) f.number("durationMs", 1000, OpenShockConfig.MIN_DURATION_MS,
                    OpenShockConfig.MAX_DURATION_MS), 0), f.text("pattern", "", 40));
            ctx.status(202).json(Map.of("queued", true));
        });
        routes.post("/api/openshock/stop", ctx -> {
            shock.emergencyStop("page");
            ctx.json(shock.status());
        });
        routes.post("/api/openshock/release", ctx -> {
            shock.release();
            ctx.json(shock.status());
        });
    }
}
