package app.ltth.eventapi;

import io.javalin.config.RoutesConfig;

/**
 * GET /api/event-api   {"active", "listening", "port", "url", "lanUrl"?, "error"?, "events", "tooSlow", "clients": [
 *                       {"address", "agent", "since", "sent"}]}
 *
 * <p>On and off is the plugin's ({@code POST /api/plugins/event-api/enable}); the port is the setting
 * {@code eventApi.port}.
 */
public final class EventApiController {

    private final EventApi api;

    public EventApiController(EventApi api) {
        this.api = api;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/event-api", ctx -> ctx.json(api.status()));
    }
}
