package app.ltth.games;

import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every game shares: its id, whether its plugin is on, and its settings of type {@code C}, kept in the profile
 * (table games, as JSON) and read again, checked, when a profile opens (broken settings give the defaults, said in the
 * log).
 */
abstract class StoredGame<C> implements Game, ProfileManager.Listener {

    private static final Logger log = LoggerFactory.getLogger(StoredGame.class);

    private final String id;
    private final C defaults;
    private final BiFunction<C, JsonNode, C> change;
    private volatile C config;
    private volatile Database database;
    private volatile boolean active;

    /** @param change the settings with a change, checked ({@code WheelConfig::with}) */
    StoredGame(String id, C defaults, BiFunction<C, JsonNode, C> change) {
        this.id = id;
        this.defaults = defaults;
        this.change = change;
        this.config = defaults;
    }

    public void setActive(boolean on) {
        active = on;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final boolean active() {
        return active;
    }

    /** Nothing starts while the plugin is off. */
    final void requireActive() {
        if (!active) throw new GameOff(id);
    }

    @Override
    public final C config() {
        return config;
    }

    final Database database() {
        return database;
    }

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        C read = GameSettings.read(db, id).map(json -> {
            try {
                return change.apply(defaults, Json.MAPPER.readTree(json));
            } catch (Exception e) {
                log.warn("The settings of the game {} could not be read ({}); its defaults apply", id, e.getMessage());
                return defaults;
            }
        }).orElse(defaults);
        opened();
        database = db;
        config = read;
    }

    /** A profile opens: what a round of the old one left behind goes (a running match, a quiz). */
    void opened() {
    }

    @Override
    public void profileClosing() {
        database = null;
    }

    @Override
    public synchronized C configure(JsonNode changes) throws SQLException, IOException {
        C next = change.apply(config, changes);
        checked(next);
        Database db = database;
        if (db != null) GameSettings.write(db, id, Json.MAPPER.writeValueAsString(next));
        config = next;
        return next;
    }

    /** Checks that need more than the settings themselves (a quiz pack that exists). */
    void checked(C next) throws SQLException {
    }
}
