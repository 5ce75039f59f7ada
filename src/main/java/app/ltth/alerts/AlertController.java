package app.ltth.alerts;

import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * <pre>
 * GET  /api/alerts                  {alerts: [config per type], queue: {waiting, max, overflow, dropped, showing}}
 * PUT  /api/alerts/{type}           a config, or only what changes
 * POST /api/alerts/{type}/test      shows a sample alert of the type; ?variation=N: a gift that variation N matches
 * POST /api/alerts/skip             ends the alert on screen
 * </pre>
 * The queue's length and overflow policy are the settings alerts.queueMax and alerts.overflow.
 */
public final class AlertController {

    private final AlertService alerts;

    public AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/alerts", ctx -> ctx.json(Map.of("alerts", alerts.configs(), "queue", alerts.status(),
                "animations", AlertConfig.ANIMATIONS, "styles", AlertConfig.STYLES, "sounds", AlertConfig.SOUNDS)));
        routes.post("/api/alerts/skip", ctx -> {
            alerts.skip();
            ctx.json(alerts.status());
        });
        routes.put("/api/alerts/{type}", ctx -> ctx.json(alerts.update(ctx.pathParam("type"), JsonBody.object(ctx))));
        routes.post("/api/alerts/{type}/test", ctx -> {
            String variation = ctx.queryParam("variation");
            ctx.status(202).json(variation == null ? alerts.test(ctx.pathParam("type"))
                    : alerts.testVariation(ctx.pathParam("type"), variation));
        });
    }
}
