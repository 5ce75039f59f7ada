package app.ltth.startup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One running LTTH per data folder. The operating system's file lock is released when the process dies, even by
 * SIGKILL, so a crash never leaves a stale lock behind. The running instance writes its dashboard URL next to the
 * lock so that a second start can send the user there.
 */
public final class InstanceLock implements AutoCloseable {

    private static final String LOCK_FILE = "ltth.lock";
    private static final String URL_FILE = "ltth.url";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** @return the lock, or empty when another LTTH holds it */
    public static Optional<InstanceLock> tryAcquire(Path userData) throws IOException {
        Files.createDirectories(userData);
        FileChannel channel = FileChannel.open(userData.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) return Optional.of(new InstanceLock(userData, channel, lock));
        } catch (OverlappingFileLockException e) {
            // Held by this very JVM (another App instance): just as taken.
        }
        channel.close();
        return Optional.empty();
    }

    /** The dashboard URL the running instance published, if it got that far. */
    public static Optional<String> runningDashboard(Path userData) {
        try {
            String url = Files.readString(userData.resolve(URL_FILE), StandardCharsets.UTF_8).trim();
            return url.startsWith("http://") ? Optional.of(url) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void publishDashboard(String url) throws IOException {
        Files.writeString(dir.resolve(URL_FILE), url, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(dir.resolve(URL_FILE));
        lock.release();
        channel.close();
    }
}
