package app.ltth.effects;

import app.ltth.commands.CommandCall;
import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandSettings;
import app.ltth.commands.Permission;
import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.store.SingleJsonRow;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Effects overlays and the emoji rain (a built-in plugin, on unless turned off): starts weather, fireworks and the
 * flame frame for gift rules, chat commands, flows, the dashboard and REST, and tells the emoji rain to start, change
 * its preset, burst or clear. The overlays draw (within their particle cap); this only says what and for how long,
 * one message per start, never per frame. The overlays get the settings and what still runs when they say hello, so
 * one reloaded in OBS carries on.
 */
public final class EffectService implements ProfileManager.Listener {

    /** {@code {"name", "seconds", "intensity", "count", "finale"}}: an effect starts (or runs longer). */
    public static final String START = "effect:start";
    /** {@code {"name"}} ("all": every one): an effect ends now. */
    public static final String STOP = "effect:stop";
    /** {@code {"maxParticles", "emoji": {...}, "running": [{"name", "seconds", "intensity"}]}}: on hello and on change. */
    public static final String STATE = "effects:state";
    /** {@code {"op": "start" | "preset" | "burst" | "clear", "preset", "seconds", "count", "user", "emoji"}}. */
    public static final String EMOJI = "emoji:rain";
    public static final List<String> EMOJI_OPS = List.of("start", "preset", "burst", "clear");
    /** A finale: this many rockets over its seconds. */
    static final int FINALE_ROCKETS = 40;
    static final int FINALE_SECONDS = 8;
    /** A combo of fireworks sends at most this many rockets. */
    static final int MAX_ROCKETS = 30;
    private static final Logger log = LoggerFactory.getLogger(EffectService.class);
    private static final SingleJsonRow CONFIG = new SingleJsonRow("effects", "config");

    private record Running(double intensity, long until) {
    }

    private final SocketServer sockets;
    private final LongSupplier clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile EffectsConfig config = EffectsConfig.defaults();
    private volatile Database database;
    private volatile boolean active;

    public EffectService(SocketServer sockets, LongSupplier clock) {
        this.sockets = sockets;
        this.clock = clock;
        if (sockets != null) sockets.greetWith(STATE, this::state);
    }

    public void setActive(boolean on) {
        active = on;
        if (!on && !running.isEmpty()) stop("all");
    }

    public boolean active() {
        return active;
    }

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        EffectsConfig stored = CONFIG.readOr(db, EffectsConfig.defaults(), json -> EffectsConfig.defaults().with(json));
        database = db;
        config = stored;
        running.clear();
        broadcast(STATE, state());
    }

    @Override
    public void profileClosing() {
        database = null;
    }

    public EffectsConfig config() {
        return config;
    }

    /** The page's or the API's change, checked and kept in the profile; the overlays hear it at once. */
    public synchronized EffectsConfig configure(JsonNode change) throws SQLException, IOException {
        EffectsConfig next = config.with(change);
        CONFIG.save(database, next);
        config = next;
        broadcast(STATE, state());
        return next;
    }

    /** What the overlays need: the cap, the emoji rain's settings and the effects that still run, with their seconds left. */
    public Map<String, Object> state() {
        long now = clock.getAsLong();
        List<Map<String, Object>> list = new ArrayList<>();
        running.forEach((name, r) -> {
            long left = (r.until() - now + 999) / 1000;
            if (left > 0) list.add(Map.of("name", name, "seconds", left, "intensity", r.intensity()));
        });
        EffectsConfig c = config;
        return Map.of("maxParticles", c.maxParticles(), "emoji", c.emoji(), "running", list);
    }

    // ---- starting ----------------------------------------------------------------------------------------------

    /**
     * Starts {@code name} (an effect of {@link EffectsConfig#EFFECTS}) for {@code seconds} at {@code intensity}
     * (null: the configured ones); {@code count} rockets for fireworks. Running again makes it last longer, never
     * twice as many particles.
     */
    public Map<String, Object> start(String name, Integer seconds, Double intensity, int count) {
        String effect = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (!EffectsConfig.EFFECTS.contains(effect)) {
            throw new ValidationException("name", "'" + name + "' is no effect: use " + String.join(", ", EffectsConfig.EFFECTS));
        }
        if (!active) throw new NotActive();
        EffectsConfig c = config;
        int s = seconds == null ? c.seconds() : Math.max(1, Math.min(600, seconds));
        double i = intensity == null ? c.intensity() : Math.max(0.1, Math.min(1, intensity));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", effect);
        message.put("seconds", s);
        message.put("intensity", i);
        message.put("count", Math.max(1, Math.min(MAX_ROCKETS, count)));
        message.put("finale", false);
        return begin(message, i, s);
    }

    /** The fireworks finale: many rockets for a few seconds, as a goal is reached. */
    public Map<String, Object> finale() {
        if (!active) throw new NotActive();
        return begin(new LinkedHashMap<>(Map.of("name", "fireworks", "seconds", FINALE_SECONDS, "intensity", 1.0,
                "count", FINALE_ROCKETS, "finale", true)), 1.0, FINALE_SECONDS);
    }

    private Map<String, Object> begin(Map<String, Object> message, double intensity, int seconds) {
        running.put((String) message.get("name"), new Running(intensity, clock.getAsLong() + seconds * 1000L));
        broadcast(START, message);
        return message;
    }

    /** Ends {@code name} now, or every effect with "all". */
    public Map<String, Object> stop(String name) {
        String effect = name == null || name.isBlank() ? "all" : name.toLowerCase(Locale.ROOT);
        if (!effect.equals("all") && !EffectsConfig.EFFECTS.contains(effect)) {
            throw new ValidationException("name", "'" + name + "' is no effect: use all, " + String.join(", ", EffectsConfig.EFFECTS));
        }
        if (effect.equals("all")) running.clear(); else running.remove(effect);
        broadcast(STOP, Map.of("name", effect));
        return Map.of("name", effect);
    }

    /**
     * The emoji rain: {@code start} (rains for {@code seconds} in {@code preset}, or the configured one), {@code preset}
     * (falls in another from now on), {@code burst} ({@code count} at once, of {@code emoji} or the set's) or
     * {@code clear} (everything on screen and waiting goes).
     */
    public Map<String, Object> emoji(String op, String preset, Integer seconds, Integer count, String emoji) {
        if (!EMOJI_OPS.contains(op)) throw new ValidationException("op", "use start, preset, burst or clear");
        if (!active) throw new NotActive();
        EffectsConfig c = config;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("op", op);
        if (op.equals("start") || op.equals("preset")) {
            String p = preset == null || preset.isBlank() ? c.emoji().preset() : preset.toLowerCase(Locale.ROOT);
            if (!EffectsConfig.PRESETS.contains(p)) throw new ValidationException("preset", "use gentle, storm or celebration");
            message.put("preset", p);
        }
        if (op.equals("start")) message.put("seconds", seconds == null ? c.seconds() : Math.max(1, Math.min(600, seconds)));
        if (op.equals("burst")) {
            message.put("count", count == null ? c.emoji().burstCount() : Math.max(1, Math.min(300, count)));
            if (emoji != null && !emoji.isBlank()) message.put("emoji", EffectsConfig.item(Json.MAPPER.getNodeFactory().textNode(emoji), "emoji"));
        }
        broadcast(EMOJI, message);
        return message;
    }

    /** Said when the plugin is off: nothing starts, and the caller says so. */
    public static final class NotActive extends RuntimeException {
        NotActive() {
            super("the effects are off: turn the plugin 'effects' on under Plugins");
        }
    }

    // ---- what starts them ----------------------------------------------------------------------------------------

    /** The plugin's event listener: the gift rules and the emoji burst for a big streak. */
    public void onEvent(LiveEvent event) {
        if (!active || !(event instanceof GiftEvent g) || !g.isFinal()) return;
        EffectsConfig c = config;
        for (EffectsConfig.GiftRule rule : c.rulesFor(g.giftName(), g.coins())) {
            start(rule.effect(), rule.seconds(), rule.intensity(), g.repeatCount());
        }
        if (c.emoji().burstCoins() > 0 && g.coins() >= c.emoji().burstCoins()) {
            Map<String, Object> burst = new LinkedHashMap<>();
            burst.put("op", "burst");
            burst.put("count", c.emoji().burstCount());
            burst.put("user", g.user().uniqueId());
            broadcast(EMOJI, burst);
        }
    }

    /** A goal was reached: the fireworks finale, when the streamer wants it. */
    public void goalReached() {
        if (active && config.goalFinale()) finale();
    }

    /**
     * {@code !weather snow}, {@code !fireworks}, {@code !flame} and {@code !emojirain [preset]}: for followers by
     * default, once a minute per viewer (the Commands page changes that). No cooldown for all by default: a start
     * while the effect runs only makes it last longer, and one viewer's misspelt weather must not lock out the rest.
     */
    public void registerCommands(CommandEngine commands) {
        CommandSettings followers = new CommandSettings(true, List.of(), Permission.FOLLOWER, 0, 0, 60, 0);
        commands.register(new CommandEngine.Registered("weather", "effects", "commands.desc.weather", followers, this::weather));
        commands.register(new CommandEngine.Registered("fireworks", "effects", "commands.desc.fireworks", followers,
                (call, chat) -> { if (active) start("fireworks", null, null, 5); }));
        commands.register(new CommandEngine.Registered("flame", "effects", "commands.desc.flame", followers,
                (call, chat) -> { if (active) start("flame", null, null, 1); }));
        commands.register(new CommandEngine.Registered("emojirain", "effects", "commands.desc.emojirain", followers,
                (call, chat) -> {
                    String preset = call.args().isEmpty() ? null : call.args().get(0).toLowerCase(Locale.ROOT);
                    if (active && (preset == null || EffectsConfig.PRESETS.contains(preset))) emoji("start", preset, null, null, null);
                }));
    }

    private void weather(CommandCall call, ChatEvent chat) {
        if (!active || call.args().isEmpty()) return;
        String name = call.args().get(0).toLowerCase(Locale.ROOT);
        if (config.commandEffects().contains(name)) start(name, null, null, 1);
    }

    private void broadcast(String event, Object payload) {
        if (sockets != null) sockets.broadcast(event, payload);
    }
}
