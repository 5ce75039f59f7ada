package app.ltth.logs;

import app.ltth.input.ValidationException;
import app.ltth.settings.Setting;
import app.ltth.settings.SettingsRegistry;
import app.ltth.settings.SettingsService;
import app.ltth.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * GET  /api/logs               the log files, each part's level, the level names
 * GET  /api/logs/lines?after=N the log lines after line N (the Logs page asks once a second)
 * GET  /api/logs/{file}        one log file, to download
 * PUT  /api/logs/levels        {"connector": "debug"}: parts' levels, until the next start
 * POST /api/logs/report        a zip for a bug report: the logs, the settings without secrets, a probe of the LIVE
 */
public final class LogsController {

    private static final int MAX_LINES = 500;

    private final RecentLogLines lines;
    private final Supplier<SettingsService> settings;

    public LogsController(RecentLogLines lines, Supplier<SettingsService> settings) {
        this.lines = lines;
        this.settings = settings;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/logs", ctx -> ctx.json(Map.of("files", LogFiles.list(), "levels", LogParts.levels(),
                "levelNames", LogParts.LEVELS, "parts", new ArrayList<>(LogParts.PARTS.keySet()))));
        routes.get("/api/logs/lines", ctx -> {
            long after;
            try {
                after = Long.parseLong(Objects.requireNonNullElse(ctx.queryParam("after"), "0"));
            } catch (NumberFormatException e) {
                throw new ValidationException("after", "after must be a line number");
            }
            ctx.json(Map.of("lines", lines.after(after, MAX_LINES), "last", lines.last()));
        });
        routes.get("/api/logs/{file}", ctx -> {
            Path file = LogFiles.resolve(ctx.pathParam("file")).orElseThrow(() -> new NotFoundResponse("No such log file"));
            ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
            ctx.contentType(file.toString().endsWith(".gz") ? "application/gzip" : "text/plain; charset=utf-8");
            ctx.result(Files.newInputStream(file));
        });
        routes.put("/api/logs/levels", ctx -> {
            JsonNode body = JsonBody.object(ctx);
            Map<String, String> levels = new LinkedHashMap<>();
            body.fields().forEachRemaining(e -> levels.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null));
            LogParts.set(levels);
            ctx.json(Map.of("levels", LogParts.levels()));
        });
        routes.post("/api/logs/report", ctx -> {
            ctx.header("Content-Disposition", "attachment; filename=\"ltth-report-" + LocalDate.now() + ".zip\"");
            ctx.contentType("application/zip");
            BugReport.write(ctx.outputStream(), withoutSecrets(settings.get()), probeArgs(settings.get()));
        });
    }

    private static Map<String, Object> withoutSecrets(SettingsService s) {
        Map<String, Object> out = new LinkedHashMap<>(s.masked());
        for (Setting setting : SettingsRegistry.all()) if (setting.secret()) out.remove(setting.key());
        return out;
    }

    private static List<String> probeArgs(SettingsService s) {
        String user = s.text(SettingsRegistry.TIKTOK_USERNAME);
        if (user.isBlank()) return List.of();
        return List.of(user, "--live-page-url", s.text(SettingsRegistry.TIKTOK_LIVE_PAGE_URL),
                "--api-live-url", s.text(SettingsRegistry.TIKTOK_API_LIVE_URL), "--sign-url", s.text(SettingsRegistry.TIKTOK_SIGN_URL));
    }
}
