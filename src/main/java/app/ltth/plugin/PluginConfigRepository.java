package app.ltth.plugin;

import app.ltth.json.Json;
import app.ltth.plugin.api.PluginContext;
import app.ltth.store.ProfileManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One plugin's settings in the open profile's database (table plugin_config), and plugins' enabled state. */
public final class PluginConfigRepository implements PluginContext.Config {

    private static final Logger log = LoggerFactory.getLogger(PluginConfigRepository.class);

    private final ProfileManager profiles;
    private final String pluginId;

    public PluginConfigRepository(ProfileManager profiles, String pluginId) {
        this.profiles = profiles;
        this.pluginId = pluginId;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(all().get(key));
    }

    @Override
    public void set(String key, String value) {
        try {
            profiles.withDatabase(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO plugin_config(plugin_id, key, value, updated_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT(plugin_id, key) DO UPDATE SET value = excluded.value, "
                        + "updated_at = excluded.updated_at")) {
                    ps.setString(1, pluginId);
                    ps.setString(2, key);
                    ps.setString(3, value);
                    ps.setLong(4, System.currentTimeMillis());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save setting " + key + " of plugin " + pluginId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> all() {
        try {
            return profiles.database().read(c -> {
                Map<String, String> all = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT key, value FROM plugin_config WHERE plugin_id = ? ORDER BY key")) {
                    ps.setString(1, pluginId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) all.put(rs.getString(1), rs.getString(2));
                    }
                }
                return all;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the settings of plugin " + pluginId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The JSON setting {@code key}, read by {@code parse} (which validates it); the fallback when there is none, and
     * also, with a warning naming {@code what}, when it is no longer valid: a bad saved setting never stops a start.
     */
    public <T> T load(String key, Function<JsonNode, T> parse, T fallback, String what) {
        Optional<String> saved = get(key);
        if (saved.isEmpty()) return fallback;
        try {
            return parse.apply(Json.MAPPER.readTree(saved.get()));
        } catch (Exception e) {
            log.warn("The saved {} are not valid and were replaced by the defaults: {}", what, e.getMessage());
            return fallback;
        }
    }

    /** Saves a value (a record, a list) as JSON under {@code key}. */
    public void save(String key, Object value) {
        try {
            set(key, Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write setting " + key + " of " + pluginId + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Whether the plugin is enabled in the open profile; empty when the profile never decided. */
    static Optional<Boolean> enabled(ProfileManager profiles, String pluginId) throws SQLException {
        return profiles.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT enabled FROM plugin_state WHERE plugin_id = ?")) {
                ps.setString(1, pluginId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getInt(1) == 1) : Optional.<Boolean>empty();
                }
            }
        });
    }

    static void setEnabled(ProfileManager profiles, String pluginId, boolean enabled) throws SQLException {
        profiles.withDatabase(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plugin_state(plugin_id, enabled, updated_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT(plugin_id) DO UPDATE SET enabled = excluded.enabled, "
                    + "updated_at = excluded.updated_at")) {
                ps.setString(1, pluginId);
                ps.setInt(2, enabled ? 1 : 0);
                ps.setLong(3, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
    }
}
