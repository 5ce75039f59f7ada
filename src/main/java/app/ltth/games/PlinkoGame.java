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

/**
 * Plinko (a built-in plugin, on unless turned off): a viewer bets points ({@code !plinko 50}), or a gift drops a ball
 * with its coins as the stake. The server picks the slot by the weights the streamer set and the way down to it; the
 * overlay bounces the ball along that way. A bet is taken when the ball drops and stake x multiplier is paid when it
 * lands; a few balls fall at once.
 */
public final class PlinkoGame extends StoredGame<PlinkoConfig> {

    public static final String ID = "plinko";
    /** {@code {"round", "rows", "slots", "slot", "path": [false, true, ...], "stake", "seconds", "nickname"}}. */
    public static final String DROP = "plinko:drop";
    /** How long a ball takes per row, and the moment it rests in its slot. */
    static final double SECONDS_PER_ROW = 0.25;

    private final GameService games;

    public PlinkoGame(GameService games) {
        super(ID, PlinkoConfig.defaults(), PlinkoConfig::with);
        this.games = games;
    }

    /** A free ball of {@code {"stake"}} (default the lowest bet): nobody's points are taken. */
    @Override
    public Optional<GameRound> start(JsonNode options, String handle, String nickname, String how) {
        JsonFields f = new JsonFields(options, "");
        f.refuseUnknown(java.util.Set.of("stake"), "option", "use stake");
        return drop(handle, nickname, how, f.number("stake", config().minBet(), 1, 1_000_000));
    }

    /**
     * A viewer's bet: taken from their points now, paid back times the multiplier when the ball lands. Empty when they
     * have too few points, the bet is outside the limits or the queue is full (then nothing is taken).
     */
    public Optional<GameRound> bet(String handle, String nickname, long stake) {
        requireActive();
        PlinkoConfig c = config();
        if (stake < c.minBet() || stake > c.maxBet()) return Optional.empty();
        if (!games.bank().take(handle, stake, "plinko bet")) return Optional.empty();
        Optional<GameRound> round = drop(handle, nickname, "bet", stake);
        if (round.isEmpty()) games.bank().pay(handle, stake, "plinko bet returned: the queue is full");
        return round;
    }

    private Optional<GameRound> drop(String handle, String nickname, String how, long stake) {
        requireActive();
        PlinkoConfig c = config();
        return games.submit(ID, handle, nickname, how, String.valueOf(stake), c.queueMax(), c.parallel(), round -> decide(c, round));
    }

    /** Where the ball lands and how it gets there, from the round's randomness alone. */
    static GameService.Decision decide(PlinkoConfig c, GameRound round) {
        SplittableRandom random = round.random();
        int slot = c.pick(random);
        List<Boolean> path = c.path(slot, random);
        long stake = Long.parseLong(round.argument());
        double multiplier = c.slots().get(slot).multiplier();
        long won = Math.round(stake * multiplier);
        Map<String, Object> show = new LinkedHashMap<>();
        show.put("rows", c.rows());
        show.put("slots", c.slots());
        show.put("slot", slot);
        show.put("path", path);
        show.put("stake", stake);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("slot", slot);
        details.put("multiplier", multiplier);
        details.put("stake", stake);
        int seconds = (int) Math.ceil(c.rows() * SECONDS_PER_ROW) + 1;
        return new GameService.Decision(seconds, seconds - 1, DROP, show, new GameResult(round.handle(), round.nickname(),
                "x" + multiplier, round.handle().isEmpty() ? 0 : won, "", "", details));
    }

    /** The plugin's event listener: gifts drop balls with their coins as the stake. */
    public void onEvent(LiveEvent event) {
        if (!active() || !(event instanceof GiftEvent g) || !g.isFinal() || g.coins() <= 0) return;
        if (config().dropsFor(g.giftName(), g.coins())) {
            drop(User.handle(g.user().uniqueId()), g.user().nickname(), "gift", g.coins());
        }
    }

    /** {@code !plinko 50}: everyone who has the points, once every 10 seconds per viewer (the Commands page changes that). */
    public void registerCommands(CommandEngine commands) {
        commands.register(new CommandEngine.Registered("plinko", "games", "commands.desc.plinko",
                new CommandSettings(true, List.of(), Permission.EVERYONE, 0, 0, 10, 0), (call, chat) -> {
                    if (!active() || call.args().isEmpty()) return;
                    try {
                        bet(User.handle(chat.user().uniqueId()), chat.user().nickname(), Long.parseLong(call.args().get(0)));
                    } catch (NumberFormatException | ValidationException e) {
                        // not a number: no bet
                    }
                }));
    }
}
