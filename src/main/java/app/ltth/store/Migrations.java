package app.ltth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema changes. Migration N lives in {@code db/migration/V<N>.sql} on the classpath, numbered from 1
 * without gaps; {@code PRAGMA user_version} records how far a database has come. Each migration runs in its own
 * transaction, so a failure leaves the database at the previous version.
 */
final class Migrations {

    private Migrations() {
    }

    /** The schema version this build writes: the number of migration files it ships. */
    static int latestVersion() {
        int version = 0;
        while (Migrations.class.getResource(resource(version + 1)) != null) {
            version++;
        }
        return version;
    }

    static void migrate(Connection connection, Path file) throws StoreException {
        int latest = latestVersion();
        try {
            refuseNewer(connection, file);
            int current = userVersion(connection);
            for (int next = current + 1; next <= latest; next++) {
                apply(connection, next);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot update the database " + file + ": " + e.getMessage(), e);
        }
    }

    static void refuseNewer(Connection connection, Path file) throws StoreException, SQLException {
        int current = userVersion(connection);
        int latest = latestVersion();
        if (current > latest) {
            throw new StoreException("The database " + file + " was written by a newer LTTH (schema version "
                    + current + ", this version knows up to " + latest + "). It was left untouched: "
                    + "update LTTH, or start with another profile.");
        }
    }

    private static void apply(Connection connection, int version) throws SQLException, StoreException {
        List<String> statements = statements(version);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = " + version);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration V" + version + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<String> statements(int version) throws StoreException {
        try (InputStream in = Migrations.class.getResourceAsStream(resource(version))) {
            if (in == null) throw new StoreException("Migration V" + version + " is missing from this build");
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            for (String part : sql.split(";\\s*(\\r?\\n|$)")) {
                String trimmed = stripComments(part).trim();
                if (!trimmed.isEmpty()) statements.add(trimmed);
            }
            return statements;
        } catch (IOException e) {
            throw new StoreException("Cannot read migration V" + version + ": " + e.getMessage(), e);
        }
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\\R")) {
            if (!line.trim().startsWith("--")) out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String resource(int version) {
        return "/db/migration/V" + version + ".sql";
    }
}
