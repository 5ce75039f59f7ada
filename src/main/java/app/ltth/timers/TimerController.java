package app.ltth.timers;

import app.ltth.input.JsonFields;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;

/**
 * GET /api/timers                       every timer with its state ({@code remainingMs}, {@code state}, ...)
 * POST /api/timers                      {"name", "mode", "seconds", ...}: a new timer (201)
 * GET/PUT/DELETE /api/timers/{id}       one timer (by id or name)
 * POST /api/timers/{id}/add             {"seconds": n} (negative takes away)
 * POST /api/timers/{id}/set             {"seconds": n}
 * POST /api/timers/{id}/start|pause|reset
 */
public final class TimerController {

    private final TimerService timers;

    public TimerController(TimerService timers) {
        this.timers = timers;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/timers", ctx -> ctx.json(Map.of("timers", timers.list())));
        routes.post("/api/timers", ctx -> ctx.status(201).json(timers.create(JsonBody.object(ctx))));
        routes.get("/api/timers/{id}", ctx -> ctx.json(timers.get(ctx.pathParam("id")).orElseThrow(() -> missing(ctx))));
        routes.put("/api/timers/{id}", ctx -> ctx.json(timers.update(ctx.pathParam("id"), JsonBody.object(ctx))
                .orElseThrow(() -> missing(ctx))));
        routes.delete("/api/timers/{id}", ctx -> {
            if (!timers.delete(ctx.pathParam("id"))) throw missing(ctx);
            ctx.json(Map.of("deleted", ctx.pathParam("id")));
        });
        for (String action : new String[] {"start", "pause", "reset"}) {
            routes.post("/api/timers/{id}/" + action, ctx -> ctx.json(timers.act(ctx.pathParam("id"), action, 0)
                    .orElseThrow(() -> missing(ctx))));
        }
        for (String action : new String[] {"add", "set"}) {
            routes.post("/api/timers/{id}/" + action, ctx -> {
                long seconds = new JsonFields(JsonBody.object(ctx), "").requiredNumber("seconds", -TimerDef.MAX_SECONDS,
                        TimerDef.MAX_SECONDS);
                ctx.json(timers.act(ctx.pathParam("id"), action, seconds).orElseThrow(() -> missing(ctx)));
            });
        }
    }

    private static NotFoundResponse missing(Context ctx) {
        return new NotFoundResponse("There is no timer '" + ctx.pathParam("id") + "'");
    }
}
