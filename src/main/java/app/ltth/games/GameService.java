package app.ltth.games;

import app.ltth.events.CustomEvent;
import app.ltth.events.LiveEvent;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The games' common ground: one queue of rounds per game, played one after another (a wheel spins once at a time),
 * each decided on the server the moment it begins, with randomness from the round's own seed, then shown on the
 * overlay for its seconds. When a round ends, its points go to the winner, the result goes into the event log (as an
 * event of the source "games") and the listeners hear it (flows: gameStarted, gameEnded).
 */
public final class GameService implements ProfileManager.Listener, AutoCloseable {

    /** {@code {"round", "game", "nickname", ...}}: a round begins (the game's own event says what to show). */
    public static final String STARTED = "game:started";
    /** {@code {"round", "game", "result": {...}}}: a round is over. */
    public static final String ENDED = "game:ended";
    private static final Logger log = LoggerFactory.getLogger(GameService.class);

    /** How a game plays a round: decided at once, shown on the overlay for {@code seconds}. */
    @FunctionalInterface
    public interface Play {
        Decision decide(GameRound round);
    }

    /**
     * @param event         the game's overlay event and its payload, sent as the round begins
     * @param revealSeconds when the overlay shows the result (the wheel stops): the prize's sound plays then
     */
    public record Decision(int seconds, int revealSeconds, String event, Map<String, Object> show, GameResult result) {
    }

    public interface Listener {
        void started(GameRound round);

        void ended(GameRound round, GameResult result);
    }

    /** The viewers' points (viewer levels): prizes are paid into them, bets taken from them. */
    public interface Bank {
        void pay(String handle, long points, String reason);

        /** Takes {@code points} when the viewer has that many; false (and nothing taken) otherwise. */
        boolean take(String handle, long points, String reason);
    }

    private record Waiting(GameRound round, Play play) {
    }

    private static final class Lane {
        final Deque<Waiting> waiting = new ArrayDeque<>();
        final java.util.Set<String> playing = new java.util.LinkedHashSet<>();   // round ids
        int parallel = 1;
        GameResult last;
    }

    private final SocketServer sockets;
    private final Consumer<String> sounds;
    private final Consumer<LiveEvent> eventLog;
    private final Bank bank;
    private final LongSupplier seeds;
    private final LongSupplier clock;
    private final ScheduledExecutorService timer = DaemonThreads.scheduler("ltth-games");
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong rounds = new AtomicLong();

    /**
     * @param sounds plays a prize's sound (on the audio overlay)
     * @param seeds  where each round's seed comes from (a secure random source; a fixed sequence in tests)
     */
    public GameService(SocketServer sockets, Consumer<String> sounds, Consumer<LiveEvent> eventLog, Bank bank, LongSupplier seeds,
                       LongSupplier clock) {
        this.sockets = sockets;
        this.sounds = sounds;
        this.eventLog = eventLog;
        this.bank = bank;
        this.seeds = seeds;
        this.clock = clock;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** The bank the games pay prizes into and take bets from. */
    public Bank bank() {
        return bank;
    }

    /**
     * Queues a round of {@code game}; it begins at once when fewer than {@code parallel} rounds of it are on screen
     * (a wheel: one; plinko balls: a few). Empty when {@code queueMax} rounds already wait (a gift storm): the round is
     * not played, and the caller says so.
     */
    public java.util.Optional<GameRound> submit(String game, String handle, String nickname, String how, String argument,
                                                int queueMax, int parallel, Play play) {
        GameRound round = new GameRound(game + "-" + clock.getAsLong() + "-" + rounds.incrementAndGet(), game,
                handle, nickname, how, argument, seeds.getAsLong());
        Lane lane = lanes.computeIfAbsent(game, g -> new Lane());
        synchronized (lane) {
            if (lane.waiting.size() >= queueMax) return java.util.Optional.empty();
            lane.parallel = parallel;
            lane.waiting.addLast(new Waiting(round, play));
            if (lane.playing.size() >= parallel) return java.util.Optional.of(round);
        }
        timer.execute(() -> next(lane));
        return java.util.Optional.of(round);
    }

    private void next(Lane lane) {
        Waiting w;
        synchronized (lane) {
            if (lane.playing.size() >= lane.parallel || lane.waiting.isEmpty()) return;
            w = lane.waiting.pollFirst();
            lane.playing.add(w.round().id());
        }
        Decision d;
        try {
            d = w.play().decide(w.round());
        } catch (RuntimeException e) {
            log.warn("A round of {} could not be played", w.round().game(), e);
            synchronized (lane) {
                lane.playing.remove(w.round().id());
            }
            next(lane);
            return;
        }
        Map<String, Object> show = new LinkedHashMap<>(d.show());
        show.put("round", w.round().id());
        show.put("nickname", w.round().nickname());
        show.put("seconds", d.seconds());
        sockets.broadcast(d.event(), show);
        sockets.broadcast(STARTED, Map.of("round", w.round().id(), "game", w.round().game(), "nickname", w.round().nickname()));
        for (Listener l : listeners) l.started(w.round());
        if (!d.result().sound().isEmpty()) {
            timer.schedule(() -> sounds.accept(d.result().sound()), d.revealSeconds() * 1000L, TimeUnit.MILLISECONDS);
        }
        timer.schedule(() -> end(lane, w.round(), d.result()), d.seconds() * 1000L, TimeUnit.MILLISECONDS);
    }

    private void end(Lane lane, GameRound round, GameResult result) {
        try {
            conclude(round, result);
        } finally {
            synchronized (lane) {
                lane.playing.remove(round.id());
                lane.last = result;
            }
            next(lane);
        }
    }

    /**
     * A round that is not queued but runs as long as it runs (a coin battle): begins now, and the game says when it
     * is over with {@link #finish}.
     */
    public GameRound begin(String game, String handle, String nickname, String how, String argument) {
        GameRound round = new GameRound(game + "-" + clock.getAsLong() + "-" + rounds.incrementAndGet(), game,
                handle, nickname, how, argument, seeds.getAsLong());
        sockets.broadcast(STARTED, Map.of("round", round.id(), "game", game, "nickname", nickname));
        for (Listener l : listeners) l.started(round);
        return round;
    }

    /** A round begun with {@link #begin} is over: as every round's end. */
    public void finish(GameRound round, GameResult result) {
        conclude(round, result);
        Lane lane = lanes.computeIfAbsent(round.game(), g -> new Lane());
        synchronized (lane) {
            lane.last = result;
        }
    }

    /** The winner's points, the event log, the overlays and the flows. */
    private void conclude(GameRound round, GameResult result) {
        try {
            if (result.points() != 0 && !result.winner().isEmpty()) {
                bank.pay(result.winner(), result.points(), round.game() + " round " + round.id());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("game", round.game());
            fields.put("round", round.id());
            fields.put("winner", result.winner());
            fields.put("winnerName", result.winnerName());
            fields.put("prize", result.prize());
            fields.put("points", result.points());
            fields.putAll(result.details());
            eventLog.accept(new CustomEvent("game-" + round.id(), clock.getAsLong(), "gameEnded", "games", fields));
            sockets.broadcast(ENDED, Map.of("round", round.id(), "game", round.game(), "result", result));
            for (Listener l : listeners) l.ended(round, result);
        } catch (RuntimeException e) {
            log.warn("The end of a round of {} failed", round.game(), e);
        }
    }

    /** What a game is doing: the round on screen, how many wait, the last result. */
    public Map<String, Object> state(String game) {
        Lane lane = lanes.computeIfAbsent(game, g -> new Lane());
        synchronized (lane) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("playing", List.copyOf(lane.playing));
            out.put("waiting", lane.waiting.size());
            out.put("last", lane.last);
            return out;
        }
    }

    @Override
    public void profileOpened(String profile, Database database) {
    }

    /** Another profile opens: what waited belongs to the old one. */
    @Override
    public void profileClosing() {
        lanes.values().forEach(lane -> {
            synchronized (lane) {
                lane.waiting.clear();
                lane.last = null;
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
