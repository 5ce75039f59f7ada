package app.ltth.live.replay;

import app.ltth.events.ConnectionState;
import app.ltth.i18n.Message;
import app.ltth.json.Json;
import app.ltth.live.LiveSource;
import app.ltth.live.webcast.EventPipeline;
import app.ltth.live.webcast.WebcastConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Plays a {@link Recording} back as a live source, through the same decoding, dedupe and streak counting as a real
 * LIVE. Speed 1 keeps the original pace, 10 is ten times faster, 0 is as fast as possible.
 */
public final class ReplaySource implements LiveSource {

    public static final String KIND = "replay";

    private final Path file;
    private final double speed;
    private final String username;
    private volatile boolean running;
    private Thread player;
    private EventPipeline pipeline;

    public ReplaySource(Path file, double speed) throws IOException {
        if (!(speed >= 0)) throw new IllegalArgumentException("speed must be 0 (full speed) or more");
        this.file = file;
        this.speed = speed;
        this.username = header(file).path("username").asText("");
    }

    /** The header line; throws when the file is not an LTTH recording. */
    static JsonNode header(Path file) throws IOException {
        try (BufferedReader in = open(file)) {
            String first = in.readLine();
            JsonNode header = first == null ? null : Json.MAPPER.readTree(first);
            if (header == null || !Recording.FORMAT.equals(header.path("format").asText())) {
                throw new IOException(file.getFileName() + " is not an LTTH recording");
            }
            return header;
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file.getFileName() + " is not an LTTH recording (not gzip)", e);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public synchronized void start(Context context) {
        running = true;
        pipeline = new EventPipeline(WebcastConfig.defaults().streakTimeout().toMillis(), context::event);
        player = new Thread(() -> play(context), "ltth-replay");
        player.setDaemon(true);
        player.start();
    }

    private void play(Context context) {
        long previous = -1;
        try (BufferedReader in = open(file)) {
            in.readLine();   // header
            for (String line; running && (line = in.readLine()) != null; ) {
                JsonNode entry = Json.MAPPER.readTree(line);
                long t = entry.path("t").asLong();
                if (previous >= 0 && speed > 0 && t > previous) Thread.sleep((long) ((t - previous) / speed));
                previous = t;
                byte[] data = Base64.getDecoder().decode(entry.path("data").asText());
                long now = System.currentTimeMillis();
                if ("fetch".equals(entry.path("kind").asText())) {
                    pipeline.fetchResult(data, now);
                } else {
                    pipeline.frame(data, now);
                }
                pipeline.tick(now);
            }
            if (running) {
                pipeline.closeStreaks();
                context.state(ConnectionState.ENDED, "Replay of " + file.getFileName() + " finished", null,
                        Message.of("connect.status.replayFinished", "file", file.getFileName().toString()), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            context.state(ConnectionState.ERROR, "Replay of " + file.getFileName() + " failed: " + e.getMessage(), null,
                    Message.of("connect.status.replayFailed", "file", file.getFileName().toString()), null);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (player != null) player.interrupt();
    }

    @Override
    public Map<String, Object> counters() {
        return pipeline == null ? Map.of() : pipeline.counters();
    }
}
