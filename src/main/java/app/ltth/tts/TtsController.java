package app.ltth.tts;

import app.ltth.input.JsonFields;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.nio.file.Files;
import java.util.Map;

/**
 * <pre>
 * GET  /api/tts/voices                 engines (available or why not) and their voices, as engine:voice
 * POST /api/tts/speak                  {"text": ..., "voice": optional engine:voice}: queued first
 * GET  /api/tts/queue                  speaking now, waiting, counters
 * POST /api/tts/queue/skip|clear|pause|resume
 * GET/PUT /api/tts/config              who and what is read, filters, limits (see TtsConfig)
 * GET  /api/tts/users  PUT/DELETE /api/tts/users/{username} {"voice": ...}   per-viewer voices
 * GET  /api/tts/audio/{file}           the spoken clips, for the audio overlay
 * </pre>
 */
public final class TtsController {

    private final TtsService tts;

    public TtsController(TtsService tts) {
        this.tts = tts;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/tts/voices", ctx -> ctx.json(Map.of("engines", tts.engines(), "voices", tts.voices(),
                "defaultVoice", tts.defaultVoice())));
        routes.post("/api/tts/speak", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            String text = f.requiredText("text", 1000);
            String voice = f.text("voice", "", 120);
            try {
                ctx.status(202).json(Map.of("id", tts.speak(text, voice)));
            } catch (TtsService.NotActive e) {
                ctx.status(409).json(Map.of("error", e.getMessage()));
            }
        });
        routes.get("/api/tts/queue", ctx -> ctx.json(tts.status()));
        routes.post("/api/tts/queue/skip", ctx -> {
            tts.skip();
            ctx.json(tts.status());
        });
        routes.post("/api/tts/queue/clear", ctx -> ctx.json(Map.of("cleared", tts.clear())));
        routes.post("/api/tts/queue/pause", ctx -> {
            tts.pause(true);
            ctx.json(tts.status());
        });
        routes.post("/api/tts/queue/resume", ctx -> {
            tts.pause(false);
            ctx.json(tts.status());
        });
        routes.get("/api/tts/config", ctx -> ctx.json(tts.config()));
        routes.put("/api/tts/config", ctx -> ctx.json(tts.configure(JsonBody.object(ctx))));
        routes.get("/api/tts/users", ctx -> ctx.json(Map.of("users", tts.userVoices())));
        routes.post("/api/tts/users/{username}/skip", ctx -> ctx.json(Map.of("skipped", tts.skipViewer(ctx.pathParam("username")))));
        routes.put("/api/tts/users/{username}", ctx -> {
            tts.setUserVoice(ctx.pathParam("username"), new JsonFields(JsonBody.object(ctx), "").requiredText("voice", 120));
            ctx.json(Map.of("users", tts.userVoices()));
        });
        routes.delete("/api/tts/users/{username}", ctx -> {
            if (!tts.removeUserVoice(ctx.pathParam("username"))) throw new NotFoundResponse("That viewer has no voice of their own");
            ctx.json(Map.of("users", tts.userVoices()));
        });
        routes.get("/api/tts/audio/{file}", ctx -> {
            var file = tts.audioFile(ctx.pathParam("file")).orElseThrow(() -> new NotFoundResponse("No such clip"));
            ctx.contentType(file.toString().endsWith(".wav") ? "audio/wav" : "audio/mpeg");
            ctx.header("Cache-Control", "max-age=86400");
            ctx.result(Files.readAllBytes(file));
        });
    }
}
