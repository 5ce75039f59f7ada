package app.ltth.leaderboard;

import app.ltth.events.LiveEvent;
import app.ltth.events.SessionStart;
import app.ltth.history.UserStatsRepository;
import app.ltth.input.ValidationException;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Top gifters, likers and chatters, of this stream (kept here, started over with each stream and on reset) and of
 * all time (the event log's per-user totals). Overlays hear {@code leaderboard:update} with this stream's boards at
 * most once a second, and all-time boards when they ask over REST.
 */
public final class Leaderboards implements ProfileManager.Listener, AutoCloseable {

    public static final String UPDATE = "leaderboard:update";
    public static final int SENT = 10;
    public static final List<String> BOARDS = Arrays.stream(StreamBoard.Board.values()).map(StreamBoard.Board::wireName).toList();
    public static final List<String> PERIODS = List.of("stream", "alltime");

    /** One row as overlays show it; {@code value} is coins, likes or chats. */
    public record Row(int rank, String userId, String uniqueId, String nickname, String avatarUrl, long value) {
    }

    private final SocketServer sockets;
    private final StreamBoard stream = new StreamBoard();
    private final SessionStart sessions = new SessionStart();
    private final ScheduledExecutorService timer = DaemonThreads.scheduler("ltth-leaderboards");
    private boolean changed;
    private volatile Database database;

    public Leaderboards(SocketServer sockets) {
        this.sockets = sockets;
        sockets.greetWith(UPDATE, this::streamBoards);
        timer.scheduleAtFixedRate(this::sendIfChanged, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void profileOpened(String profile, Database db) {
        database = db;
        reset();
    }

    /** Bus listener. */
    public void onEvent(LiveEvent event) {
        if (sessions.isNewSession(event)) {
            reset();
            return;
        }
        synchronized (this) {
            changed |= stream.add(event);
        }
    }

    public void reset() {
        synchronized (this) {
            stream.clear();
            changed = true;
        }
        sendIfChanged();
    }

    public List<Row> top(String board, String period, int limit) throws SQLException {
        StreamBoard.Board which = board(board);
        if (!PERIODS.contains(period)) throw new ValidationException("period", "period must be stream or alltime");
        if (period.equals("stream")) {
            synchronized (this) {
                return rows(which, limit);
            }
        }
        UserStatsRepository.Ranking ranking = switch (which) {
            case GIFTERS -> UserStatsRepository.Ranking.COINS;
            case LIKERS -> UserStatsRepository.Ranking.LIKES;
            case CHATTERS -> UserStatsRepository.Ranking.CHATS;
        };
        List<Row> rows = new ArrayList<>();
        for (UserStatsRepository.UserTotals t : new UserStatsRepository(database).top(ranking, limit)) {
            long value = which == StreamBoard.Board.GIFTERS ? t.coins() : which == StreamBoard.Board.LIKERS ? t.likes() : t.chats();
            rows.add(new Row(rows.size() + 1, t.userId(), t.uniqueId(), t.nickname(), "", value));
        }
        return rows;
    }

    private static StreamBoard.Board board(String name) {
        try {
            return StreamBoard.Board.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("board", "board must be one of " + String.join(", ", BOARDS));
        }
    }

    private List<Row> rows(StreamBoard.Board board, int limit) {
        List<Row> rows = new ArrayList<>();
        for (StreamBoard.Entry e : stream.top(board, limit)) {
            rows.add(new Row(rows.size() + 1, e.userId(), e.uniqueId(), e.nickname(), e.avatarUrl(),
                    board.figure.applyAsLong(e)));
        }
        return rows;
    }

    /** This stream's boards, top {@value #SENT} each: the {@code leaderboard:update} payload. */
    public synchronized Map<String, Object> streamBoards() {
        Map<String, Object> boards = new LinkedHashMap<>();
        for (StreamBoard.Board b : StreamBoard.Board.values()) boards.put(b.wireName(), rows(b, SENT));
        return Map.of("period", "stream", "boards", boards);
    }

    private void sendIfChanged() {
        Map<String, Object> boards;
        synchronized (this) {
            if (!changed) return;
            changed = false;
            boards = streamBoards();
        }
        sockets.broadcast(UPDATE, boards);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
