package app.ltth.viewers;

import app.ltth.events.User;
import app.ltth.history.UserStatsRepository;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.store.ProfileManager;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * GET /api/viewers/flags            every viewer with a decision in force (VIP, commands, TTS muted)
 * PUT /api/viewers/{handle}/flags   {"vip": true, "commands": "blocked", "ttsMuteMinutes": 10}
 * GET /api/viewers/{handle}         one viewer: the decisions and note, XP, level and points, VIP tier, and the totals
 *                                   (coins, gifts, likes, chats, visits, watch time, first and last seen); their events
 *                                   come from GET /api/events?user=
 * GET /api/viewers?q=&sort=&limit=  viewers whose handle or name contains q, by one of ViewerDirectory.SORTS
 * GET /api/viewers.csv?q=&sort=     the same, every one, as CSV
 * POST /api/viewers/{handle}/points {"add": n}: a correction (may be negative), kept in the viewer's corrections
 * POST /api/viewers/{handle}/xp     {"add": n} or {"level": n}: the same for XP and the level
 * GET /api/viewers/{handle}/corrections  the manual changes of their XP, points and level, newest first
 * GET/PUT /api/vip/tiers            {"tiers": [{"name", "coins", "visits"}]}: VIP tiers granted by coins and visits
 * GET/PUT /api/xp/config            how viewers earn XP and points, the level curve and names
 */
public final class ViewersController {

    private final ViewerModeration moderation;
    private final XpService xp;
    private final ViewerDirectory directory;
    private final ProfileManager profiles;

    public ViewersController(ViewerModeration moderation, XpService xp, ViewerDirectory directory, ProfileManager profiles) {
        this.moderation = moderation;
        this.xp = xp;
        this.directory = directory;
        this.profiles = profiles;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/viewers/flags", ctx -> ctx.json(moderation.all()));
        routes.put("/api/viewers/{handle}/flags", ctx -> ctx.json(moderation.change(ctx.pathParam("handle"), JsonBody.object(ctx))));
        routes.get("/api/viewers/{handle}", ctx -> {
            String handle = User.handle(ctx.pathParam("handle"));
            Map<String, Object> out = new LinkedHashMap<>(moderation.describe(handle));
            new UserStatsRepository(profiles.database()).byHandle(handle).ifPresent(t -> {
                out.put("totals", t);
                out.put("tier", directory.tierOf(t.coins(), t.visits()));
            });
            xp.viewer(handle).ifPresent(v -> out.put("xp", v));
            ctx.json(out);
        });
        routes.get("/api/viewers", ctx -> {
            int limit;
            try {
                limit = Integer.parseInt(Objects.requireNonNullElse(ctx.queryParam("limit"), "50"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) throw new ValidationException("limit", "limit must be from 1 to 500");
            ctx.json(Map.of("viewers", directory.list(query(ctx), sort(ctx), limit)));
        });
        routes.get("/api/viewers.csv", ctx -> {
            String sort = sort(ctx);
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"ltth-viewers.csv\"");
            directory.exportCsv(query(ctx), sort, ctx.outputStream());
        });
        routes.post("/api/viewers/{handle}/xp", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            f.refuseUnknown(Set.of("add", "level"), "key", "use add (XP, may be negative) or level");
            boolean level = f.node("level") != null;
            if (level == (f.node("add") != null)) throw new ValidationException("add", "give either add (XP) or level");
            long amount = level ? f.requiredNumber("level", 1, XpConfig.MAX_LEVEL) : f.requiredNumber("add", -1_000_000_000L, 1_000_000_000L);
            ctx.json(xp.describe(xp.change(ctx.pathParam("handle"), level ? "level" : "xp", amount, "the dashboard")
                    .orElseThrow(() -> noXp(ctx))));
        });
        routes.get("/api/viewers/{handle}/corrections", ctx -> ctx.json(Map.of("corrections", xp.corrections(ctx.pathParam("handle")))));
        routes.get("/api/vip/tiers", ctx -> ctx.json(Map.of("tiers", directory.tiers())));
        routes.put("/api/vip/tiers", ctx -> ctx.json(Map.of("tiers", directory.setTiers(JsonBody.object(ctx)))));
        routes.post("/api/viewers/{handle}/points", ctx -> {
            long add = new JsonFields(JsonBody.object(ctx), "").requiredNumber("add", -1_000_000_000L, 1_000_000_000L);
            ViewerXp after = xp.change(ctx.pathParam("handle"), "points", add, "the dashboard").orElseThrow(() -> noXp(ctx));
            ctx.json(xp.describe(after));
        });
        routes.get("/api/xp/config", ctx -> ctx.json(xp.config()));
        routes.put("/api/xp/config", ctx -> ctx.json(xp.configure(JsonBody.object(ctx))));
    }

    private static NotFoundResponse noXp(Context ctx) {
        return new NotFoundResponse("@" + User.handle(ctx.pathParam("handle"))
                + " has no XP or points yet: viewers earn them while the plugin 'xp' is on");
    }

    private static String query(Context ctx) {
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        if (q.length() > 100) throw new ValidationException("q", "q must be at most 100 characters");
        return q;
    }

    private static String sort(Context ctx) {
        String sort = Objects.requireNonNullElse(ctx.queryParam("sort"), "xp");
        if (!ViewerDirectory.SORTS.contains(sort)) {
            throw new ValidationException("sort", "sort must be one of " + String.join(", ", ViewerDirectory.SORTS));
        }
        return sort;
    }
}
