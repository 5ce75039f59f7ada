package app.ltth.viewers;

import app.ltth.events.User;
import app.ltth.history.UserStatsRepository;
import app.ltth.store.ProfileManager;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/viewers/flags            every viewer with a decision in force (VIP, commands, TTS muted)
 * PUT /api/viewers/{handle}/flags   {"vip": true, "commands": "blocked", "ttsMuteMinutes": 10}
 * GET /api/viewers/{handle}         one viewer: the decisions and the totals (coins, gifts, likes, chats, first and
 *                                   last seen); their events come from GET /api/events?user=
 */
public final class ViewersController {

    private final ViewerModeration moderation;
    private final ProfileManager profiles;

    public ViewersController(ViewerModeration moderation, ProfileManager profiles) {
        this.moderation = moderation;
        this.profiles = profiles;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/viewers/flags", ctx -> ctx.json(Map.of("viewers", moderation.all())));
        routes.put("/api/viewers/{handle}/flags", ctx -> ctx.json(moderation.change(ctx.pathParam("handle"), JsonBody.object(ctx))));
        routes.get("/api/viewers/{handle}", ctx -> {
            String handle = User.handle(ctx.pathParam("handle"));
            Map<String, Object> out = new LinkedHashMap<>(moderation.describe(handle));
            new UserStatsRepository(profiles.database()).byHandle(handle).ifPresent(t -> out.put("totals", t));
            ctx.json(out);
        });
    }
}
