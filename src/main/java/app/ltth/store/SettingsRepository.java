package app.ltth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Key-value settings of the active profile. Values are stored as text. */
public final class SettingsRepository {

    private final Connection connection;

    public SettingsRepository(Database database) {
        this.connection = database.connection();
    }

    public Optional<String> get(String key) {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read setting " + key + ": " + e.getMessage(), e);
            }
        }
    }

    public void put(String key, String value) {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot save setting " + key + ": " + e.getMessage(), e);
            }
        }
    }
}
