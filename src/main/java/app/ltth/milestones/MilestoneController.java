package app.ltth.milestones;

import app.ltth.input.JsonFields;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;

/**
 * GET /api/milestones          the plan, the coins counted, how many milestones were reached and the next one's coins
 * PUT /api/milestones          {"enabled", "resetPerStream", "step", "tiers": [{"coins", "name", "media", "sound", "seconds"}]}
 * POST /api/milestones/test    {"tier": 0}: that tier's celebration, now
 * POST /api/milestones/reset   the count starts over
 */
public final class MilestoneController {

    private final MilestoneService milestones;

    public MilestoneController(MilestoneService milestones) {
        this.milestones = milestones;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/milestones", ctx -> ctx.json(milestones.describe()));
        routes.put("/api/milestones", ctx -> ctx.json(milestones.configure(JsonBody.object(ctx))));
        routes.post("/api/milestones/test", ctx -> {
            milestones.test((int) new JsonFields(JsonBody.object(ctx), "").requiredNumber("tier", 0, MilestonePlan.MAX_TIERS - 1));
            ctx.json(milestones.describe());
        });
        routes.post("/api/milestones/reset", ctx -> {
            milestones.reset();
            ctx.json(milestones.describe());
        });
    }
}
