package app.ltth.games;

import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandSettings;
import app.ltth.commands.Permission;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
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
public final class WheelGame extends StoredGame<WheelConfig> {

    public static final String ID = "wheel";
    /** {@code {"round", "wheel": {...}, "segment", "offset", "seconds", "nickname"}}: spin this wheel to that segment. */
    public static final String SPIN = "wheel:spin";
    private static final Logger log = LoggerFactory.getLogger(WheelGame.class);

    private final GameService games;

    public WheelGame(GameService games) {
        super(ID, WheelConfig.defaults(), WheelConfig::with);
        this.games = games;
    }

    /** A spin of {@code {"wheel"}} (id or name; none: the first). */
    @Override
    public Optional<GameRound> start(JsonNode options, String handle, String nickname, String how) {
        JsonFields f = new JsonFields(options, "");
        f.refuseUnknown(java.util.Set.of("wheel"), "option", "use wheel");
        return spin(f.text("wheel", "", 60), handle, nickname, how);
    }

    /**
     * Spins {@code wheel} (id or name; empty: the first) for a viewer (empty handle: the streamer). Empty when the
     * queue is full.
     */
    public Optional<GameRound> spin(String wheel, String handle, String nickname, String how) {
        requireActive();
        WheelConfig c = config();
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
        if (!active() || !(event instanceof GiftEvent g) || !g.isFinal()) return;
        for (String wheel : config().wheelsFor(g.giftName(), g.coins())) {
            if (spin(wheel, User.handle(g.user().uniqueId()), g.user().nickname(), "gift").isEmpty()) {
                log.debug("The wheel's queue is full: a spin for {} is not played", g.user().uniqueId());
            }
        }
    }

    /** {@code !spin} or {@code !spin NAME}: for followers, once every 2 minutes per viewer (the Commands page changes that). */
    public void registerCommands(CommandEngine commands) {
        commands.register(new CommandEngine.Registered("spin", "games", "commands.desc.spin",
                new CommandSettings(true, List.of(), Permission.FOLLOWER, 0, 0, 120, 0), (call, chat) -> {
                    if (!active()) return;
                    try {
                        spin(call.rest(), User.handle(chat.user().uniqueId()), chat.user().nickname(), "command");
                    } catch (ValidationException e) {
                        // no such wheel: nothing spins
                    }
                }));
    }
}
