package app.ltth.timers;

import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile's timers (a built-in plugin, on unless turned off): moved by their rules on live events, by REST and by
 * flows; ticked four times a second (ends, loops, likes speed). Overlays hear {@code timer:update} when a timer
 * changes (not every second: they count by themselves from the value, the moment and the speed); state is written
 * once a second, so a restart goes on where it was.
 */
public final class TimerService implements ProfileManager.Listener, AutoCloseable {

    public static final String UPDATE = "timer:update";
    public static final String ALL = "timer:all";
    public static final String REMOVED = "timer:removed";
    static final int MAX_TIMERS = 50;
    private static final Logger log = LoggerFactory.getLogger(TimerService.class);

    /** Told when a timer ends (a countdown at 0, a loop's round, an interval's phase, a count-up at its target). */
    public interface Listener {
        void timerEnded(TimerDef timer, TimerState state);
    }

    /** One timer, what it has counted of likes, and the likes its rules have not used yet. */
    private static final class Entry {
        TimerDef def;
        TimerState state;
        final LikeMeter likes = new LikeMeter();
        final Map<Integer, Long> likesLeft = new HashMap<>();

        Entry(TimerDef def, TimerState state) {
            this.def = def;
            this.state = state;
        }
    }

    private final SocketServer sockets;
    private final Supplier<String> commandPrefixes;
    private final LongSupplier clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Entry> timers = new LinkedHashMap<>();   // guarded by this
    private final Set<String> unsent = new LinkedHashSet<>();          // guarded by this
    private final Set<String> unsaved = new LinkedHashSet<>();         // guarded by this
    private final ScheduledExecutorService scheduler = DaemonThreads.scheduler("ltth-timers");
    private Database database;                                         // guarded by this
    private volatile boolean active;

    public TimerService(SocketServer sockets, Supplier<String> commandPrefixes) {
        this(sockets, commandPrefixes, System::currentTimeMillis, true);
    }

    /** @param background tick and save by themselves (tests with an injected clock call {@link #tick} instead) */
    TimerService(SocketServer sockets, Supplier<String> commandPrefixes, LongSupplier clock, boolean background) {
        this.sockets = sockets;
        this.commandPrefixes = commandPrefixes;
        this.clock = clock;
        if (sockets != null) sockets.greetWith(ALL, () -> Map.of("timers", list()));
        if (background) {
            scheduler.scheduleAtFixedRate(this::tickQuietly, 250, 250, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(this::saveQuietly, 1, 1, TimeUnit.SECONDS);
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void setActive(boolean on) {
        active = on;
    }

    // ---- the profile ---------------------------------------------------------------------------------------------

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        Map<String, Entry> loaded = db.read(c -> {
            Map<String, Entry> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, definition, state FROM timers ORDER BY position, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        TimerDef def = TimerDef.parse(Json.MAPPER.readTree(rs.getString(2)), rs.getString(1), null);
                        out.put(def.id(), new Entry(def, Json.MAPPER.readValue(rs.getString(3), TimerState.class)));
                    } catch (Exception e) {
                        log.warn("Timer {} in the database is not valid and was skipped: {}", rs.getString(1), e.getMessage());
                    }
                }
            }
            return out;
        });
        synchronized (this) {
            database = db;
            timers.clear();
            timers.putAll(loaded);
            unsaved.clear();
            unsent.addAll(loaded.keySet());
        }
        tickQuietly();   // a countdown that ran out while LTTH was closed ends now
    }

    @Override
    public void profileClosing() {
        saveQuietly();
        synchronized (this) {
            database = null;
        }
    }

    // ---- live events ---------------------------------------------------------------------------------------------

    /** The plugin's event listener (on a thread of its own). */
    public void onEvent(LiveEvent event) {
        if (!active) return;
        long now = clock.getAsLong();
        String prefixes = commandPrefixes.get();
        synchronized (this) {
            for (Entry e : timers.values()) {
                TimerState before = e.state;
                if (e.def.likeSpeed() != null && event instanceof LikeEvent l) e.likes.add(l.likeCount(), now);
                for (int i = 0; i < e.def.rules().size(); i++) {
                    TimerRule rule = e.def.rules().get(i);
                    long steps;
                    if (rule.on().equals("likes")) {
                        long likes = e.likesLeft.getOrDefault(i, 0L) + TimerRule.likes(event);
                        steps = likes / rule.every();
                        e.likesLeft.put(i, likes % rule.every());
                    } else {
                        steps = rule.steps(event, prefixes);
                    }
                    if (steps <= 0) continue;
                    e.state = rule.set() ? e.state.set(e.def, rule.seconds() * 1000, now)
                            : e.state.add(e.def, steps * rule.seconds() * 1000, now);
                }
                if (!e.state.equals(before)) changed(e.def.id());
            }
        }
    }

    private void changed(String id) {
        unsent.add(id);
        unsaved.add(id);
    }

    // ---- ticking -------------------------------------------------------------------------------------------------

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Timers could not tick: {}", e.getMessage(), e);
        }
    }

    /** Likes speed, ends and rounds; then what changed to the overlays. */
    void tick() {
        long now = clock.getAsLong();
        List<Map.Entry<TimerDef, TimerState>> ended = new ArrayList<>();
        Map<String, Object> updates = new LinkedHashMap<>();
        synchronized (this) {
            for (Entry e : timers.values()) {
                TimerState before = e.state;
                if (e.def.likeSpeed() != null && e.state.running()) {
                    TimerDef.LikeSpeed speed = e.def.likeSpeed();
                    e.state = e.state.withRate(e.def, LikeMeter.rate(speed, e.likes.within(speed.windowSeconds(), now)), now);
                }
                TimerState.Tick t = e.state.tick(e.def, now);
                e.state = t.state();
                if (t.ended()) ended.add(Map.entry(e.def, e.state));
                if (!e.state.equals(before)) changed(e.def.id());
            }
            for (String id : unsent) {
                Entry e = timers.get(id);
                if (e != null) updates.put(id, describe(e, now));
            }
            unsent.clear();
        }
        if (sockets != null) updates.values().forEach(u -> sockets.broadcast(UPDATE, u));
        for (Map.Entry<TimerDef, TimerState> e : ended) listeners.forEach(l -> l.timerEnded(e.getKey(), e.getValue()));
    }

    // ---- what pages and flows do ---------------------------------------------------------------------------------

    public synchronized List<Map<String, Object>> list() {
        long now = clock.getAsLong();
        return timers.values().stream().map(e -> describe(e, now)).toList();
    }

    public synchronized Optional<Map<String, Object>> get(String idOrName) {
        return find(idOrName).map(e -> describe(e, clock.getAsLong()));
    }

    public synchronized Map<String, Object> create(JsonNode json) throws SQLException {
        if (timers.size() >= MAX_TIMERS) throw new ValidationException(null, "At most " + MAX_TIMERS + " timers");
        String id = UUID.randomUUID().toString().substring(0, 8);
        TimerDef def = TimerDef.parse(json, id, null);
        Entry e = new Entry(def, TimerState.fresh(def, clock.getAsLong()));
        timers.put(id, e);
        save(e, timers.size() - 1);
        unsent.add(id);
        return describe(e, clock.getAsLong());
    }

    public synchronized Optional<Map<String, Object>> update(String id, JsonNode json) throws SQLException {
        Entry e = timers.get(id);
        if (e == null) return Optional.empty();
        TimerDef def = TimerDef.parse(json, id, e.def);
        long now = clock.getAsLong();
        // A new length for a timer that has not started yet starts from it; a running one keeps its time.
        if (TimerState.STOPPED.equals(e.state.state())) e.state = TimerState.fresh(def, now);
        e.def = def;
        e.likesLeft.clear();
        save(e, new ArrayList<>(timers.keySet()).indexOf(id));
        unsent.add(id);
        return Optional.of(describe(e, now));
    }

    public synchronized boolean delete(String id) throws SQLException {
        if (timers.remove(id) == null) return false;
        database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM timers WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
        unsent.remove(id);
        unsaved.remove(id);
        if (sockets != null) sockets.broadcast(REMOVED, Map.of("id", id));
        return true;
    }

    /** start, pause, reset, add (seconds, negative takes away) or set (seconds), by id or name. */
    public synchronized Optional<Map<String, Object>> act(String idOrName, String action, long seconds) {
        Optional<Entry> found = find(idOrName);
        if (found.isEmpty()) return Optional.empty();
        Entry e = found.get();
        long now = clock.getAsLong();
        e.state = switch (action) {
            case "start" -> e.state.start(e.def, now);
            case "pause" -> e.state.pause(e.def, now);
            case "reset" -> TimerState.fresh(e.def, now);
            case "add" -> e.state.add(e.def, seconds * 1000, now);
            case "set" -> e.state.set(e.def, seconds * 1000, now);
            default -> throw new ValidationException("action", "action must be start, pause, reset, add or set");
        };
        changed(e.def.id());
        return Optional.of(describe(e, now));
    }

    /** Every timer's time as text, for placeholders: {@code timer:Subathon} and {@code timer:<id>} give "1:02:03". */
    public synchronized Map<String, Object> placeholders() {
        long now = clock.getAsLong();
        Map<String, Object> out = new HashMap<>();
        for (Entry e : timers.values()) {
            String text = format(e.state.valueAt(e.def, now));
            out.put("timer:" + e.def.id(), text);
            out.put("timer:" + e.def.name().replaceAll("\\s+", ""), text);
        }
        return out;
    }

    /** 75 s as "1:15", 3725 s as "1:02:05": what overlays and speech show. */
    static String format(long ms) {
        long total = (ms + 999) / 1000;   // a countdown shows 0:00 only when it is done
        long h = total / 3600;
        long m = total / 60 % 60;
        long s = total % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    private Optional<Entry> find(String idOrName) {
        Entry byId = timers.get(idOrName);
        if (byId != null) return Optional.of(byId);
        return timers.values().stream().filter(e -> e.def.isCalled(idOrName)).findFirst();
    }

    private static Map<String, Object> describe(Entry e, long now) {
        Map<String, Object> m = new LinkedHashMap<>(Json.MAPPER.convertValue(e.def, Map.class));
        m.put("state", e.state.state());
        m.put("remainingMs", e.state.valueAt(e.def, now));
        m.put("valueMs", e.state.valueMs());
        m.put("since", e.state.since());
        m.put("rate", e.state.rate());
        m.put("phase", e.state.phase());
        m.put("rounds", e.state.rounds());
        m.put("serverNow", now);
        m.put("text", format(e.state.valueAt(e.def, now)));
        return m;
    }

    // ---- storing -------------------------------------------------------------------------------------------------

    private Database database() {
        if (database == null) throw new IllegalStateException("No profile is open");
        return database;
    }

    private void save(Entry e, int position) throws SQLException {
        com.fasterxml.jackson.databind.node.ObjectNode stored = Json.MAPPER.valueToTree(e.def);
        stored.remove("id");   // the row's key
        String definition = stored.toString();
        String state = Json.MAPPER.valueToTree(e.state).toString();
        database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO timers(id, position, definition, state, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET definition = excluded.definition, "
                    + "state = excluded.state, updated_at = excluded.updated_at")) {
                ps.setString(1, e.def.id());
                ps.setInt(2, position);
                ps.setString(3, definition);
                ps.setString(4, state);
                ps.setLong(5, clock.getAsLong());
                return ps.executeUpdate();
            }
        });
    }

    private void saveQuietly() {
        Map<String, String> states = new LinkedHashMap<>();
        Database db;
        synchronized (this) {
            if (unsaved.isEmpty() || database == null) return;
            for (String id : unsaved) {
                Entry e = timers.get(id);
                if (e != null) states.put(id, Json.MAPPER.valueToTree(e.state).toString());
            }
            unsaved.clear();
            db = database;
        }
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE timers SET state = ?, updated_at = ? WHERE id = ?")) {
                    for (Map.Entry<String, String> s : states.entrySet()) {
                        ps.setString(1, s.getValue());
                        ps.setLong(2, clock.getAsLong());
                        ps.setString(3, s.getKey());
                        ps.addBatch();
                    }
                    return ps.executeBatch().length;
                }
            });
        } catch (SQLException | RuntimeException ex) {
            synchronized (this) {
                unsaved.addAll(states.keySet());
            }
            log.warn("Timers could not be saved (tried again in a second): {}", ex.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        saveQuietly();
    }
}
