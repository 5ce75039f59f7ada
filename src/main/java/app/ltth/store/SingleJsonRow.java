package app.ltth.store;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table of one row ({@code id = 1}) holding one JSON document: settings a feature keeps whole, such as xp_config and
 * vip_tiers. Table and column are the feature's constants, never input.
 */
public final class SingleJsonRow {

    private static final Logger log = LoggerFactory.getLogger(SingleJsonRow.class);
    private final String table;
    private final String select;
    private final String upsert;

    public SingleJsonRow(String table, String column) {
        this.table = table;
        this.select = "SELECT " + column + " FROM " + table + " WHERE id = 1";
        this.upsert = "INSERT INTO " + table + "(id, " + column + ") VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET "
                + column + " = excluded." + column;
    }

    public Optional<String> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    public int write(Connection c, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, json);
            return ps.executeUpdate();
        }
    }

    /**
     * The stored document as {@code parse} reads it, or {@code fallback} when none is stored or it cannot be read (a
     * file written by a newer LTTH, a broken edit): said in the log, never a failed start.
     */
    public <T> T readOr(Database db, T fallback, Function<JsonNode, T> parse) throws SQLException {
        return db.read(this::read).map(json -> {
            try {
                return parse.apply(Json.MAPPER.readTree(json));
            } catch (Exception e) {
                log.warn("The settings in {} could not be read ({}); the defaults apply", table, e.getMessage());
                return fallback;
            }
        }).orElse(fallback);
    }

    /** Keeps {@code value} as its JSON, when there is a database (none while profiles switch). */
    public void save(Database db, Object value) throws SQLException, IOException {
        if (db == null) return;
        String json = Json.MAPPER.writeValueAsString(value);
        db.write(c -> write(c, json));
    }
}
