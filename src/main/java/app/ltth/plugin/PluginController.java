package app.ltth.plugin;

import app.ltth.input.ValidationException;
import app.ltth.plugin.api.PluginContext;
import app.ltth.plugin.api.PluginHttpException;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import app.ltth.web.ThisComputer;
import app.ltth.web.Uploads;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * <pre>
 * GET    /api/plugins                          every plugin with its state, failures and last error
 * POST   /api/plugins/{id}/enable|disable|reload   enable of a plugin not part of LTTH: {"confirm": true}
 * POST   /api/plugins/upload                   multipart field "file": a plugin ZIP (from this computer only)
 * DELETE /api/plugins/{id}                     an installed plugin
 * ANY    /api/plugins/{id}/{path}              the plugin's own routes
 * GET    /plugins/{id}/{file}                  its ui.html, overlay.html and assets/
 * </pre>
 */
public final class PluginController {

    private final PluginManager plugins;

    public PluginController(PluginManager plugins) {
        this.plugins = plugins;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/plugins", ctx -> ctx.json(Map.of("plugins", plugins.list(),
                "flowTriggers", plugins.flows().triggers(),
                "flowActions", plugins.flows().actions().stream().map(a -> Map.of("key", a.key(),
                        "description", a.description())).toList())));
        routes.post("/api/plugins/upload", this::upload);
        routes.post("/api/plugins/{id}/enable", ctx -> ctx.json(plugins.enable(ctx.pathParam("id"),
                !ctx.body().isBlank() && JsonBody.object(ctx).path("confirm").asBoolean(false))));
        routes.post("/api/plugins/{id}/disable", ctx -> ctx.json(plugins.disable(ctx.pathParam("id"))));
        routes.post("/api/plugins/{id}/reload", ctx -> ctx.json(plugins.reload(ctx.pathParam("id"))));
        routes.delete("/api/plugins/{id}", ctx -> {
            plugins.delete(ctx.pathParam("id"));
            ctx.json(Map.of("plugins", plugins.list()));
        });
        for (String method : PluginRuntime.METHODS) {
            io.javalin.http.Handler dispatch = this::dispatch;
            switch (method) {
                case "GET" -> routes.get("/api/plugins/{id}/<path>", dispatch);
                case "POST" -> routes.post("/api/plugins/{id}/<path>", dispatch);
                case "PUT" -> routes.put("/api/plugins/{id}/<path>", dispatch);
                default -> routes.delete("/api/plugins/{id}/<path>", dispatch);
            }
        }
        routes.get("/plugins/{id}/<path>", this::file);
    }

    private void dispatch(Context ctx) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        PluginContext.Request request = new PluginContext.Request(ctx.method().name(), ctx.pathParam("path"), query,
                ctx.body());
        try {
            Object result = plugins.dispatch(ctx.pathParam("id"), request);
            ctx.json(result == null ? Map.of() : result);
        } catch (PluginHttpException e) {
            ctx.status(e.status()).json(ApiError.of(e.getMessage()));
        } catch (IllegalStateException e) {
            // A plugin that took too long, or failed: its problem, counted on it, not LTTH's.
            ctx.status(e.getMessage() != null && e.getMessage().contains("did not finish") ? 504 : 500)
                    .json(ApiError.of("Plugin " + ctx.pathParam("id") + ": " + e.getMessage()));
        }
    }

    private void file(Context ctx) throws Exception {
        Path dir = plugins.dir(ctx.pathParam("id")).toAbsolutePath().normalize();
        String path = ctx.pathParam("path");
        boolean allowed = path.equals("ui.html") || path.equals("overlay.html") || path.startsWith("assets/");
        Path file = dir.resolve(path).normalize();
        if (!allowed || !file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw new NotFoundResponse("No such file of plugin " + ctx.pathParam("id") + ": " + path);
        }
        String type = Files.probeContentType(file);
        ctx.contentType(type != null ? type : path.endsWith(".js") ? "text/javascript" : "application/octet-stream");
        ctx.header("Cache-Control", "no-cache");
        ctx.result(Files.newInputStream(file));
    }

    private void upload(Context ctx) throws Exception {
        ThisComputer.require(ctx, "Plugins can only be installed from this computer");
        UploadedFile file = Uploads.file(ctx, "file", PluginManager.MAX_UPLOAD_BYTES, "plugin ZIP");
        try (InputStream in = file.content()) {
            ctx.status(201).json(plugins.install(in, PluginManager.MAX_UPLOAD_BYTES));
        }
    }
}
