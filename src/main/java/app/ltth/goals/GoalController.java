package app.ltth.goals;

import app.ltth.input.JsonFields;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.Optional;

/**
 * <pre>
 * GET/POST /api/goals                 list; create
 * GET/PUT/DELETE /api/goals/{id}      PUT may name only what changes
 * POST /api/goals/{id}/set   {"value": 120}
 * POST /api/goals/{id}/add   {"amount": 5}  (negative takes away)
 * POST /api/goals/{id}/reset             back to zero and to the target that was set
 * </pre>
 */
public final class GoalController {

    private final GoalService goals;

    public GoalController(GoalService goals) {
        this.goals = goals;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/goals", ctx -> ctx.json(Map.of("goals", goals.list(), "metrics", Goal.METRICS,
                "onReached", Goal.ON_REACHED, "kinds", Goal.Style.KINDS)));
        routes.post("/api/goals", ctx -> ctx.status(201).json(goals.create(JsonBody.object(ctx))));
        routes.get("/api/goals/{id}", ctx -> ctx.json(found(ctx, goals.get(ctx.pathParam("id")))));
        routes.put("/api/goals/{id}", ctx -> ctx.json(found(ctx, goals.update(ctx.pathParam("id"), JsonBody.object(ctx)))));
        routes.delete("/api/goals/{id}", ctx -> {
            if (!goals.delete(ctx.pathParam("id"))) throw notFound(ctx);
            ctx.json(Map.of("deleted", ctx.pathParam("id")));
        });
        routes.post("/api/goals/{id}/set", ctx -> {
            long value = new JsonFields(JsonBody.object(ctx), "").requiredNumber("value", 0, Goal.MAX);
            ctx.json(found(ctx, goals.set(ctx.pathParam("id"), value)));
        });
        routes.post("/api/goals/{id}/add", ctx -> {
            long amount = new JsonFields(JsonBody.object(ctx), "").number("amount", 0, -Goal.MAX, Goal.MAX);
            ctx.json(found(ctx, goals.add(ctx.pathParam("id"), amount)));
        });
        routes.post("/api/goals/{id}/reset", ctx -> ctx.json(found(ctx, goals.reset(ctx.pathParam("id")))));
    }

    private static Goal found(Context ctx, Optional<Goal> goal) {
        return goal.orElseThrow(() -> notFound(ctx));
    }

    private static NotFoundResponse notFound(Context ctx) {
        return new NotFoundResponse("No goal has the id " + ctx.pathParam("id"));
    }
}
