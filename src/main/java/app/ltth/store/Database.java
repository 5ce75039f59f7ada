package app.ltth.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One profile's SQLite database: WAL journal, synchronous=NORMAL, a busy timeout and foreign keys, migrated to the
 * schema this build knows when opened.
 *
 * <p>A single connection serves the whole app; SQLite serialises writers anyway, and callers synchronise on
 * {@link #connection()} for multi-statement work.
 */
public final class Database implements AutoCloseable {

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) throws StoreException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                // Before anything that writes (WAL mode rewrites the header): a newer database stays untouched.
                Migrations.refuseNewer(connection, file);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
        } catch (StoreException | SQLException e) {
            if (connection != null) closeQuietly(connection);
            if (e instanceof StoreException se) throw se;
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
        try {
            Migrations.migrate(connection, file);
        } catch (StoreException e) {
            closeQuietly(connection);
            throw e;
        }
        return new Database(file, connection);
    }

    public Connection connection() {
        return connection;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        synchronized (connection) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; SQLite's WAL keeps committed data safe either way.
        }
    }
}
