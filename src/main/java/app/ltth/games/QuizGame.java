package app.ltth.games;

import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandSettings;
import app.ltth.commands.Permission;
import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quiz show (a built-in plugin, on unless turned off): a quiz of a few questions from a pack, each open for some
 * seconds; viewers answer in chat with a letter or the answer itself; the first right answer earns the most points,
 * later ones less, paid into their points; jokers (50:50, more time) are bought with gifts. The overlay gets the
 * question, then once a second how many answered, then the right answer and the leaderboard; text to speech reads the
 * question when the streamer wants it.
 */
public final class QuizGame extends StoredGame<QuizConfig> implements AutoCloseable {

    public static final String ID = "quiz";
    /** {@code {"index", "total", "question", "answers", "endsAt", "now", "seconds"}}. */
    public static final String QUESTION = "quiz:question";
    /** {@code {"answered", "removed", "endsAt", "now"}}: once a second while it changed (answers, jokers). */
    public static final String PROGRESS = "quiz:progress";
    /** {@code {"correct", "right": [{"nickname", "points"}], "leaderboard": [...]}}. */
    public static final String RESULT = "quiz:result";
    /** {@code {"leaderboard", "winner"}}. */
    public static final String END = "quiz:end";
    static final List<String> BUILT_IN = List.of("general-en", "general-de", "general-es", "general-fr");
    private static final Logger log = LoggerFactory.getLogger(QuizGame.class);

    /** A viewer's points in this quiz. */
    public record Score(String handle, String nickname, long points) {
    }

    private final GameService games;
    private final SocketServer sockets;
    private final LongSupplier clock;
    private final Supplier<String> language;
    private final Consumer<String> say;
    private final Map<String, QuizPack> builtIn = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker = DaemonThreads.scheduler("ltth-quiz");
    // the quiz that runs, guarded by this
    private GameRound round;
    private QuizConfig playing;
    private List<QuizPack.Question> questions = List.of();
    private int index;
    private QuizQuestion current;
    private long nextAt;                 // the next question's moment while the results show; 0 while one is asked
    private boolean changed;
    private long lastProgress;           // when quiz:progress last went out
    private boolean fiftyUsed;
    private boolean timeUsed;
    private SplittableRandom random;
    private final Map<String, Score> scores = new LinkedHashMap<>();

    /**
     * @param language the dashboard's language: LTTH's own pack in it
     * @param say      text to speech, for reading the questions
     */
    public QuizGame(GameService games, SocketServer sockets, LongSupplier clock, Supplier<String> language, Consumer<String> say) {
        super(ID, QuizConfig.defaults(), QuizConfig::with);
        this.games = games;
        this.sockets = sockets;
        this.clock = clock;
        this.language = language;
        this.say = say;
        for (String id : BUILT_IN) {
            try (InputStream in = QuizGame.class.getResourceAsStream("/quiz/" + id + ".json")) {
                builtIn.put(id, QuizPack.parse(Json.MAPPER.readTree(in)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("LTTH's quiz pack " + id + " is broken", e);
            }
        }
        ticker.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    synchronized void opened() {
        round = null;
        current = null;
    }

    @Override
    void checked(QuizConfig next) throws SQLException {
        if (!next.pack().isEmpty()) pack(next.pack());   // a pack that exists
    }

    // ---- packs ---------------------------------------------------------------------------------------------------

    /** The pack by id: an imported one, or LTTH's own; empty id: LTTH's own in the dashboard's language. */
    QuizPack pack(String id) throws SQLException {
        if (id.isEmpty()) return builtIn.getOrDefault("general-" + language.get(), builtIn.get("general-en"));
        if (builtIn.containsKey(id)) return builtIn.get(id);
        Database db = database();
        Optional<String> json = db == null ? Optional.empty() : db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pack FROM quiz_packs WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        try {
            return QuizPack.parse(Json.MAPPER.readTree(json.orElseThrow(() -> new ValidationException("pack", "there is no quiz pack '" + id + "'"))));
        } catch (IOException e) {
            throw new ValidationException("pack", "the quiz pack '" + id + "' cannot be read");
        }
    }

    /** Every pack: LTTH's own and the imported ones, with their number of questions. */
    public List<Map<String, Object>> packs() throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        builtIn.values().forEach(p -> out.add(Map.of("id", p.id(), "name", p.name(), "language", p.language(),
                "questions", p.questions().size(), "builtIn", true)));
        Database db = database();
        if (db != null) {
            db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, name, language, count FROM quiz_packs ORDER BY name");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Map.of("id", rs.getString(1), "name", rs.getString(2), "language", rs.getString(3),
                                "questions", rs.getInt(4), "builtIn", false));
                    }
                }
                return null;
            });
        }
        return out;
    }

    /** Imports a pack (a JSON file the streamer chose: checked question by question); the same id replaces it. */
    public QuizPack importPack(JsonNode json) throws SQLException, IOException {
        QuizPack p = QuizPack.parse(json);
        if (builtIn.containsKey(p.id())) throw new ValidationException("id", "'" + p.id() + "' is LTTH's own pack: give yours another id");
        Database db = database();
        if (db == null) throw new IllegalStateException("no profile is open");
        String stored = Json.MAPPER.writeValueAsString(p);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO quiz_packs(id, name, language, count, pack) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET name = excluded.name, language = excluded.language, count = excluded.count, pack = excluded.pack")) {
                ps.setString(1, p.id());
                ps.setString(2, p.name());
                ps.setString(3, p.language());
                ps.setInt(4, p.questions().size());
                ps.setString(5, stored);
                return ps.executeUpdate();
            }
        });
        return p;
    }

    // ---- a quiz --------------------------------------------------------------------------------------------------

    /** A quiz with the settings, changed by {@code options} (e.g. {"pack", "questions", "seconds"}); empty while one runs. */
    @Override
    public synchronized Optional<GameRound> start(JsonNode options, String handle, String nickname, String how) {
        requireActive();
        QuizConfig c = config().with(options);
        QuizPack p;
        try {
            p = pack(c.pack());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (round != null) return Optional.empty();
        round = games.begin(ID, handle, nickname, how, p.id());
        random = round.random();
        List<QuizPack.Question> pool = new ArrayList<>(p.questions());
        List<QuizPack.Question> picked = new ArrayList<>();
        while (picked.size() < c.questions() && !pool.isEmpty()) picked.add(pool.remove(random.nextInt(pool.size())));
        playing = c;
        questions = picked;
        index = -1;
        scores.clear();
        ask(clock.getAsLong());
        return Optional.of(round);
    }

    /** The next question, now. Called with the lock held. */
    private void ask(long now) {
        index++;
        current = new QuizQuestion(questions.get(index), now, playing.seconds());
        nextAt = 0;
        fiftyUsed = false;
        timeUsed = false;
        changed = false;
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("index", index);
        q.put("total", questions.size());
        q.put("question", current.question().question());
        q.put("answers", current.question().answers());
        q.put("seconds", playing.seconds());
        q.put("endsAt", current.endsAt());
        q.put("now", now);
        sockets.broadcast(QUESTION, q);
        if (playing.speak()) {
            StringBuilder text = new StringBuilder(current.question().question());
            for (int i = 0; i < current.question().answers().size(); i++) {
                text.append(' ').append((char) ('A' + i)).append(": ").append(current.question().answers().get(i)).append('.');
            }
            say.accept(text.toString());
        }
    }

    /** {@code !quiz}: a moderator (or the streamer) starts a quiz with the settings. */
    public void registerCommands(CommandEngine commands) {
        commands.register(new CommandEngine.Registered("quiz", "games", "commands.desc.quiz",
                new CommandSettings(true, List.of(), Permission.MODERATOR, 0, 0, 0, 0), (call, chat) -> {
                    if (active()) start(Json.MAPPER.createObjectNode(), User.handle(chat.user().uniqueId()), chat.user().nickname(), "command");
                }));
    }

    /** A joker now (the dashboard, or a gift): "fifty" or "time". False when no question is open or it was used. */
    public synchronized boolean joker(String kind) {
        if (current == null || nextAt != 0) return false;
        if (kind.equals("fifty") && !fiftyUsed) {
            fiftyUsed = true;
            current.fiftyFifty(random);
        } else if (kind.equals("time") && !timeUsed) {
            timeUsed = true;
            current.moreTime(playing.timeSeconds());
        } else {
            return false;
        }
        changed = true;
        return true;
    }

    /** The plugin's event listener: chat lines are answers, the joker gifts buy jokers. */
    public void onEvent(LiveEvent event) {
        if (!active()) return;
        if (event instanceof ChatEvent chat) {
            synchronized (this) {
                if (current != null && nextAt == 0 && current.answer(User.handle(chat.user().uniqueId()), chat.user().nickname(),
                        chat.comment(), clock.getAsLong())) {
                    changed = true;
                }
            }
        } else if (event instanceof GiftEvent g && g.isFinal()) {
            QuizConfig c;
            synchronized (this) {
                c = playing;
            }
            if (c == null) return;
            if (!c.fiftyGift().isEmpty() && c.fiftyGift().equalsIgnoreCase(g.giftName())) joker("fifty");
            if (!c.timeGift().isEmpty() && c.timeGift().equalsIgnoreCase(g.giftName())) joker("time");
        }
    }

    private void tick() {
        try {
            step();
        } catch (RuntimeException e) {
            log.warn("The quiz could not go on", e);
        }
    }

    private synchronized void step() {
        if (round == null || current == null) return;
        long now = clock.getAsLong();
        if (nextAt == 0 && current.over(now)) {
            results();
            nextAt = now + playing.pauseSeconds() * 1000L;
        } else if (nextAt == 0 && changed && now - lastProgress >= 1000) {
            lastProgress = now;
            changed = false;
            sockets.broadcast(PROGRESS, Map.of("answered", current.answerCount(), "removed", current.removed(),
                    "endsAt", current.endsAt(), "now", now));
        } else if (nextAt != 0 && now >= nextAt) {
            if (index + 1 < questions.size()) ask(now); else end();
        }
    }

    /** The question's end: who was right, their points paid, the leaderboard. Called with the lock held. */
    private void results() {
        List<QuizQuestion.Right> right = current.right(playing.firstPoints(), playing.step(), playing.least());
        for (QuizQuestion.Right r : right) {
            Score s = scores.get(r.handle());
            scores.put(r.handle(), new Score(r.handle(), r.nickname(), (s == null ? 0 : s.points()) + r.points()));
            if (r.points() > 0) games.bank().pay(r.handle(), r.points(), "quiz: right answer");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("index", index);
        out.put("correct", current.question().correct());
        out.put("right", right);
        out.put("answered", current.answerCount());
        out.put("leaderboard", leaderboard());
        sockets.broadcast(RESULT, out);
    }

    private List<Score> leaderboard() {
        return scores.values().stream().sorted(Comparator.comparingLong(Score::points).reversed()).limit(10).toList();
    }

    private void end() {
        List<Score> board = leaderboard();
        Score best = board.isEmpty() ? null : board.get(0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("questions", questions.size());
        details.put("players", scores.size());
        GameResult result = new GameResult(best == null ? "" : best.handle(), best == null ? "" : best.nickname(),
                best == null ? "" : "quiz", 0, "", "", details);   // the points were paid per answer
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leaderboard", board);
        out.put("winner", best == null ? "" : best.nickname());
        sockets.broadcast(END, out);
        GameRound r = round;
        round = null;
        current = null;
        playing = null;
        games.finish(r, result);
    }

    /** The quiz ends after this question's results. */
    public synchronized boolean stop() {
        if (round == null) return false;
        questions = questions.subList(0, index + 1);
        if (nextAt == 0) current.close(clock.getAsLong());
        return true;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
