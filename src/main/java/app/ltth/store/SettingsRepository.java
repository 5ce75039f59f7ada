package app.ltth.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Raw key-value storage of the active profile's settings; {@code app.ltth.settings} gives them types and rules. */
public final class SettingsRepository {

    private final Database database;

    public SettingsRepository(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read setting " + key + ": " + e.getMessage(), e);
        }
    }

    public Map<String, String> all() {
        try {
            return database.read(c -> {
                Map<String, String> all = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM settings ORDER BY key");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) all.put(rs.getString(1), rs.getString(2));
                }
                return all;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read settings: " + e.getMessage(), e);
        }
    }

    public void put(String key, String value) {
        putAll(Map.of(key, value));
    }

    /** Saves several settings in one transaction: all of them or none. */
    public void putAll(Map<String, String> values) {
        try {
            database.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
                                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
                    for (Map.Entry<String, String> e : values.entrySet()) {
                        ps.setString(1, e.getKey());
                        ps.setString(2, e.getValue());
                        ps.setLong(3, System.currentTimeMillis());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save settings: " + e.getMessage(), e);
        }
    }
}
