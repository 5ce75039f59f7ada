package app.ltth.lan;

import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import app.ltth.web.ThisComputer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.util.function.Consumer;

/**
 * <pre>
 * GET  /api/lan                     {enabled, address, port, dashboardUrl, overlayUrl}
 * PUT  /api/lan    {"enabled"}      turns LAN mode on or off (from this computer only)
 * POST /api/lan/renew               new links; the old ones stop working (from this computer only)
 * GET  /api/lan/qr?link=dashboard   the link as a QR code (SVG); link=overlay for the overlay link
 * </pre>
 */
public final class LanController implements Consumer<RoutesConfig> {

    private static final String THIS_COMPUTER = "LAN mode can only be changed at the streaming computer itself";
    private final LanMode lan;

    public LanController(LanMode lan) {
        this.lan = lan;
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.get("/api/lan", ctx -> ctx.json(lan.status()));
        routes.put("/api/lan", ctx -> {
            ThisComputer.require(ctx, THIS_COMPUTER);
            boolean on = JsonBody.requiredBoolean(JsonBody.object(ctx), "enabled");
            try {
                ctx.json(on ? lan.enable() : lan.disable());
            } catch (LanMode.LanException e) {
                ctx.status(409).json(new ApiError(e.getMessage(), "enabled"));
            }
        });
        routes.post("/api/lan/renew", ctx -> {
            ThisComputer.require(ctx, THIS_COMPUTER);
            ctx.json(lan.renew());
        });
        routes.get("/api/lan/qr", ctx -> {
            String which = ctx.queryParam("link");
            String svg = lan.qr("overlay".equals(which) ? "overlay" : "dashboard")
                    .orElseThrow(() -> new NotFoundResponse("LAN mode is off: there is no link to show"));
            ctx.contentType("image/svg+xml").header("Cache-Control", "no-store").result(svg);
        });
    }
}
