package app.ltth.live.replay;

import app.ltth.input.ValidationException;
import app.ltth.live.LiveSourceManager;
import app.ltth.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * <pre>
 * GET  /api/recordings                    the recorded LIVE sessions, newest first
 * POST /api/replay  {"name", "speed"}     play one as the live source: speed 1, 10, or 0 for full speed
 * </pre>
 */
public final class ReplayController {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}\\.jsonl\\.gz");

    public record RecordingInfo(String name, String username, long sizeBytes, long modifiedAt) {
    }

    private final Path dir;
    private final LiveSourceManager sources;

    public ReplayController(Path dir, LiveSourceManager sources) {
        this.dir = dir;
        this.sources = sources;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/recordings", ctx -> ctx.json(Map.of("recordings", list())));
        routes.post("/api/replay", this::replay);
    }

    private List<RecordingInfo> list() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        List<RecordingInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).toList()) {
                String user;
                try {
                    user = ReplaySource.header(f).path("username").asText("");
                } catch (IOException e) {
                    continue;   // not a recording: not listed
                }
                out.add(new RecordingInfo(f.getFileName().toString(), user, Files.size(f),
                        Files.getLastModifiedTime(f).toMillis()));
            }
        }
        out.sort(Comparator.comparingLong(RecordingInfo::modifiedAt).reversed());
        return out;
    }

    private void replay(Context ctx) throws Exception {
        JsonNode body = JsonBody.object(ctx);
        String name = JsonBody.requiredText(body, "name");
        double speed = body.has("speed") ? JsonBody.requiredNumber(body, "speed") : 1;
        if (speed < 0 || speed > 1000) throw new ValidationException("speed", "speed must be between 0 (full speed) and 1000");
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(dir.resolve(name))) {
            throw new NotFoundResponse("There is no recording named '" + name + "'");
        }
        ReplaySource source;
        try {
            source = new ReplaySource(dir.resolve(name), speed);
        } catch (IOException e) {
            throw new ValidationException("name", e.getMessage());
        }
        sources.switchTo(source);
        ctx.json(sources.status());
    }
}
