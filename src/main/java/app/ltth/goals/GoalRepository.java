package app.ltth.goals;

import app.ltth.json.Json;
import app.ltth.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The open profile's goals: definitions as JSON, progress in columns of their own. */
final class GoalRepository {

    private static final Logger log = LoggerFactory.getLogger(GoalRepository.class);
    private final Database database;

    GoalRepository(Database database) {
        this.database = database;
    }

    List<Goal> all() throws SQLException {
        return database.read(c -> {
            List<Goal> goals = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, definition, current, target, reached FROM goals ORDER BY position, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        Goal defined = Goal.parse(Json.MAPPER.readTree(rs.getString(2)), rs.getString(1), null);
                        goals.add(defined.withProgress(rs.getLong(3), rs.getLong(4), rs.getInt(5) == 1));
                    } catch (Exception e) {
                        log.warn("Goal {} in the database is not valid and was skipped: {}", rs.getString(1), e.getMessage());
                    }
                }
            }
            return goals;
        });
    }

    void save(Goal goal, int position) throws SQLException {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO goals(id, position, definition, current, target, "
                    + "reached, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    + "definition = excluded.definition, current = excluded.current, target = excluded.target, "
                    + "reached = excluded.reached, updated_at = excluded.updated_at")) {
                ps.setString(1, goal.id());
                ps.setInt(2, position);
                ps.setString(3, goal.definitionJson());
                ps.setLong(4, goal.current());
                ps.setLong(5, goal.currentTarget());
                ps.setInt(6, goal.reached() ? 1 : 0);
                ps.setLong(7, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
    }

    /** Progress of many goals in one transaction: it changes with every like, so it is written in batches. */
    void saveProgress(Collection<Goal> goals) throws SQLException {
        if (goals.isEmpty()) return;
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE goals SET current = ?, target = ?, reached = ?, updated_at = ? WHERE id = ?")) {
                for (Goal g : goals) {
                    ps.setLong(1, g.current());
                    ps.setLong(2, g.currentTarget());
                    ps.setInt(3, g.reached() ? 1 : 0);
                    ps.setLong(4, System.currentTimeMillis());
                    ps.setString(5, g.id());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    boolean delete(String id) throws SQLException {
        return database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM goals WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
