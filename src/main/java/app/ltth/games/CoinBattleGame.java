package app.ltth.games;

import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandSettings;
import app.ltth.commands.Permission;
import app.ltth.events.BattleEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coin battles (a built-in plugin, on unless turned off): a timed match in which gifts count, solo or in two teams.
 * The scoreboard goes to the overlay once a second while something changed (never per gift), with TikTok's own PK
 * battle scores beside it when they come; at the end the results screen, the winner's points, the match in the
 * history and the flows' gameEnded.
 */
public final class CoinBattleGame extends StoredGame<BattleConfig> implements AutoCloseable {

    public static final String ID = "coinbattle";
    /** {@code {"running", "standings": {...}, "now", "pk"?}}: the scoreboard, at most once a second. */
    public static final String UPDATE = "coinbattle:update";
    /** {@code {"standings", "winner", "winnerName"}}: the results screen. */
    public static final String END = "coinbattle:end";
    static final int HISTORY = 50;
    private static final Logger log = LoggerFactory.getLogger(CoinBattleGame.class);

    private final GameService games;
    private final SocketServer sockets;
    private final LongSupplier clock;
    private final ScheduledExecutorService ticker = DaemonThreads.scheduler("ltth-coinbattle");
    private BattleMatch match;          // guarded by this
    private GameRound round;            // guarded by this
    private boolean changed;            // guarded by this
    private BattleEvent pk;             // guarded by this: TikTok's PK battle, shown beside

    public CoinBattleGame(GameService games, SocketServer sockets, LongSupplier clock) {
        super(ID, BattleConfig.defaults(), BattleConfig::with);
        this.games = games;
        this.sockets = sockets;
        this.clock = clock;
        sockets.greetWith(UPDATE, this::scoreboard);
        ticker.scheduleWithFixedDelay(this::everySecond, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    synchronized void opened() {
        match = null;
        round = null;
    }

    /** A match with the settings, changed by {@code options} ({"seconds", "mode"}); empty while one runs. */
    @Override
    public synchronized Optional<GameRound> start(JsonNode options, String handle, String nickname, String how) {
        requireActive();
        BattleConfig c = config().with(options);   // the match's own length or mode, checked like the settings
        if (match != null) return Optional.empty();
        match = new BattleMatch(c, clock.getAsLong());
        round = games.begin(ID, handle, nickname, how, c.mode());
        changed = true;
        return Optional.of(round);
    }

    /** The streamer's stop: the match ends now, with its results. */
    public synchronized boolean stop() {
        if (match == null) return false;
        match.stop(clock.getAsLong());
        everySecond();
        return true;
    }

    /** A multiplier event: points count {@code factor} times for {@code seconds}. */
    public synchronized boolean multiply(int factor, int seconds) {
        if (match == null) return false;
        match.multiply(factor, seconds, clock.getAsLong());
        changed = true;
        return true;
    }

    /** The plugin's event listener: finished gift streaks count; TikTok's PK battle is shown beside. */
    public void onEvent(LiveEvent event) {
        if (!active()) return;
        if (event instanceof GiftEvent g && g.isFinal()) {
            synchronized (this) {
                if (match == null) return;
                if (match.gift(User.handle(g.user().uniqueId()), g.user().nickname(), g.giftName(), g.coins(), clock.getAsLong()) > 0) {
                    changed = true;
                }
            }
        } else if (event instanceof BattleEvent b) {
            synchronized (this) {
                pk = b;
                changed = true;
            }
        }
    }

    /**
     * {@code !join red} (or 1, 2): plays for that team in this match; {@code !battle}: a moderator (or the streamer)
     * starts a match with the settings.
     */
    public void registerCommands(CommandEngine commands) {
        commands.register(new CommandEngine.Registered("battle", "games", "commands.desc.battle",
                new CommandSettings(true, List.of(), Permission.MODERATOR, 0, 0, 0, 0), (call, chat) -> {
                    if (active()) start(Json.MAPPER.createObjectNode(), User.handle(chat.user().uniqueId()), chat.user().nickname(), "command");
                }));
        commands.register(new CommandEngine.Registered("join", "games", "commands.desc.join", CommandSettings.everyone(5),
                (call, chat) -> {
                    if (!active() || call.args().isEmpty()) return;
                    synchronized (this) {
                        if (match != null && match.join(User.handle(chat.user().uniqueId()), chat.user().nickname(), call.args().get(0))) {
                            changed = true;
                        }
                    }
                }));
    }

    private void everySecond() {
        Map<String, Object> update = null;
        Map<String, Object> end = null;
        synchronized (this) {
            long now = clock.getAsLong();
            if (match != null && match.over(now)) {
                end = finish(now);
            } else if (changed) {
                update = scoreboard();
            }
            changed = false;
        }
        if (update != null) sockets.broadcast(UPDATE, update);
        if (end != null) sockets.broadcast(END, end);
    }

    /** What the overlay shows: the match's standings and TikTok's PK battle, if one runs. */
    private synchronized Map<String, Object> scoreboard() {
        long now = clock.getAsLong();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("running", match != null);
        out.put("now", now);
        if (match != null) out.put("standings", match.standings(now));
        if (pk != null && !BattleEvent.END.equals(pk.phase())) out.put("pk", pk.teams());
        return out;
    }

    /** The end of a match: results, points, history, flows. Called with the lock held. */
    private Map<String, Object> finish(long now) {
        BattleMatch m = match;
        GameRound r = round;
        match = null;
        round = null;
        BattleMatch.Standings s = m.standings(now);
        int team = m.winningTeam();
        String winner = "";
        String winnerName = "";
        long points = 0;
        List<String> paid = new ArrayList<>();
        if (s.mode().equals("teams")) {
            winnerName = team < 0 ? "" : s.teams().get(team).name();
            if (team >= 0 && m.config().winnerPoints() > 0) {
                for (BattleMatch.Player p : m.team(team)) {
                    games.bank().pay(p.handle(), m.config().winnerPoints(), "coin battle won by " + winnerName);
                    paid.add(p.handle());
                }
            }
        } else if (!s.players().isEmpty()) {
            winner = s.players().get(0).handle();
            winnerName = s.players().get(0).nickname();
            points = m.config().winnerPoints();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", s.mode());
        details.put("teamPoints", s.mode().equals("teams") ? s.teamPoints()[0] + ":" + s.teamPoints()[1] : "");
        details.put("players", s.players().size());
        GameResult result = new GameResult(winner, winnerName, winnerName.isEmpty() ? "" : "coin battle", points, "", "", details);
        save(m, s, result);
        games.finish(r, result);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("standings", s);
        out.put("winner", team >= 0 ? s.teams().get(team).name() : winnerName);
        out.put("team", team);
        out.put("paid", paid);
        return out;
    }

    private void save(BattleMatch m, BattleMatch.Standings s, GameResult result) {
        Database db = database();
        if (db == null) return;
        try {
            String json = Json.MAPPER.writeValueAsString(Map.of("standings", s, "winnerName", result.winnerName()));
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO coinbattle_matches(started_at, ended_at, mode, result) VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, m.startedAt());
                    ps.setLong(2, clock.getAsLong());
                    ps.setString(3, s.mode());
                    ps.setString(4, json);
                    return ps.executeUpdate();
                }
            });
        } catch (Exception e) {
            log.warn("The coin battle could not be kept in the history: {}", e.getMessage());
        }
    }

    /** The last matches, newest first. */
    public List<Map<String, Object>> history() throws SQLException {
        Database db = database();
        if (db == null) return List.of();
        return db.read(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, started_at, ended_at, mode, result FROM coinbattle_matches ORDER BY id DESC LIMIT " + HISTORY);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getLong(1));
                    row.put("startedAt", rs.getLong(2));
                    row.put("endedAt", rs.getLong(3));
                    row.put("mode", rs.getString(4));
                    try {
                        row.put("result", Json.MAPPER.readTree(rs.getString(5)));
                    } catch (IOException e) {
                        row.put("result", Map.of());
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
