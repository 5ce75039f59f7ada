package app.ltth.tts;

import app.ltth.events.User;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The voice chosen for a viewer (table user_voices), kept in memory too: it is looked up for every message read.
 * Viewers are chosen by their @handle in the dashboard, so the handle (lower case) is both user_id and unique_id.
 */
final class UserVoices {

    private final ProfileManager profiles;
    private volatile Map<String, String> voices = Map.of();

    UserVoices(ProfileManager profiles) {
        this.profiles = profiles;
    }

    void load(Database database) throws SQLException {
        voices = database.read(c -> {
            Map<String, String> all = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT unique_id, engine, voice FROM user_voices ORDER BY unique_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) all.put(rs.getString(1), rs.getString(2) + ":" + rs.getString(3));
            }
            return Map.copyOf(all);
        });
    }

    Map<String, String> all() {
        return voices;
    }

    String of(String username) {
        return voices.get(User.handle(username));
    }

    void set(String username, String voice) throws SQLException {
        profiles.withDatabase(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_voices(user_id, unique_id, engine, voice, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET engine = excluded.engine, "
                    + "voice = excluded.voice, updated_at = excluded.updated_at")) {
                int colon = voice.indexOf(':');
                ps.setString(1, User.handle(username));
                ps.setString(2, User.handle(username));
                ps.setString(3, voice.substring(0, colon));
                ps.setString(4, voice.substring(colon + 1));
                ps.setLong(5, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
        load(profiles.database());
    }

    boolean remove(String username) throws SQLException {
        boolean removed = profiles.withDatabase(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_voices WHERE user_id = ?")) {
                ps.setString(1, User.handle(username));
                return ps.executeUpdate() > 0;
            }
        });
        load(profiles.database());
        return removed;
    }
}
