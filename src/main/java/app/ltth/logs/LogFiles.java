package app.ltth.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** LTTH's log files (the rolling files in user_data/logs): found through logback's file appender, wherever it writes. */
final class LogFiles {

    /** @param path where it is; not for the page, which gets the name only */
    record LogFile(String name, long size, long modified, @JsonIgnore Path path) {
    }

    private LogFiles() {
    }

    /** The folder the log file is written to, if logback writes one. */
    static Optional<Path> folder() {
        LoggerContext context = LogParts.context();
        if (context == null) return Optional.empty();
        for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof FileAppender<?> file && file.getFile() != null) {
                return Optional.of(Path.of(file.getFile()).toAbsolutePath().getParent());
            }
        }
        return Optional.empty();
    }

    /** The log files, newest first: ltth.log and its rolled ltth-*.log.gz. */
    static List<LogFile> list() throws IOException {
        Optional<Path> folder = folder();
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) return List.of();
        List<LogFile> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(folder.get())) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && isLogName(name)) {
                    files.add(new LogFile(name, Files.size(p), Files.getLastModifiedTime(p).toMillis(), p));
                }
            }
        }
        files.sort(Comparator.comparingLong(LogFile::modified).reversed());
        return files;
    }

    /** One of the listed files by name; nothing for any other name (no way out of the folder). */
    static Optional<Path> resolve(String name) throws IOException {
        if (!isLogName(name)) return Optional.empty();
        return list().stream().filter(f -> f.name().equals(name)).map(LogFile::path).findFirst();
    }

    private static boolean isLogName(String name) {
        return name.matches("ltth(-[0-9A-Za-z.-]+)?\\.log(\\.gz)?") && !name.contains("..");
    }
}
