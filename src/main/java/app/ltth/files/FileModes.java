package app.ltth.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Owner-only permissions for what holds the streamer's keys and history: the data folders (0700) and databases,
 * backups and exports (0600). Another account on the same computer must not read them. Where the file system has no
 * POSIX modes (Windows), the user's profile folder already keeps others out, and nothing is changed.
 */
public final class FileModes {

    private FileModes() {
    }

    /** Creates the folder (and its parents) if needed and makes it the owner's alone. */
    public static Path privateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        set(dir, "rwx------");
        return dir;
    }

    /** Makes an existing file readable and writable by its owner only. */
    public static void privateFile(Path file) throws IOException {
        set(file, "rw-------");
    }

    /**
     * Writes a file that only its owner may read, whole or not at all: a temporary copy beside it, made private, then
     * moved over it. A crash in the middle leaves the old file.
     */
    public static void writePrivately(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, content);
        privateFile(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void set(Path path, String mode) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }
}
