package app.ltth.obs;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * <pre>
 * GET  /api/obs/status                  every connection: state, message, scene, stream/record (never the password)
 * POST /api/obs/connect                 {"id"?, "host", "port", "password"?}: 200 connected, 401 refused, 504 not reached
 * POST /api/obs/disconnect              {"id"}
 * DELETE /api/obs/connections/{id}
 * GET  /api/obs/scenes?connection=      {connection, current, scenes}
 * POST /api/obs/scene                   {"name", "connection"?}
 * GET  /api/obs/sources?scene=&connection=
 * POST /api/obs/source                  {"scene", "source", "visible": true|false|"toggle"}
 * GET  /api/obs/filters?source=&connection=
 * POST /api/obs/filter                  {"source", "filter", "enabled": true|false|"toggle"}
 * POST /api/obs/output                  {"output": "stream"|"record", "action": "start"|"stop"|"toggle"}
 * </pre>
 * Without an OBS connection the operations answer 409 with the reason; OBS's own refusals keep OBS's words.
 */
public final class ObsController {

    static final Duration CONNECT_WAIT = Duration.ofSeconds(5);
    private final ObsService obs;

    public ObsController(ObsService obs) {
        this.obs = obs;
    }

    public void routes(RoutesConfig routes) {
        routes.exception(ObsConnection.NotConnected.class, (e, ctx) -> ctx.status(409).json(ApiError.of(e.getMessage())));
        routes.exception(ObsRequestException.class, (e, ctx) -> ctx.status(e.httpStatus()).json(ApiError.of(e.getMessage())));
        routes.get("/api/obs/status", ctx -> ctx.json(Map.of("connections", obs.status())));
        routes.post("/api/obs/connect", ctx -> {
            ObsConnection.Status status = obs.connect(JsonBody.object(ctx), CONNECT_WAIT);
            switch (status.state()) {
                case "connected" -> ctx.json(status);
                case "auth_failed" -> ctx.status(401).json(Map.of("error", status.message(), "field", "password", "connection", status));
                default -> ctx.status(504).json(Map.of("error", status.message(), "connection", status));
            }
        });
        routes.post("/api/obs/disconnect", ctx -> {
            obs.disconnect(id(ctx));
            ctx.json(Map.of("connections", obs.status()));
        });
        routes.delete("/api/obs/connections/{id}", ctx -> {
            obs.remove(ctx.pathParam("id"));
            ctx.json(Map.of("connections", obs.status()));
        });
        routes.get("/api/obs/scenes", ctx -> ctx.json(obs.scenes(connection(ctx))));
        routes.post("/api/obs/scene", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            String name = f.requiredText("name", 200);
            obs.setScene(f.text("connection", "", 30), name);
            ctx.json(Map.of("scene", name));
        });
        routes.get("/api/obs/sources", ctx -> ctx.json(Map.of("sources", obs.sources(connection(ctx), query(ctx, "scene")))));
        routes.post("/api/obs/source", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            String scene = f.requiredText("scene", 200);
            String source = f.requiredText("source", 200);
            boolean visible = obs.setSourceVisible(f.text("connection", "", 30), scene, source, ObsService.onOff(f, "visible"));
            ctx.json(Map.of("scene", scene, "source", source, "visible", visible));
        });
        routes.get("/api/obs/filters", ctx -> ctx.json(Map.of("filters", obs.filters(connection(ctx), query(ctx, "source")))));
        routes.post("/api/obs/filter", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            String source = f.requiredText("source", 200);
            String filter = f.requiredText("filter", 200);
            boolean enabled = obs.setFilter(f.text("connection", "", 30), source, filter, ObsService.onOff(f, "enabled"));
            ctx.json(Map.of("source", source, "filter", filter, "enabled", enabled));
        });
        routes.post("/api/obs/output", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            String output = f.choice("output", List.of("stream", "record"), null);
            String action = f.choice("action", List.of("start", "stop", "toggle"), null);
            obs.output(f.text("connection", "", 30), output, action);
            ctx.json(Map.of("output", output, "action", action));
        });
    }

    private static String id(Context ctx) {
        return new JsonFields(JsonBody.object(ctx), "").requiredText("id", 30);
    }

    private static String connection(Context ctx) {
        String c = ctx.queryParam("connection");
        return c == null ? "" : c;
    }

    private static String query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank() || v.length() > 200) throw new ValidationException(name, "Give the " + name + " name (1-200 characters)");
        return v;
    }
}
