package app.ltth.firstrun;

import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;

/**
 * <pre>
 * GET  /api/first-run            the checklist: {overlay, test, live, dismissed}
 * PUT  /api/first-run            {"dismissed": true} hides it, false shows it again
 * </pre>
 */
public final class FirstRunController {

    private final FirstRun firstRun;

    public FirstRunController(FirstRun firstRun) {
        this.firstRun = firstRun;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/first-run", ctx -> ctx.json(firstRun.state()));
        routes.put("/api/first-run", ctx -> ctx.json(firstRun.dismiss(JsonBody.requiredBoolean(JsonBody.object(ctx), "dismissed"))));
    }
}
