package app.ltth.flows;

import app.ltth.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private BufferedWriter out;
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
                out = Files.newBufferedWriter(dir.resolve(today + ".jsonl"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                day = today;
            }
            out.write(Json.MAPPER.writeValueAsString(run));
            out.write('\n');
            failed = false;
        } catch (IOException e) {
            if (!failed) log.warn("Could not write the flow log: {}", e.getMessage());
            failed = true;
            out = null;
        }
    }

    synchronized void flush() {
        try {
            if (out != null) out.flush();
        } catch (IOException e) {
            log.warn("Could not write the flow log: {}", e.getMessage());
        }
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
