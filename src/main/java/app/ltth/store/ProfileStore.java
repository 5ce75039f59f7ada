package app.ltth.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where profiles live: {@code <data>/user_configs/<profile>/database.db}, with the active profile's name in
 * {@code <data>/user_configs/.active_profile}.
 */
public final class ProfileStore {

    public static final String DEFAULT_PROFILE = "default";
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path configsDir;

    public ProfileStore(Path dataDir) {
        this.configsDir = dataDir.resolve("user_configs");
    }

    public static boolean isValidName(String name) {
        return name != null && VALID_NAME.matcher(name).matches() && !name.contains("..");
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

    /** Opens (creating when new) the profile's database and remembers it as the active profile. */
    public Database open(String profile) throws StoreException {
        if (!isValidName(profile)) {
            throw new StoreException("'" + profile + "' is not a valid profile name: use letters, digits, '.', '_' "
                    + "or '-' (at most 64 characters)");
        }
        Database database = Database.open(configsDir.resolve(profile).resolve("database.db"));
        try {
            Files.writeString(configsDir.resolve(".active_profile"), profile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            database.close();
            throw new StoreException("Cannot record the active profile in " + configsDir + ": " + e.getMessage(), e);
        }
        return database;
    }
}
