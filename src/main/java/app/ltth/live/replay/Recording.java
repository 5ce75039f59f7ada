package app.ltth.live.replay;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every raw frame of a LIVE session to {@code user_data/recordings/<user>-<time>.jsonl.gz}: a header line,
 * then one line per signed fetch result or websocket frame, {@code {"t": ms, "kind": "fetch"|"frame", "data": base64}}.
 * Every line is flushed through gzip at once, so a crash loses nothing that was written.
 */
public final class Recording implements AutoCloseable {

    public static final String FORMAT = "ltth-recording";
    private static final Logger log = LoggerFactory.getLogger(Recording.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Writer out;
    private boolean failed;

    private Recording(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    public static Recording start(Path dir, String username, String roomId) throws IOException {
        Files.createDirectories(dir);
        String safeName = username.replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = dir.resolve(safeName + "-" + LocalDateTime.now().format(STAMP) + ".jsonl.gz");
        OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file), true);
        Recording recording = new Recording(file, new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
        ObjectNode header = Json.MAPPER.createObjectNode().put("format", FORMAT).put("version", 1)
                .put("username", username).put("roomId", roomId).put("startedAt", System.currentTimeMillis());
        recording.line(header.toString());
        log.info("Recording the LIVE of @{} to {}", username, file);
        return recording;
    }

    public Path file() {
        return file;
    }

    public void fetch(byte[] data) {
        entry("fetch", data);
    }

    public void frame(byte[] data) {
        entry("frame", data);
    }

    private void entry(String kind, byte[] data) {
        line(Json.MAPPER.createObjectNode().put("t", System.currentTimeMillis()).put("kind", kind)
                .put("data", Base64.getEncoder().encodeToString(data)).toString());
    }

    private synchronized void line(String json) {
        if (failed) return;
        try {
            out.write(json);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failed = true;   // a full disk must not stop the LIVE; the log says the recording stopped
            log.error("Recording to {} stopped: {}", file, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("Closing the recording {} failed: {}", file, e.getMessage());
        }
    }
}
