package app.ltth.store;

import app.ltth.files.FileModes;
import app.ltth.files.SafeFiles;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A whole profile as one zip: {@code ltth-profile.json} (what it is) and {@code database.db} (a consistent copy).
 * Imports are checked before anything is written: only those two entries, within the size limit, a manifest of
 * this format, and a database this LTTH can open.
 */
public final class ProfileArchive {

    static final String MANIFEST = "ltth-profile.json";
    static final String DATABASE = "database.db";
    static final String FORMAT = "ltth-profile";
    /** Uncompressed size allowed for an imported profile. */
    public static final long DEFAULT_MAX_IMPORT_BYTES = 1L << 30;

    /**
     * Removes keys and passwords from a copy of a profile's database. Each module that keeps secrets knows where they
     * are (settings, OBS connections); the archive only calls them.
     */
    @FunctionalInterface
    public interface SecretRemover {
        void removeFrom(Connection copy) throws SQLException;
    }

    private final ProfileStore store;
    private final Path tempDir;
    private final long maxImportBytes;
    private final List<SecretRemover> secrets;

    /** The largest export that can be imported (its database, unpacked). */
    public long maxImportBytes() {
        return maxImportBytes;
    }

    public ProfileArchive(ProfileStore store, Path tempDir, long maxImportBytes, List<SecretRemover> secrets) {
        this.store = store;
        this.tempDir = tempDir;
        this.maxImportBytes = maxImportBytes;
        this.secrets = List.copyOf(secrets);
    }

    /**
     * Writes the profile as a zip. The open profile is copied through its live connection, others from disk. Keys and
     * passwords are left out unless {@code includeKeys}: an export is what streamers share.
     */
    public void export(String profile, Database openDatabase, boolean includeKeys, String appVersion, OutputStream out)
            throws IOException, SQLException, StoreException {
        if (!store.exists(profile)) throw new ValidationException("name", "There is no profile named '" + profile + "'");
        FileModes.privateDir(tempDir);
        Path copy = tempDir.resolve("export-" + System.nanoTime() + ".db");
        try {
            int schema;
            if (openDatabase != null) {
                openDatabase.backupTo(copy);
                schema = openDatabase.schemaVersion();
            } else {
                schema = copyClosed(store.databaseFile(profile), copy);
            }
            FileModes.privateFile(copy);
            if (!includeKeys) removeSecrets(copy);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("formatVersion", 1);
            manifest.put("profile", profile);
            manifest.put("schemaVersion", schema);
            manifest.put("exportedAt", System.currentTimeMillis());
            manifest.put("appVersion", appVersion);
            manifest.put("keysIncluded", includeKeys);
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(DATABASE));
            Files.copy(copy, zip);
            zip.closeEntry();
            zip.finish();
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** secure_delete: the old values are overwritten in the file, not just unlinked from it. */
    private void removeSecrets(Path copy) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("PRAGMA secure_delete = ON");
            }
            for (SecretRemover remover : secrets) remover.removeFrom(c);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("VACUUM");
            }
        }
    }

    private static int copyClosed(Path source, Path target) throws SQLException {
        try (Connection c = Database.openReadOnly(source)) {
            Database.vacuumInto(c, target);
            return Migrations.userVersion(c);
        }
    }

    /**
     * Imports a profile zip under {@code name}, or under the name in its manifest when {@code name} is null.
     *
     * @return the name of the new profile
     * @throws ValidationException with the reason when the zip is refused
     */
    public String importZip(InputStream in, String name) throws IOException {
        Files.createDirectories(tempDir);
        Path db = tempDir.resolve("import-" + System.nanoTime() + ".db");
        try {
            JsonNode manifest = null;
            boolean hasDatabase = false;
            long total = 0;
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    String entryName = entry.getName();
                    if (entryName.contains("..") || entryName.startsWith("/") || entryName.contains("\\")
                            || entryName.matches("^[A-Za-z]:.*")) {
                        throw refuse("it contains the unsafe path '" + entryName + "'");
                    }
                    if (MANIFEST.equals(entryName)) {
                        if (manifest != null) throw refuse("it contains " + MANIFEST + " twice");
                        byte[] bytes = zip.readNBytes(64 * 1024);
                        if (zip.read() != -1) throw refuse(MANIFEST + " is too large");
                        total += bytes.length;
                        manifest = parseManifest(bytes);
                    } else if (DATABASE.equals(entryName)) {
                        if (hasDatabase) throw refuse("it contains " + DATABASE + " twice");
                        hasDatabase = true;
                        long written = SafeFiles.copyAtMost(zip, db, maxImportBytes - total);
                        if (written < 0) {
                            throw refuse("it is larger than the " + (maxImportBytes >= 1 << 20 ? (maxImportBytes >> 20) + " MB"
                                    : (maxImportBytes >> 10) + " KB") + " allowed");
                        }
                        total += written;
                    } else {
                        throw refuse("it contains '" + entryName + "', which is not part of an LTTH profile");
                    }
                }
            } catch (ZipException e) {
                throw refuse("it is not a valid zip file (" + e.getMessage() + ")");
            }
            if (manifest == null && !hasDatabase) throw refuse("it is not an LTTH profile export (empty, or not a zip)");
            if (manifest == null) throw refuse("it has no " + MANIFEST);
            if (!hasDatabase) throw refuse("it has no " + DATABASE);
            try {
                Backups.validateDatabase(db);
            } catch (StoreException e) {
                throw refuse("its database cannot be used. " + e.getMessage());
            }
            String target = name == null || name.isBlank() ? manifest.get("profile").asText() : name.trim();
            ProfileStore.requireValidName(target, "name");
            Optional<String> taken = store.existing(target);
            if (taken.isPresent()) {
                throw new ValidationException("name", "A profile named '" + taken.get() + "' exists already: choose "
                        + "another name for the import");
            }
            store.replaceDatabase(target, db);
            return target;
        } finally {
            Files.deleteIfExists(db);
        }
    }

    private static JsonNode parseManifest(byte[] bytes) {
        JsonNode manifest;
        try {
            manifest = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw refuse(MANIFEST + " is not valid JSON");
        }
        if (manifest == null || !manifest.isObject() || !FORMAT.equals(manifest.path("format").asText())) {
            throw refuse(MANIFEST + " does not describe an LTTH profile (format must be '" + FORMAT + "')");
        }
        if (manifest.path("formatVersion").asInt() != 1) {
            throw refuse("its format version " + manifest.path("formatVersion") + " is not one this LTTH reads");
        }
        if (!manifest.path("profile").isTextual()) throw refuse(MANIFEST + " names no profile");
        return manifest;
    }

    private static ValidationException refuse(String why) {
        return new ValidationException("file", "This file cannot be imported: " + why + ".");
    }
}
