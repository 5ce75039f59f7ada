package app.ltth.plugin;

import app.ltth.plugin.api.PluginContext;
import app.ltth.store.ProfileManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One plugin's settings in the open profile's database (table plugin_config), and plugins' enabled state. */
public final class PluginConfigRepository implements PluginContext.Config {

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
