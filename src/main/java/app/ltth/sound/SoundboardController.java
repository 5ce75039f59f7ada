package app.ltth.sound;

import app.ltth.errors.Reasons;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * <pre>
 * GET  /api/soundboard/search?q=    MyInstants search: [{name, page, url}]
 * GET  /api/soundboard/trending     MyInstants trending
 * POST /api/soundboard/fetch        {"url": a MyInstants mp3}: downloaded once; answers the local sound address
 * GET  /api/soundboard/files/{name} a downloaded sound
 * GET/PUT /api/soundboard/config    sounds per gift, event and like milestone, anti-spam, buttons (SoundboardConfig)
 * POST /api/soundboard/play         {"sound": address} or {"button": name}
 * GET  /api/soundboard/queue        waiting, played, dropped
 * </pre>
 */
public final class SoundboardController {

    private final SoundboardService sounds;
    private final MyInstants myInstants;

    public SoundboardController(SoundboardService sounds, MyInstants myInstants) {
        this.sounds = sounds;
        this.myInstants = myInstants;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/soundboard/search", ctx -> {
            String q = ctx.queryParam("q");
            if (q == null || q.isBlank() || q.length() > 100) throw new ValidationException("q", "Search for 1-100 characters");
            answer(ctx, () -> myInstants.search(q.strip()));
        });
        routes.get("/api/soundboard/trending", ctx -> answer(ctx, myInstants::trending));
        routes.post("/api/soundboard/fetch", ctx -> {
            String url = new JsonFields(JsonBody.object(ctx), "").requiredText("url", 500);
            try {
                ctx.json(Map.of("sound", "/api/soundboard/files/" + myInstants.download(url)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("url", e.getMessage());
            } catch (java.io.IOException e) {
                ctx.status(502).json(Map.of("error", "MyInstants could not be reached: " + Reasons.of(e)));
            }
        });
        routes.get("/api/soundboard/files/{name}", ctx -> {
            String name = ctx.pathParam("name");
            Path file = myInstants.cache().resolve(name).normalize();
            if (!name.matches("[A-Za-z0-9._-]+\\.mp3") || !Files.isRegularFile(file)) throw new NotFoundResponse("No such sound");
            ctx.contentType("audio/mpeg");
            ctx.header("Cache-Control", "max-age=86400");
            ctx.result(Files.readAllBytes(file));
        });
        routes.get("/api/soundboard/config", ctx -> ctx.json(sounds.config()));
        routes.put("/api/soundboard/config", ctx -> ctx.json(sounds.configure(JsonBody.object(ctx))));
        routes.post("/api/soundboard/play", ctx -> {
            JsonFields f = new JsonFields(JsonBody.object(ctx), "");
            String button = f.text("button", "", 40);
            String sound;
            if (!button.isEmpty()) {
                sound = sounds.config().buttons().stream().filter(b -> b.name().equals(button)).findFirst()
                        .map(SoundboardConfig.Button::sound)
                        .orElseThrow(() -> new ValidationException("button", "There is no button '" + button + "'"));
            } else {
                sound = SoundboardConfig.sound(f.requiredText("sound", 500), "sound");
            }
            try {
                String id = sounds.play(sound, button.isEmpty() ? "manual" : button);
                if (id == null) ctx.status(429).json(Map.of("error", "The sound queue is full"));
                else ctx.status(202).json(Map.of("id", id));
            } catch (SoundboardService.NotActive e) {
                ctx.status(409).json(Map.of("error", e.getMessage()));
            }
        });
        routes.get("/api/soundboard/queue", ctx -> ctx.json(sounds.status()));
    }

    private interface Lookup {
        List<MyInstants.Sound> get() throws Exception;
    }

    private static void answer(Context ctx, Lookup lookup) {
        try {
            ctx.json(Map.of("sounds", lookup.get().stream().map(MyInstants::json).toList()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.status(503).json(Map.of("error", "Stopped"));
        } catch (Exception e) {
            ctx.status(502).json(Map.of("error", "MyInstants could not be reached: " + Reasons.of(e)
                    + ". Uploaded sounds still work."));
        }
    }
}
