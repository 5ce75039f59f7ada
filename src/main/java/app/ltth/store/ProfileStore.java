package app.ltth.store;

import app.ltth.files.FileNames;
import app.ltth.files.SafeFiles;
import app.ltth.input.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles on disk: {@code <data>/user_configs/<profile>/database.db}, with the active profile's name in
 * {@code <data>/user_configs/.active_profile}. Knows nothing of which profile the app has open; that is
 * {@link ProfileManager}'s business.
 */
public final class ProfileStore {

    public static final String DEFAULT_PROFILE = "default";
    /** The folder under the data folder that holds one folder per profile. */
    public static final String CONFIGS_DIR = "user_configs";
    private static final Logger log = LoggerFactory.getLogger(ProfileStore.class);
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path configsDir;
    private final Backups backups;

    public ProfileStore(Path dataDir, Backups backups) {
        this.configsDir = dataDir.resolve(CONFIGS_DIR);
        this.backups = backups;
    }

    public static boolean isValidName(String name) {
        return name != null && VALID_NAME.matcher(name).matches() && !name.contains("..") && FileNames.isPortable(name);
    }

    public static void requireValidName(String name, String field) {
        if (!isValidName(name)) {
            throw new ValidationException(field, "'" + name + "' is not a valid profile name: use letters, "
                    + "digits, '.', '_' or '-' (at most 64 characters, starting with a letter or digit, not ending "
                    + "with a dot, and not a name Windows keeps for devices such as CON or NUL)",
                    "error.profile.name", Map.of("name", String.valueOf(name)));
        }
    }

    /**
     * The stored profile whose name is {@code name} ignoring case. Windows and macOS do not tell "Default" from
     * "default", so LTTH never lets two profiles differ only in case, and compares names through this everywhere.
     */
    public Optional<String> existing(String name) throws IOException {
        if (name == null) return Optional.empty();
        return names().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    public Path databaseFile(String profile) {
        return configsDir.resolve(profile).resolve("database.db");
    }

    public boolean exists(String profile) {
        return isValidName(profile) && Files.isRegularFile(databaseFile(profile));
    }

    /** The profile named in .active_profile, or "default" when there is none (or it is not a valid name). */
    public String activeProfile() {
        Path marker = configsDir.resolve(".active_profile");
        try {
            if (Files.isRegularFile(marker)) {
                String name = Files.readString(marker, StandardCharsets.UTF_8).trim();
                if (isValidName(name)) return name;
            }
        } catch (IOException ignored) {
            // An unreadable marker means "no choice made": fall back to the default profile.
        }
        return DEFAULT_PROFILE;
    }

    public List<String> names() throws IOException {
        if (!Files.isDirectory(configsDir)) return List.of();
        try (Stream<Path> dirs = Files.list(configsDir)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("database.db")))
                    .map(d -> d.getFileName().toString()).filter(ProfileStore::isValidName).sorted().toList();
        }
    }

    /**
     * Opens (creating when new) the profile's database and remembers it as the active profile. A damaged file is
     * moved aside, never silently replaced: {@code notices} hears where it went, and a new database takes its place.
     * An existing database is backed up before a migration changes it.
     */
    public Database open(String profile, Consumer<String> notices) throws StoreException {
        if (!isValidName(profile)) {
            throw new StoreException("'" + profile + "' is not a valid profile name: use letters, digits, '.', '_' "
                    + "or '-' (at most 64 characters)");
        }
        Path file = databaseFile(profile);
        if (Files.isRegularFile(file)) {
            Database.damage(file).ifPresent(problem -> notices.accept(quarantine(profile, file, problem)));
        }
        Database database = Database.open(file, (db, from, to) -> {
            Path backup = backups.create(db, profile, "before-v" + to);
            log.info("Backed up profile '{}' to {} before updating its database from version {} to {}", profile,
                    backup, from, to);
        });
        try {
            Files.writeString(configsDir.resolve(".active_profile"), profile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            database.close();
            throw new StoreException("Cannot record the active profile in " + configsDir + ": " + e.getMessage(), e);
        }
        return database;
    }

    private String quarantine(String profile, Path file, String problem) {
        String suffix = ".corrupt-" + LocalDateTime.now().format(STAMP);
        Path aside = file.resolveSibling(file.getFileName() + suffix);
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            for (String journal : List.of("-wal", "-shm")) {
                Path j = file.resolveSibling(file.getFileName() + journal);
                if (Files.exists(j)) Files.move(j, file.resolveSibling(file.getFileName() + suffix + journal));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The database of profile '" + profile + "' is damaged (" + problem
                    + ") and could not be moved aside: " + e.getMessage(), e);
        }
        String message = "The database of profile '" + profile + "' was damaged (" + problem + "). It was kept as "
                + aside + " and a new, empty database was started. To get your data back, restore a backup on the "
                + "Profiles page.";
        log.error(message);
        return message;
    }

    /** Creates a new, empty profile. */
    public void create(String profile) throws StoreException {
        requireValidName(profile, "name");
        Optional<String> taken = existingOrNone(profile);
        if (taken.isPresent()) {
            throw new ValidationException("name", "A profile named '" + taken.get() + "' exists", "error.profile.exists",
                    Map.of("name", taken.get()));
        }
        Database.open(databaseFile(profile)).close();
    }

    /** Renames a profile that is not open. Its backups move along. */
    public void rename(String from, String to) throws IOException {
        requireValidName(to, "newName");
        if (!exists(from)) throw new ValidationException("name", "There is no profile named '" + from + "'");
        Optional<String> taken = existing(to);
        if ((taken.isPresent() && !taken.get().equals(from)) || (taken.isEmpty() && Files.exists(configsDir.resolve(to)))) {
            throw new ValidationException("newName", "A profile named '" + taken.orElse(to) + "' exists already",
                    "error.profile.exists", Map.of("name", taken.orElse(to)));
        }
        Files.move(configsDir.resolve(from), configsDir.resolve(to));
        backups.renameProfile(from, to);
    }

    private Optional<String> existingOrNone(String name) throws StoreException {
        try {
            return existing(name);
        } catch (IOException e) {
            throw new StoreException("Cannot read the profiles in " + configsDir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a profile that is not open, with everything in its folder. Its backups are kept. */
    public void delete(String profile) throws IOException {
        if (!exists(profile)) throw new ValidationException("name", "There is no profile named '" + profile + "'");
        SafeFiles.deleteTree(configsDir.resolve(profile));
    }

    /** Puts {@code databaseCopy} in place as the profile's database (the profile must not be open). */
    void replaceDatabase(String profile, Path databaseCopy) throws IOException {
        Path file = databaseFile(profile);
        Files.createDirectories(file.getParent());
        for (String journal : List.of("-wal", "-shm")) Files.deleteIfExists(file.resolveSibling(file.getFileName() + journal));
        Files.copy(databaseCopy, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
