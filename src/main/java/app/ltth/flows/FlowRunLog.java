package app.ltth.flows;

import app.ltth.json.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow runs of each day, one JSON line per run, in flow_logs/DATE.jsonl. The file stays open and is flushed
 * once a second (and on close): opening it for every run cost more than the run itself when like flows run
 * thousands of times a minute (measured by the benchmark suite).
 */
final class FlowRunLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FlowRunLog.class);

    private final Path dir;
    /** Bytes, not a Writer: a Writer whose file refuses the last bytes does not close the file (JDK 17). */
    private BufferedOutputStream out;
    private LocalDate day;
    private boolean failed;

    FlowRunLog(Path dir) {
        this.dir = dir;
    }

    synchronized void append(FlowRun run) {
        try {
            LocalDate today = LocalDate.now();
            if (out == null || !today.equals(day)) {
                close();
                Files.createDirectories(dir);
                out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(today + ".jsonl"),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND));
                day = today;
            }
            out.write(Json.MAPPER.writeValueAsBytes(run));
            out.write('\n');
        } catch (IOException e) {
            failed(e);
        }
    }

    synchronized void flush() {
        try {
            if (out == null) return;
            out.flush();
            failed = false;   // on the disk again: the next failure is news
        } catch (IOException e) {
            failed(e);
        }
    }

    /**
     * A write that failed (disk full, file gone): said once, not every second; the file is let go, not leaked, and
     * opened again for the next run.
     */
    private void failed(IOException e) {
        if (!failed) log.warn("Could not write the flow log: {}", e.getMessage());
        failed = true;
        try {
            if (out != null) out.close();
        } catch (IOException alreadyReported) {
            // the same failure, said above
        }
        out = null;
    }

    @Override
    public synchronized void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            log.warn("Could not close the flow log: {}", e.getMessage());
        }
        out = null;
    }
}
