package app.ltth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A table of one row ({@code id = 1}) holding one JSON document: settings a feature keeps whole, such as xp_config and
 * vip_tiers. Table and column are the feature's constants, never input.
 */
public final class SingleJsonRow {

    private final String select;
    private final String upsert;

    public SingleJsonRow(String table, String column) {
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
}
