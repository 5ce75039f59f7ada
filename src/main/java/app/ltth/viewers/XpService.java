package app.ltth.viewers;

import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.JoinEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.SessionStart;
import app.ltth.events.ShareEvent;
import app.ltth.events.User;
import app.ltth.events.UserEvent;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.store.SingleJsonRow;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Viewer XP, points and levels (a built-in plugin, on unless turned off): every chat, share, follow, join and gift
 * earns by {@link XpRules}; what changed is written once a second in one transaction, as the event log does, so a busy
 * chat costs no write per message. Level-ups go to the overlays ({@value #LEVEL_UP_EVENT}) and, like every gain, to
 * the listeners (flows). Per profile, in viewer_xp; the settings in xp_config.
 */
public final class XpService implements ProfileManager.Listener, AutoCloseable {

    public static final String LEVEL_UP_EVENT = "xp:levelUp";
    /** The viewer who earned last, at most once a second: the XP bar overlay. */
    public static final String ACTIVE_EVENT = "xp:active";
    /** The levels of the viewers seen in the last second ({@code {"anna": {"level": 3, "levelName": "…"}}}): badges. */
    public static final String LEVELS_EVENT = "xp:levels";
    /** This stream's top viewers by XP, points and level, at most once a second when they changed. */
    public static final String BOARD_EVENT = "xp:board";
    /** A viewer's card, on !rank. */
    public static final String CARD_EVENT = "xp:card";
    static final int BOARD_SENT = 10;
    private static final SingleJsonRow STORED = new SingleJsonRow("xp_config", "config");
    private static final Logger log = LoggerFactory.getLogger(XpService.class);

    /** What happened to a viewer's XP: xpGained, levelUp, dailyBonus or streak (a daily bonus on a second day in a row). */
    @FunctionalInterface
    public interface Listener {
        void changed(String what, ViewerXp viewer, XpRules.Outcome outcome);
    }

    private final ProfileManager profiles;
    private final SocketServer sockets;
    private final Supplier<ZoneId> zone;
    private final LongSupplier clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, ViewerXp> viewers = new ConcurrentHashMap<>();   // changed under this lock, read without
    private final Set<String> dirty = new LinkedHashSet<>();         // guarded by this
    private final ScheduledExecutorService writer = DaemonThreads.scheduler("ltth-xp-writer");
    private final SessionStart sessions = new SessionStart();
    private final StreamXp stream = new StreamXp();                  // guarded by this
    private final Map<String, ViewerXp> seen = new LinkedHashMap<>();  // guarded by this: since the last announcement
    private ViewerXp latest;                                         // guarded by this: the last to earn, unannounced
    private ViewerXp lastActive;                                     // guarded by this: the last announced
    private boolean boardChanged;                                    // guarded by this
    private final List<Correction> corrections = new ArrayList<>();  // guarded by this: not yet written

    /** A manual change of a viewer's XP, points or level, kept in viewer_corrections. */
    private record Correction(String handle, String what, long amount, String by, long at) {
    }
    private volatile XpConfig config = XpConfig.defaults();
    private volatile boolean active;
    private Database database;                                       // guarded by this

    public XpService(ProfileManager profiles, SocketServer sockets, Supplier<ZoneId> zone) {
        this(profiles, sockets, zone, System::currentTimeMillis);
    }

    XpService(ProfileManager profiles, SocketServer sockets, Supplier<ZoneId> zone, LongSupplier clock) {
        this.profiles = profiles;
        this.sockets = sockets;
        this.zone = zone;
        this.clock = clock;
        writer.scheduleWithFixedDelay(this::everySecond, 1, 1, TimeUnit.SECONDS);
        sockets.greetWith(BOARD_EVENT, this::streamBoards);
        sockets.greetWith(ACTIVE_EVENT, this::lastActive);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void setActive(boolean on) {
        active = on;
    }

    public boolean active() {
        return active;
    }

    @Override
    public synchronized void profileClosing() {
        flushQuietly();
        database = null;
        viewers.clear();
        seen.clear();
        stream.clear();
        boardChanged = true;
        latest = null;
        lastActive = null;
    }

    @Override
    public synchronized void profileOpened(String profile, Database db) throws Exception {
        database = db;
        viewers.clear();
        dirty.clear();
        corrections.clear();
        config = db.read(STORED::read).map(json -> {
            try {
                return XpConfig.defaults().with(Json.MAPPER.readTree(json));
            } catch (Exception e) {
                log.warn("The XP settings could not be read ({}); the defaults apply", e.getMessage());
                return XpConfig.defaults();
            }
        }).orElse(XpConfig.defaults());
    }

    public XpConfig config() {
        return config;
    }

    /** The page's change of the settings, checked, kept in the profile. */
    public synchronized XpConfig configure(JsonNode change) throws SQLException, IOException {
        XpConfig next = config.with(change);
        String json = Json.MAPPER.writeValueAsString(next);
        profiles.withDatabase(c -> STORED.write(c, json));
        config = next;
        return next;
    }

    // ---- earning --------------------------------------------------------------------------------------------

    /** The plugin's event listener (on a thread of its own). */
    public void onEvent(LiveEvent event) {
        if (sessions.isNewSession(event)) {
            synchronized (this) {
                stream.clear();
                boardChanged = true;
            }
            return;
        }
        if (!active || !(event instanceof UserEvent u)) return;
        XpRules.Action action = event instanceof ChatEvent ? XpRules.Action.CHAT : event instanceof ShareEvent ? XpRules.Action.SHARE
                : event instanceof FollowEvent ? XpRules.Action.FOLLOW : event instanceof JoinEvent ? XpRules.Action.JOIN
                : event instanceof GiftEvent g && g.isFinal() ? XpRules.Action.GIFT : null;
        if (action == null) return;
        long coins = event instanceof GiftEvent g ? g.coins() : 0;
        XpRules.Outcome outcome;
        synchronized (this) {
            ViewerXp before = load(u.user());
            if (before == null) return;   // between two profiles
            seen.put(before.handle(), before);
            long now = clock.getAsLong();
            outcome = XpRules.apply(config, before, action, coins, now, zone.get());
            if (!outcome.changed()) return;
            ViewerXp next = outcome.next();
            keep(next);
            seen.put(next.handle(), next);
            latest = next;
            stream.add(next, outcome.xpGained(), outcome.pointsGained(), config.nameOf(next.level()), now);
            boardChanged = true;
        }
        tell(outcome);
    }

    private void tell(XpRules.Outcome o) {
        ViewerXp v = o.next();
        if (o.xpGained() > 0) listeners.forEach(l -> l.changed("xpGained", v, o));
        if (o.dailyBonus()) {
            listeners.forEach(l -> l.changed("dailyBonus", v, o));
            if (v.streakDays() > 1) listeners.forEach(l -> l.changed("streak", v, o));
        }
        if (o.levelUp()) {
            sockets.broadcast(LEVEL_UP_EVENT, describe(v));
            listeners.forEach(l -> l.changed("levelUp", v, o));
        }
    }

    /**
     * A streamer's, moderator's or flow's change: XP or points added (may be negative; never below 0), or a level set
     * (its XP becomes the level's least). Kept in the viewer's corrections, written with the next second's batch (a flow
     * may do this for every chat).
     *
     * @param what xp, points or level
     */
    public synchronized Optional<ViewerXp> change(String handle, String what, long amount, String by) {
        ViewerXp v = viewers.get(User.handle(handle));
        if (v == null) v = read(User.handle(handle));
        if (v == null) return Optional.empty();
        ViewerXp next = switch (what) {
            case "points" -> v.withPoints(Math.max(0, v.points() + amount));
            case "level" -> {
                int level = (int) Math.max(1, Math.min(XpConfig.MAX_LEVEL, amount));
                yield v.withXp(config.xpFor(level), level);
            }
            default -> {
                long xp = Math.max(0, v.xp() + amount);
                yield v.withXp(xp, config.levelOf(xp));
            }
        };
        keep(next);
        corrections.add(new Correction(next.handle(), what, amount, by, clock.getAsLong()));
        if (next.level() > v.level()) {
            XpRules.Outcome o = new XpRules.Outcome(next, Math.max(0, next.xp() - v.xp()), 0, v.level(), false);
            sockets.broadcast(LEVEL_UP_EVENT, describe(next));
            listeners.forEach(l -> l.changed("levelUp", next, o));
        }
        return Optional.of(next);
    }

    /**
     * Takes {@code amount} points from a viewer who has that many (a game's bet), as one step: two bets at once never
     * spend the same points. False, and nothing taken, when they have fewer.
     */
    public synchronized boolean spend(String handle, long amount, String by) {
        ViewerXp v = viewers.get(User.handle(handle));
        if (v == null) v = read(User.handle(handle));
        if (v == null || amount <= 0 || v.points() < amount) return false;
        change(handle, "points", -amount, by);
        return true;
    }

    private void keep(ViewerXp v) {
        viewers.put(v.handle(), v);
        dirty.add(v.handle());
    }

    /** The viewer's state: in memory, else from the database, else a new one. Null between profiles. */
    private ViewerXp load(User user) {
        String handle = User.handle(user.uniqueId());
        ViewerXp v = viewers.get(handle);
        if (v == null && database != null) {
            v = read(handle);
            if (v == null) v = ViewerXp.first(handle, user.id(), user.nickname());
            viewers.put(handle, v);
        }
        return v;
    }

    private ViewerXp read(String handle) {
        if (database == null) return null;
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT handle, user_id, nickname, xp, points, level, "
                        + "last_chat_xp, last_visit, streak_days FROM viewer_xp WHERE handle = ?")) {
                    ps.setString(1, handle);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? row(rs) : null;
                    }
                }
            });
        } catch (SQLException e) {
            log.warn("XP of @{} could not be read: {}", handle, e.getMessage());
            return null;
        }
    }

    private static ViewerXp row(ResultSet rs) throws SQLException {
        String visit = rs.getString(8);
        return new ViewerXp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getInt(6),
                rs.getLong(7), visit == null ? null : LocalDate.parse(visit), rs.getInt(9), List.of());
    }

    // ---- writing and reading ----------------------------------------------------------------------------------

    private void everySecond() {
        flushQuietly();
        announce();
    }

    /** What changed in the last second, to the overlays: one message each, not one per event. */
    private void announce() {
        Map<String, Object> levels = null;
        Map<String, Object> activeViewer = null;
        Map<String, Object> boards = null;
        synchronized (this) {
            if (!seen.isEmpty()) {
                levels = new LinkedHashMap<>();
                for (ViewerXp v : seen.values()) levels.put(v.handle(), Map.of("level", v.level(), "levelName", config.nameOf(v.level())));
                seen.clear();
            }
            if (latest != null) {
                activeViewer = describe(latest);
                lastActive = latest;
                latest = null;
            }
            if (boardChanged) {
                boards = stream.boards(BOARD_SENT);
                boardChanged = false;
            }
        }
        if (levels != null) sockets.broadcast(LEVELS_EVENT, Map.of("viewers", levels));
        if (activeViewer != null) sockets.broadcast(ACTIVE_EVENT, activeViewer);
        if (boards != null) sockets.broadcast(BOARD_EVENT, boards);
    }

    /** This stream's boards, top {@value #BOARD_SENT} each. */
    public synchronized Map<String, Object> streamBoards() {
        return stream.boards(BOARD_SENT);
    }

    /** The viewer the XP bar shows when it connects: the last to earn, or nobody yet ({@code {}}). */
    private synchronized Object lastActive() {
        return lastActive == null ? Map.of() : describe(lastActive);
    }

    /**
     * Shows a viewer's card on the overlays ({@value #CARD_EVENT}): level, XP, points, streak and their place by XP.
     * The card and the place are taken in one step: the viewer's own {@code !rank} chat earns XP on another thread, and
     * counted in between it would put them behind the XP they had a moment ago.
     *
     * @return whether they have a card (they earned something)
     */
    public boolean showCard(String handle) throws SQLException {
        Map<String, Object> card;
        synchronized (this) {
            Optional<Map<String, Object>> v = viewer(handle);
            if (v.isEmpty()) return false;
            card = new LinkedHashMap<>(v.get());
            card.put("rank", rankOf((String) card.get("handle"), ((Number) card.get("xp")).longValue()));
        }
        sockets.broadcast(CARD_EVENT, card);
        return true;
    }

    /** The place of a viewer with this much XP among all of the profile's viewers (never behind themselves). */
    private synchronized long rankOf(String handle, long xp) throws SQLException {
        flush();
        // This profile's database, as the lock keeps it (the profile manager's own lock is not taken under this one).
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) + 1 FROM viewer_xp WHERE xp > ? AND handle <> ?")) {
                ps.setLong(1, xp);
                ps.setString(2, handle);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 1L;
                }
            }
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (Exception e) {
            log.warn("XP could not be written (tried again in a second): {}", e.getMessage());
        }
    }

    /** Writes what changed since the last time, in one transaction. */
    public synchronized void flush() throws SQLException {
        if ((dirty.isEmpty() && corrections.isEmpty()) || database == null) return;
        List<ViewerXp> rows = new ArrayList<>();
        for (String h : dirty) rows.add(viewers.get(h));
        database.write(c -> write(c, rows) + writeCorrections(c));
        dirty.clear();
        corrections.clear();
        // Keep memory to the viewers seen lately: the others are read again when they come back.
        if (viewers.size() > 50_000) viewers.clear();
    }

    private int write(Connection c, List<ViewerXp> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO viewer_xp(handle, user_id, nickname, xp, points, level, "
                + "last_chat_xp, last_visit, streak_days, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT(handle) DO UPDATE SET user_id = excluded.user_id, nickname = excluded.nickname, "
                + "xp = excluded.xp, points = excluded.points, level = excluded.level, last_chat_xp = excluded.last_chat_xp, "
                + "last_visit = excluded.last_visit, streak_days = excluded.streak_days, updated_at = excluded.updated_at")) {
            long now = clock.getAsLong();
            for (ViewerXp v : rows) {
                ps.setString(1, v.handle());
                ps.setString(2, v.userId());
                ps.setString(3, v.nickname());
                ps.setLong(4, v.xp());
                ps.setLong(5, v.points());
                ps.setInt(6, v.level());
                ps.setLong(7, v.lastChatXpAt());
                ps.setString(8, v.lastVisit() == null ? null : v.lastVisit().toString());
                ps.setInt(9, v.streakDays());
                ps.setLong(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
            return rows.size();
        }
    }

    private int writeCorrections(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO viewer_corrections(handle, what, amount, by_whom, at) VALUES (?, ?, ?, ?, ?)")) {
            for (Correction k : corrections) {
                ps.setString(1, k.handle());
                ps.setString(2, k.what());
                ps.setLong(3, k.amount());
                ps.setString(4, k.by());
                ps.setLong(5, k.at());
                ps.addBatch();
            }
            ps.executeBatch();
            return corrections.size();
        }
    }

    /** A viewer's manual corrections, newest first: what (xp, points, level), amount, by and at. */
    public List<Map<String, Object>> corrections(String handle) throws SQLException {
        flush();
        return profiles.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT what, amount, by_whom, at FROM viewer_corrections "
                    + "WHERE handle = ? ORDER BY at DESC, id DESC LIMIT 100")) {
                ps.setString(1, User.handle(handle));
                List<Map<String, Object>> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Map.of("what", rs.getString(1), "amount", rs.getLong(2), "by", rs.getString(3), "at", rs.getLong(4)));
                    }
                }
                return out;
            }
        });
    }

    /** The viewer's XP as far as it is in memory (they earned lately), without waiting: for every event's flows. */
    public Optional<ViewerXp> cached(String handle) {
        return Optional.ofNullable(viewers.get(User.handle(handle)));
    }

    /** A viewer's level, 1 when they have none (yet, or the plugin is off): for commands with a minimum level. */
    public int levelOf(String handle) {
        return viewer(handle).map(v -> (Integer) v.get("level")).orElse(1);
    }

    /** One viewer as pages and commands read them, or empty when they never earned anything. */
    public synchronized Optional<Map<String, Object>> viewer(String handle) {
        ViewerXp v = viewers.get(User.handle(handle));
        if (v == null) v = read(User.handle(handle));
        return Optional.ofNullable(v).map(this::describe);
    }

    public Map<String, Object> describe(ViewerXp v) {
        XpConfig c = config;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("handle", v.handle());
        m.put("nickname", v.nickname());
        m.put("xp", v.xp());
        m.put("level", v.level());
        m.put("levelName", c.nameOf(v.level()));
        m.put("nextLevelXp", v.level() >= XpConfig.MAX_LEVEL ? v.xp() : c.xpFor(v.level() + 1));
        m.put("levelXp", c.xpFor(v.level()));
        m.put("points", v.points());
        m.put("streakDays", v.streakDays());
        return m;
    }

    @Override
    public void close() {
        writer.shutdownNow();
        flushQuietly();
    }
}
