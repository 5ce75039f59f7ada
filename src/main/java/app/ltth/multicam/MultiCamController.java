package app.ltth.multicam;

import app.ltth.input.JsonFields;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;

/**
 * <pre>
 * GET/PUT /api/multicam/config   cams, mode, command, gifts, cooldowns, moderators-only, allowed users
 * GET  /api/multicam/status      current cam and the recent switches and refusals
 * POST /api/multicam/switch      {"cam": "1".."9" | "next" | "prev"}: 200 switched, 502 when OBS refused, 409 when off
 * </pre>
 */
public final class MultiCamController {

    private final MultiCamService cams;

    public MultiCamController(MultiCamService cams) {
        this.cams = cams;
    }

    public void routes(RoutesConfig routes) {
        routes.exception(MultiCamService.NotActive.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.get("/api/multicam/config", ctx -> ctx.json(cams.config()));
        routes.put("/api/multicam/config", ctx -> ctx.json(cams.configure(JsonBody.object(ctx))));
        routes.get("/api/multicam/status", ctx -> ctx.json(cams.status()));
        routes.post("/api/multicam/switch", ctx -> {
            String which = new JsonFields(JsonBody.object(ctx), "").requiredText("cam", 10).toLowerCase(java.util.Locale.ROOT);
            MultiCamService.Entry entry = cams.switchTo(which);
            if (entry.done()) ctx.json(entry);
            else ctx.status(502).json(ApiError.of("OBS did not switch to " + entry.label() + ": " + entry.reason()));
        });
    }
}
