package app.ltth.store;

import app.ltth.files.FileModes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * One profile's SQLite database: WAL journal, synchronous=NORMAL, a busy timeout and foreign keys, migrated to the
 * schema this build knows when opened.
 *
 * <p>Two connections: one writer that every change goes through (SQLite serialises writers anyway), and one
 * read-only reader for queries, which WAL lets run while the writer commits.
 */
public final class Database implements AutoCloseable {

    /** Called before migrations change an existing database, e.g. to back it up first. */
    @FunctionalInterface
    public interface BeforeMigration {
        void accept(Database database, int fromVersion, int toVersion) throws StoreException;
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final Connection reader;

    private Database(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    public static Database open(Path file, BeforeMigration beforeMigration) throws StoreException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        Connection writer = null;
        Connection reader = null;
        try {
            writer = DriverManager.getConnection(url(file));
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                // Before anything that writes (WAL mode rewrites the header): a newer database stays untouched.
                Migrations.refuseNewer(writer, file);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            // SQLite gives a new -wal and -shm the database's mode; ones already there are set here too.
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path part = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(part)) FileModes.privateFile(part);
            }
            reader = openReadOnly(file);
            try (Statement s = reader.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
            }
            Database database = new Database(file, writer, reader);
            int from = Migrations.userVersion(writer);
            int to = Migrations.latestVersion();
            if (from > 0 && from < to) beforeMigration.accept(database, from, to);
            Migrations.migrate(writer, file);
            return database;
        } catch (StoreException | SQLException | IOException e) {
            closeQuietly(reader);
            closeQuietly(writer);
            if (e instanceof StoreException se) throw se;
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    public static Database open(Path file) throws StoreException {
        return open(file, (db, from, to) -> { });
    }

    /**
     * Checks a database file before it is used.
     *
     * @return a description of the damage, or empty when the file is sound
     */
    public static Optional<String> damage(Path file) {
        try (Connection c = openReadOnly(file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String first = rs.next() ? rs.getString(1) : "no answer from the integrity check";
            return "ok".equalsIgnoreCase(first) ? Optional.empty() : Optional.of(first);
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Runs {@code work} on the writer, in one transaction; rolled back when it fails. */
    public <T> T write(SqlWork<T> work) throws SQLException {
        synchronized (writer) {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        }
    }

    /** Runs {@code work} on the read-only connection. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        synchronized (reader) {
            return work.run(reader);
        }
    }

    /** Writes a consistent copy of the whole database to {@code target} (which must not exist yet). */
    public void backupTo(Path target) throws SQLException {
        synchronized (writer) {
            vacuumInto(writer, target);
        }
    }

    /** A consistent copy of the connection's database; works on read-only connections too. */
    static void vacuumInto(Connection connection, Path target) throws SQLException {
        try (var ps = connection.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toAbsolutePath().toString());
            ps.execute();
        }
    }

    public int schemaVersion() throws SQLException {
        synchronized (writer) {
            return Migrations.userVersion(writer);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        synchronized (reader) {
            closeQuietly(reader);
        }
        synchronized (writer) {
            closeQuietly(writer);
        }
    }

    /** A plain read-only connection, for looking at a database file without ever changing it. */
    static Connection openReadOnly(Path file) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1");   // SQLITE_OPEN_READONLY
        return DriverManager.getConnection(url(file), readOnly);
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; SQLite's WAL keeps committed data safe either way.
        }
    }
}
