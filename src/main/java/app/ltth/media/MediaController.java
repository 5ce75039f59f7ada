package app.ltth.media;

import app.ltth.files.FileNames;
import app.ltth.files.SafeFiles;
import app.ltth.input.ValidationException;
import app.ltth.web.Uploads;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sounds, pictures and videos the streamer uploads for alerts (and later the soundboard), kept in user_data/media
 * and served to overlays from /media/NAME, so that nothing depends on the internet during a stream.
 *
 * <pre>
 * GET    /api/media            [{name, url, size, kind}]
 * POST   /api/media            multipart field "file"  (at most 50 MB; audio, image or video by extension)
 * DELETE /api/media/{name}
 * GET    /media/{name}         the file itself
 * </pre>
 */
public final class MediaController {

    static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("ogg", "audio/ogg"),
            Map.entry("m4a", "audio/mp4"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"));

    private final Path dir;

    public MediaController(Path dir) {
        this.dir = dir;
    }

    public record Media(String name, String url, long size, String kind) {
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/media", ctx -> ctx.json(Map.of("media", list())));
        routes.post("/api/media", this::upload);
        routes.delete("/api/media/{name}", ctx -> {
            Path file = existing(ctx.pathParam("name"));
            Files.delete(file);
            ctx.json(Map.of("deleted", file.getFileName().toString()));
        });
        routes.get("/media/{name}", ctx -> {
            Path file = existing(ctx.pathParam("name"));
            ctx.contentType(TYPES.get(extension(file.getFileName().toString())));
            ctx.header("Cache-Control", "no-cache");
            ctx.header("Content-Length", String.valueOf(Files.size(file)));
            Files.copy(file, ctx.outputStream());
        });
    }

    private List<Media> list() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> TYPES.containsKey(extension(f.getFileName().toString()))).sorted().map(f -> {
                String name = f.getFileName().toString();
                try {
                    return new Media(name, "/media/" + name, Files.size(f), kind(name));
                } catch (IOException e) {
                    return new Media(name, "/media/" + name, -1, kind(name));
                }
            }).toList();
        }
    }

    private void upload(Context ctx) throws IOException {
        UploadedFile file = Uploads.file(ctx, "file", MAX_BYTES, "file");
        String name = safeName(file.filename());
        Files.createDirectories(dir);
        Path partial = dir.resolve(name + ".part");
        try (InputStream in = file.content()) {
            if (SafeFiles.copyAtMost(in, partial, MAX_BYTES) < 0) {
                throw new ValidationException("file", "The file is larger than 50 MB");
            }
            Files.move(partial, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        ctx.status(201).json(new Media(name, "/media/" + name, Files.size(dir.resolve(name)), kind(name)));
    }

    /** A plain file name (letters, digits, dot, dash, underscore) with a known extension: never a path. */
    static String safeName(String original) {
        String path = original == null ? "" : original.replace('\\', '/');
        String base = path.substring(path.lastIndexOf('/') + 1);
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (cleaned.length() > 100) cleaned = cleaned.substring(cleaned.length() - 100);
        cleaned = FileNames.portable(cleaned);
        if (!TYPES.containsKey(extension(cleaned))) {
            throw new ValidationException("file", "Upload a sound (mp3, wav, ogg, m4a), a picture (png, jpg, gif, webp) "
                    + "or a video (mp4, webm)");
        }
        return cleaned;
    }

    private Path existing(String name) {
        if (!name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")) throw new NotFoundResponse("No such file");
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file) || !TYPES.containsKey(extension(name))) throw new NotFoundResponse("No such file: " + name);
        return file;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String kind(String name) {
        return TYPES.get(extension(name)).substring(0, 5).replace("/", "");
    }
}
