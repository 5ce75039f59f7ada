package app.ltth.games;

import app.ltth.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Each game's settings, one row per game in the profile's table {@code games}, as JSON. */
final class GameSettings {

    private GameSettings() {
    }

    static Optional<String> read(Database db, String game) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT config FROM games WHERE game = ?")) {
                ps.setString(1, game);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    static void write(Database db, String game, String json) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO games(game, config) VALUES (?, ?) "
                    + "ON CONFLICT(game) DO UPDATE SET config = excluded.config")) {
                ps.setString(1, game);
                ps.setString(2, json);
                return ps.executeUpdate();
            }
        });
    }
}
