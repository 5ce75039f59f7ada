package app.ltth.settings;

import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;

/**
 * <pre>
 * GET /api/settings          every setting of the open profile; secrets as "********"
 * PUT /api/settings          a partial object, e.g. {"backups.keep": 10}; all valid or nothing saved
 * GET /api/settings/schema   type, default, limits and description of every setting
 * </pre>
 */
public final class SettingsController {

    private final SettingsService settings;

    public SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/settings", ctx -> ctx.json(settings.masked()));
        routes.put("/api/settings", ctx -> {
            settings.update(JsonBody.object(ctx));
            ctx.json(settings.masked());
        });
        routes.get("/api/settings/schema", ctx -> ctx.json(SettingsRegistry.all()));
    }
}
