package app.ltth.spotlights;

import app.ltth.events.LiveEvent;
import app.ltth.events.SessionStart;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last-event spotlights (a built-in plugin, on unless turned off): who followed, liked, chatted, shared, gave and
 * subscribed last, and the stream's top gift and longest streak. What changed goes to the overlays and into the
 * profile's database once a second, not per event (likes and chat come by the hundred), so the overlays show the
 * same after a restart.
 */
public final class SpotlightService implements ProfileManager.Listener, AutoCloseable {

    /**
     * The spotlights that changed in the last second, {@code {"spotlights": {"follower": {...}}, "cleared": ["topGift"]}}
     * (cleared: nobody is in them any more, e.g. a new stream began); on hello every kind, one way or the other.
     */
    public static final String UPDATE_EVENT = "spotlight:update";
    private static final Logger log = LoggerFactory.getLogger(SpotlightService.class);

    private final SocketServer sockets;
    private final SessionStart sessions = new SessionStart();
    private final ScheduledExecutorService timer = DaemonThreads.scheduler("ltth-spotlights");
    private final Set<String> unsent = new LinkedHashSet<>();    // guarded by this
    private final Set<String> unsaved = new LinkedHashSet<>();   // guarded by this
    private Spotlights state = new Spotlights();                 // guarded by this
    private Database database;                                   // guarded by this
    private volatile boolean active;

    public SpotlightService(SocketServer sockets) {
        this.sockets = sockets;
        sockets.greetWith(UPDATE_EVENT, () -> message(Spotlights.KINDS));
        timer.scheduleWithFixedDelay(this::everySecond, 1, 1, TimeUnit.SECONDS);
    }

    public void setActive(boolean on) {
        active = on;
    }

    /** The plugin's event listener (on a thread of its own). */
    public void onEvent(LiveEvent event) {
        if (sessions.isNewSession(event)) {
            synchronized (this) {
                changed(state.newStream());
            }
            return;
        }
        if (!active) return;
        synchronized (this) {
            changed(state.apply(event));
        }
    }

    private void changed(Set<String> kinds) {
        unsent.addAll(kinds);
        unsaved.addAll(kinds);
    }

    /** Every spotlight someone is in, by kind. */
    public synchronized Map<String, Spotlight> all() {
        return state.all();
    }

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        Spotlights loaded = new Spotlights();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM spotlights"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        loaded.restore(Json.MAPPER.readValue(rs.getString(1), Spotlight.class));
                    } catch (Exception e) {
                        log.warn("A stored spotlight could not be read and is left out: {}", e.getMessage());
                    }
                }
            }
            return null;
        });
        synchronized (this) {
            database = db;
            state = loaded;
            unsaved.clear();
            unsent.addAll(Spotlights.KINDS);   // pages still show the old profile's
        }
    }

    @Override
    public void profileClosing() {
        save();
        synchronized (this) {
            database = null;
        }
    }

    private void everySecond() {
        send();
        save();
    }

    private void send() {
        Map<String, Object> changed;
        synchronized (this) {
            if (unsent.isEmpty()) return;
            changed = message(unsent);
            unsent.clear();
        }
        sockets.broadcast(UPDATE_EVENT, changed);
    }

    private synchronized Map<String, Object> message(Collection<String> kinds) {
        Map<String, Spotlight> filled = new LinkedHashMap<>();
        List<String> cleared = new ArrayList<>();
        for (String kind : kinds) {
            Spotlight s = state.get(kind);
            if (s == null) cleared.add(kind); else filled.put(kind, s);
        }
        return Map.of("spotlights", filled, "cleared", cleared);
    }

    /** Writes what changed since the last time, in one transaction. */
    synchronized void save() {
        if (unsaved.isEmpty() || database == null) return;
        Map<String, Spotlight> rows = new LinkedHashMap<>();
        for (String kind : unsaved) rows.put(kind, state.get(kind));
        try {
            database.write(c -> write(c, rows));
            unsaved.clear();
        } catch (SQLException | RuntimeException e) {
            log.warn("The spotlights could not be saved (tried again in a second): {}", e.getMessage());
        }
    }

    private static int write(Connection c, Map<String, Spotlight> rows) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO spotlights(kind, data, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT(kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at");
             PreparedStatement delete = c.prepareStatement("DELETE FROM spotlights WHERE kind = ?")) {
            for (Map.Entry<String, Spotlight> e : rows.entrySet()) {
                if (e.getValue() == null) {
                    delete.setString(1, e.getKey());
                    delete.addBatch();
                    continue;
                }
                upsert.setString(1, e.getKey());
                upsert.setString(2, Json.MAPPER.valueToTree(e.getValue()).toString());
                upsert.setLong(3, System.currentTimeMillis());
                upsert.addBatch();
            }
            upsert.executeBatch();
            delete.executeBatch();
            return rows.size();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        save();
    }
}
