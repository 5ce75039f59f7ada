package app.ltth.store;

import app.ltth.files.FileModes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Online backups of profile databases in {@code user_data/backups/<profile>/}, made with {@code VACUUM INTO} while
 * the app runs. File names carry the time and the reason: {@code 20261122-041500-123-daily.db}.
 */
public final class Backups {

    private static final Pattern NAME = Pattern.compile("(\\d{8}-\\d{6}-\\d{3})-([a-z0-9-]{1,40})\\.db");

    public record Backup(String name, long size, long createdAt, String reason) {
    }

    private final Path root;
    private volatile int keep;

    public Backups(Path userData, int keep) {
        this.root = userData.resolve("backups");
        this.keep = keep;
    }

    public void setKeep(int keep) {
        this.keep = keep;
    }

    public Path dir(String profile) {
        return root.resolve(profile);
    }

    /** Backs the database up now, then deletes the oldest backups beyond the number to keep. */
    public Path create(Database database, String profile, String reason) throws StoreException {
        try {
            Path dir = FileModes.privateDir(dir(profile));
            Path target = dir.resolve(LocalDateTime.now().format(ProfileStore.STAMP) + "-" + reason + ".db");
            database.backupTo(target);
            FileModes.privateFile(target);
            prune(profile);
            return target;
        } catch (IOException | SQLException e) {
            throw new StoreException("Backing up profile '" + profile + "' failed: " + e.getMessage(), e);
        }
    }

    public List<Backup> list(String profile) throws IOException {
        Path dir = dir(profile);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(this::describe).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Backup::name).reversed()).toList();
        }
    }

    /** The backup file of that name, if it is one (names from outside are checked: no paths, no other files). */
    public Optional<Path> find(String profile, String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        Path file = dir(profile).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public Optional<Backup> latest(String profile) throws IOException {
        return list(profile).stream().findFirst();
    }

    private void prune(String profile) throws IOException {
        List<Backup> all = list(profile);
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(dir(profile).resolve(old.name()));
        }
    }

    void renameProfile(String from, String to) throws IOException {
        if (Files.isDirectory(dir(from)) && !Files.exists(dir(to))) Files.move(dir(from), dir(to));
    }

    private Optional<Backup> describe(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) return Optional.empty();
        try {
            LocalDateTime created = LocalDateTime.parse(m.group(1), ProfileStore.STAMP);
            long createdAt = created.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            return Optional.of(new Backup(file.getFileName().toString(), Files.size(file), createdAt, m.group(2)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks that a file is an LTTH profile database this version can open: SQLite, undamaged, not from a newer
     * LTTH, with LTTH's tables. Throws with the reason otherwise.
     */
    public static void validateDatabase(Path file) throws StoreException {
        try (var in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(16);
            if (!new String(header, StandardCharsets.US_ASCII).equals("SQLite format 3\0")) {
                throw new StoreException("It is not an SQLite database");
            }
        } catch (IOException e) {
            throw new StoreException("It cannot be read: " + e.getMessage(), e);
        }
        Optional<String> damage = Database.damage(file);
        if (damage.isPresent()) throw new StoreException("It is damaged: " + damage.get());
        try (Connection c = Database.openReadOnly(file); Statement s = c.createStatement()) {
            Migrations.refuseNewer(c, file);
            int version = Migrations.userVersion(c);
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type='table' AND name='settings'")) {
                if (version < 1 || !rs.next()) throw new StoreException("It is not an LTTH profile database");
            }
        } catch (SQLException e) {
            throw new StoreException("It cannot be opened: " + e.getMessage(), e);
        }
    }
}
