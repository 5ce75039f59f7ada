package app.ltth.osc;

import app.ltth.input.JsonFields;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * <pre>
 * GET/PUT /api/osc/config     where to send and listen, allowed hosts, rate cap, preset parameters, gift rules
 * GET  /api/osc/status        on/off, ports, counters, presets
 * GET  /api/osc/received      the latest value of every address received
 * POST /api/osc/send          {"preset", "text"?} or {"address", "args"}: 202, 409 when off, 429 when capped
 * </pre>
 */
public final class OscController {

    private final OscBridge osc;

    public OscController(OscBridge osc) {
        this.osc = osc;
    }

    public void routes(RoutesConfig routes) {
        routes.exception(OscBridge.NotActive.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.get("/api/osc/config", ctx -> ctx.json(osc.config()));
        routes.put("/api/osc/config", ctx -> ctx.json(osc.configure(JsonBody.object(ctx))));
        routes.get("/api/osc/status", ctx -> ctx.json(osc.status()));
        routes.get("/api/osc/received", ctx -> ctx.json(Map.of("received", osc.latest())));
        routes.post("/api/osc/send", ctx -> {
            OscConfig.Command command = OscConfig.Command.parse(new JsonFields(JsonBody.object(ctx), ""), osc.config().parameters());
            try {
                ctx.status(202).json(Map.of("sent", osc.send(command, Map.of())));
            } catch (OscBridge.Dropped e) {
                ctx.status(429).json(ApiError.of(e.getMessage()));
            } catch (java.io.IOException | IllegalArgumentException e) {
                ctx.status(502).json(ApiError.of(e.getMessage()));
            }
        });
    }
}
