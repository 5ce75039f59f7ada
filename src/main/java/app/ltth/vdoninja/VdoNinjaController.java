package app.ltth.vdoninja;

import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * <pre>
 * GET  /api/vdoninja          the room (id, password, layout, guest slots) and its links
 * PUT  /api/vdoninja/config   {"baseUrl"?, "layout"?, "guests"?: [{"name"}]}
 * POST /api/vdoninja/room     a new room id and password
 * </pre>
 */
public final class VdoNinjaController {

    private final VdoNinjaService vdo;

    public VdoNinjaController(VdoNinjaService vdo) {
        this.vdo = vdo;
    }

    public void routes(RoutesConfig routes) {
        routes.exception(VdoNinjaService.NotActive.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.get("/api/vdoninja", ctx -> answer(ctx, vdo.room()));
        routes.put("/api/vdoninja/config", ctx -> answer(ctx, vdo.configure(JsonBody.object(ctx))));
        routes.post("/api/vdoninja/room", ctx -> answer(ctx, vdo.renew()));
    }

    private static void answer(Context ctx, VdoRoom room) {
        ctx.json(java.util.Map.of("room", room, "links", room.links()));
    }
}
