package app.ltth.flows;

import app.ltth.json.Json;
import app.ltth.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The open profile's flows, as their JSON in the flows table. */
final class FlowRepository {

    private static final Logger log = LoggerFactory.getLogger(FlowRepository.class);
    private final Database database;

    FlowRepository(Database database) {
        this.database = database;
    }

    List<Flow> all() throws SQLException {
        return database.read(c -> {
            List<Flow> flows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, definition FROM flows ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        flows.add(Flow.parse(Json.MAPPER.readTree(rs.getString(2)), rs.getString(1), null));
                    } catch (Exception e) {
                        log.warn("Flow {} in the database is not valid and was skipped: {}", rs.getString(1), e.getMessage());
                    }
                }
            }
            return flows;
        });
    }

    void save(Flow flow) throws SQLException {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO flows(id, name, enabled, definition, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                    + "enabled = excluded.enabled, definition = excluded.definition, updated_at = excluded.updated_at")) {
                long now = System.currentTimeMillis();
                ps.setString(1, flow.id());
                ps.setString(2, flow.name());
                ps.setInt(3, flow.enabled() ? 1 : 0);
                ps.setString(4, flow.toJson());
                ps.setLong(5, now);
                ps.setLong(6, now);
                return ps.executeUpdate();
            }
        });
    }

    boolean delete(String id) throws SQLException {
        return database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM flows WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    List<FlowQueues.Config> queues() throws SQLException {
        return database.read(c -> {
            List<FlowQueues.Config> queues = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, definition FROM flow_queues ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        queues.add(FlowQueues.Config.parse(rs.getString(1), Json.MAPPER.readTree(rs.getString(2))));
                    } catch (Exception e) {
                        log.warn("Flow queue {} in the database is not valid and was skipped: {}", rs.getString(1), e.getMessage());
                    }
                }
            }
            return queues;
        });
    }

    void saveQueue(FlowQueues.Config queue) throws SQLException {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO flow_queues(name, definition) VALUES (?, ?) "
                    + "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition")) {
                ps.setString(1, queue.name());
                ps.setString(2, Json.MAPPER.writeValueAsString(queue.json()));
                return ps.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void deleteQueue(String name) throws SQLException {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM flow_queues WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate();
            }
        });
    }
}
