package app.ltth.viewers;

import app.ltth.events.User;
import app.ltth.history.UserStatsRepository;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.store.ProfileManager;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * GET /api/viewers/flags            every viewer with a decision in force (VIP, commands, TTS muted)
 * PUT /api/viewers/{handle}/flags   {"vip": true, "commands": "blocked", "ttsMuteMinutes": 10}
 * GET /api/viewers/{handle}         one viewer: the decisions, XP, level and points, and the totals (coins, gifts,
 *                                   likes, chats, first and last seen); their events come from GET /api/events?user=
 * GET /api/viewers?q=&sort=&limit=  viewers with XP, by xp, points or recent, whose handle or name contains q
 * POST /api/viewers/{handle}/points {"add": n}: a correction (may be negative), logged
 * GET/PUT /api/xp/config            how viewers earn XP and points, the level curve and names
 */
public final class ViewersController {

    private final ViewerModeration moderation;
    private final XpService xp;
    private final ProfileManager profiles;

    public ViewersController(ViewerModeration moderation, XpService xp, ProfileManager profiles) {
        this.moderation = moderation;
        this.xp = xp;
        this.profiles = profiles;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/viewers/flags", ctx -> ctx.json(Map.of("viewers", moderation.all())));
        routes.put("/api/viewers/{handle}/flags", ctx -> ctx.json(moderation.change(ctx.pathParam("handle"), JsonBody.object(ctx))));
        routes.get("/api/viewers/{handle}", ctx -> {
            String handle = User.handle(ctx.pathParam("handle"));
            Map<String, Object> out = new LinkedHashMap<>(moderation.describe(handle));
            new UserStatsRepository(profiles.database()).byHandle(handle).ifPresent(t -> out.put("totals", t));
            xp.viewer(handle).ifPresent(v -> out.put("xp", v));
            ctx.json(out);
        });
        routes.get("/api/viewers", ctx -> {
            String sort = Objects.requireNonNullElse(ctx.queryParam("sort"), "xp");
            if (!List.of("xp", "points", "recent").contains(sort)) throw new ValidationException("sort", "sort must be xp, points or recent");
            int limit;
            try {
                limit = Integer.parseInt(Objects.requireNonNullElse(ctx.queryParam("limit"), "50"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) throw new ValidationException("limit", "limit must be from 1 to 500");
            ctx.json(Map.of("viewers", xp.list(Objects.requireNonNullElse(ctx.queryParam("q"), "").strip(), sort, limit)));
        });
        routes.post("/api/viewers/{handle}/points", ctx -> {
            long add = new JsonFields(JsonBody.object(ctx), "").requiredNumber("add", -1_000_000_000L, 1_000_000_000L);
            ViewerXp after = xp.change(ctx.pathParam("handle"), "points", add, "the dashboard")
                    .orElseThrow(() -> new NotFoundResponse("@" + User.handle(ctx.pathParam("handle")) + " has no points yet"));
            ctx.json(xp.describe(after));
        });
        routes.get("/api/xp/config", ctx -> ctx.json(xp.config()));
        routes.put("/api/xp/config", ctx -> ctx.json(xp.configure(JsonBody.object(ctx))));
    }
}
