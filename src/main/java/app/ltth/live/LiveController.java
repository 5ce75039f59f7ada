package app.ltth.live;

import app.ltth.events.EventBus;
import app.ltth.events.LiveEvent;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.live.webcast.WebcastException;
import app.ltth.settings.SettingsRegistry;
import app.ltth.settings.SettingsService;
import app.ltth.store.ProfileManager;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * REST for the live source: test injection, demo mode, simulator rate, connect and disconnect.
 *
 * <pre>
 * POST /api/events/simulate  {"type":"gift","user":"anna","giftName":"Rose","coins":1,"count":5} -> 202 {"id":...}
 * POST /api/events/simulate/batch  [event, event, ...] (at most 1000) -> 202 {"accepted": n, "shed": m}: for load
 *                            tools; all are checked before any is published
 * POST /api/demo             {"enabled":true|false}
 * GET  /api/simulator        {"running":..,"rate":..}
 * POST /api/simulator        {"rate":20}
 * POST /api/connect          {"username":"someone", "roomId": optional, typed by hand}
 * POST /api/disconnect
 * </pre>
 */
public final class LiveController {

    static final int BATCH_MAX = 1000;
    private static final Pattern TIKTOK_HANDLE = Pattern.compile("[A-Za-z0-9._]{2,24}");

    private final EventBus bus;
    private final LiveSourceManager sources;
    private final Simulator simulator;
    private final EventInjector injector = new EventInjector();

    private final ProfileManager profiles;
    private final SettingsService settings;
    private final TikTokSources tiktok;

    public LiveController(EventBus bus, LiveSourceManager sources, Simulator simulator, ProfileManager profiles,
                          SettingsService settings, TikTokSources tiktok) {
        this.tiktok = tiktok;
        this.bus = bus;
        this.sources = sources;
        this.simulator = simulator;
        this.profiles = profiles;
        this.settings = settings;
    }

    public void routes(RoutesConfig routes) {
        routes.post("/api/events/simulate", this::simulate);
        routes.post("/api/events/simulate/batch", this::simulateBatch);
        routes.post("/api/demo", this::demo);
        routes.get("/api/simulator", ctx -> ctx.json(simulatorState()));
        routes.post("/api/simulator", this::setRate);
        routes.post("/api/connect", this::connect);
        routes.post("/api/disconnect", ctx -> {
            sources.stop();
            ctx.json(sources.status());
        });
    }

    private void simulate(Context ctx) {
        LiveEvent event = injector.parse(JsonBody.object(ctx));
        if (bus.publish(event)) {
            ctx.status(202).json(Map.of("id", event.id(), "type", event.type()));
        } else {
            ctx.status(503).json(ApiError.of("The event bus is overloaded and shed this event; try again shortly"));
        }
    }

    private void simulateBatch(Context ctx) {
        JsonNode body = JsonBody.array(ctx, BATCH_MAX);
        List<LiveEvent> events = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            try {
                events.add(injector.parse(body.get(i)));
            } catch (ValidationException e) {
                String field = "[" + i + "]" + (e.field() == null ? "" : "." + e.field());
                throw new ValidationException(field, "Event " + i + ": " + e.getMessage(), e.key(), e.params());
            }
        }
        int shed = 0;
        for (LiveEvent event : events) if (!bus.publish(event)) shed++;
        ctx.status(202).json(Map.of("accepted", events.size() - shed, "shed", shed));
    }

    private void demo(Context ctx) throws Exception {
        boolean enabled = JsonBody.requiredBoolean(JsonBody.object(ctx), "enabled");
        if (enabled) {
            if (sources.current() != simulator) sources.switchTo(simulator);
        } else if (sources.current() == simulator) {
            sources.stop();
        }
        ctx.json(sources.status());
    }

    private void setRate(Context ctx) {
        double rate = JsonBody.requiredNumber(JsonBody.object(ctx), "rate");
        if (!(rate >= 0 && rate <= Simulator.MAX_RATE)) {
            throw new ValidationException("rate", "rate must be between 0 and " + (int) Simulator.MAX_RATE
                    + " events per second");
        }
        simulator.setRate(rate);
        ctx.json(simulatorState());
    }

    private Map<String, Object> simulatorState() {
        return Map.of("running", sources.current() == simulator, "rate", simulator.rate());
    }

    private void connect(Context ctx) throws Exception {
        JsonNode body = JsonBody.object(ctx);
        String username = JsonBody.requiredText(body, "username");
        if (username.startsWith("@")) username = username.substring(1);
        if (!TIKTOK_HANDLE.matcher(username).matches()) {
            throw new ValidationException("username", "'" + username + "' is not a TikTok username: 2 to 24 letters, "
                    + "digits, '.' or '_'", "error.username", Map.of("name", username));
        }
        // One profile per streamer: never mix another account's events into this profile's history.
        String bound = settings.text(SettingsRegistry.TIKTOK_USERNAME);
        if (!bound.isEmpty() && !bound.equalsIgnoreCase(username)) {
            String suggested = username.replaceFirst("^[._]+", "");
            boolean exists = profiles.store().exists(suggested);
            ctx.status(409).json(Map.of(
                    "error", "The profile '" + profiles.active() + "' belongs to @" + bound + ". To connect to @"
                            + username + ", " + (exists ? "switch to" : "create") + " the profile '" + suggested
                            + "' first, so the two accounts' data stay apart.",
                    "field", "username", "profile", suggested, "profileExists", exists));
            return;
        }
        if (bound.isEmpty()) settings.update(Json.MAPPER.createObjectNode().put(SettingsRegistry.TIKTOK_USERNAME, username));
        String roomId = body.hasNonNull("roomId") ? body.get("roomId").asText() : null;
        try {
            sources.switchTo(tiktok.create(username, roomId));
            ctx.json(sources.status());
        } catch (WebcastException e) {
            // Only a username problem marks the username: a network failure says so and leaves the name alone.
            String field = switch (e.problem()) {
                case USERNAME -> "username";
                case ROOM_ID -> "roomId";
                default -> null;
            };
            Map<String, Object> params = new LinkedHashMap<>(e.text().params());
            params.put("problem", e.problem().wireName());
            ctx.status(e.retryable() ? 503 : 409).json(new ApiError(e.getMessage(), field, e.text().key(), params));
        }
    }
}
