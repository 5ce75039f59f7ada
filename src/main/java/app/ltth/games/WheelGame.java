package app.ltth.games;

import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandSettings;
import app.ltth.commands.Permission;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wheel of fortune (a built-in plugin, on unless turned off): gifts spin the wheel their rule names, {@code !spin}
 * (or {@code !spin NAME}) spins one from chat, flows and the dashboard too. The server decides where it lands (by the
 * segments' weights, with the round's randomness); the overlay only turns the wheel to that place.
 */
public final class WheelGame implements Game, ProfileManager.Listener {

    public static final String ID = "wheel";
    /** {@code {"round", "wheel": {...}, "segment", "offset", "seconds", "nickname"}}: spin this wheel to that segment. */
    public static final String SPIN = "wheel:spin";
    private static final Logger log = LoggerFactory.getLogger(WheelGame.class);

    private final GameService games;
    private volatile WheelConfig config = WheelConfig.defaults();
    private volatile Database database;
    private volatile boolean active;

    public WheelGame(GameService games) {
        this.games = games;
    }

    public void setActive(boolean on) {
        active = on;
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public String id() {
        return ID;
    }

    /** A spin of {@code {"wheel"}} (id or name; none: the first). */
    @Override
    public Optional<GameRound> start(JsonNode options, String handle, String nickname, String how) {
        JsonFields f = new JsonFields(options, "");
        f.refuseUnknown(java.util.Set.of("wheel"), "option", "use wheel");
        return spin(f.text("wheel", "", 60), handle, nickname, how);
    }

    @Override
    public WheelConfig config() {
        return config;
    }

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        WheelConfig read = GameSettings.read(db, ID).map(json -> {
            try {
                return WheelConfig.defaults().with(Json.MAPPER.readTree(json));
            } catch (Exception e) {
                log.warn("The wheels could not be read ({}); the default wheel is used", e.getMessage());
                return WheelConfig.defaults();
            }
        }).orElse(WheelConfig.defaults());
        database = db;
        config = read;
    }

    @Override
    public void profileClosing() {
        database = null;
    }

    /** The page's or the API's change, checked and kept in the profile. */
    @Override
    public synchronized WheelConfig configure(JsonNode change) throws SQLException, IOException {
        WheelConfig next = config.with(change);
        Database db = database;
        if (db != null) GameSettings.write(db, ID, Json.MAPPER.writeValueAsString(next));
        config = next;
        return next;
    }

    /**
     * Spins {@code wheel} (id or name; empty: the first) for a viewer (empty handle: the streamer). Empty when the
     * queue is full.
     */
    public Optional<GameRound> spin(String wheel, String handle, String nickname, String how) {
        if (!active) throw new GameOff(ID);
        WheelConfig c = config;
        WheelConfig.Wheel w = c.wheel(wheel);
        return games.submit(ID, handle, nickname, how, w.id(), c.queueMax(), 1, round -> decide(w, round));
    }

    /** Where the wheel lands, from the round's randomness alone: the same round lands in the same place. */
    static GameService.Decision decide(WheelConfig.Wheel wheel, GameRound round) {
        SplittableRandom random = round.random();
        int index = wheel.pick(random);
        double offset = 0.15 + random.nextDouble() * 0.7;   // where in the segment the pointer stops
        WheelConfig.Segment s = wheel.segments().get(index);
        Map<String, Object> show = new LinkedHashMap<>();
        show.put("wheel", wheel);
        show.put("segment", index);
        show.put("offset", offset);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("wheel", wheel.id());
        details.put("segment", s.text());
        return new GameService.Decision(wheel.spinSeconds() + 3, wheel.spinSeconds(), SPIN, show, new GameResult(round.handle(),
                round.nickname(), s.prize().text(), round.handle().isEmpty() ? 0 : s.prize().points(), s.prize().sound(),
                s.prize().flow(), details));
    }

    /** The plugin's event listener: gifts spin the wheels their rules name. */
    public void onEvent(LiveEvent event) {
        if (!active || !(event instanceof GiftEvent g) || !g.isFinal()) return;
        for (String wheel : config.wheelsFor(g.giftName(), g.coins())) {
            if (spin(wheel, User.handle(g.user().uniqueId()), g.user().nickname(), "gift").isEmpty()) {
                log.debug("The wheel's queue is full: a spin for {} is not played", g.user().uniqueId());
            }
        }
    }

    /** {@code !spin} or {@code !spin NAME}: for followers, once every 2 minutes per viewer (the Commands page changes that). */
    public void registerCommands(CommandEngine commands) {
        commands.register(new CommandEngine.Registered("spin", "games", "commands.desc.spin",
                new CommandSettings(true, List.of(), Permission.FOLLOWER, 0, 0, 120, 0), (call, chat) -> {
                    if (!active) return;
                    try {
                        spin(call.rest(), User.handle(chat.user().uniqueId()), chat.user().nickname(), "command");
                    } catch (ValidationException e) {
                        // no such wheel: nothing spins
                    }
                }));
    }
}
