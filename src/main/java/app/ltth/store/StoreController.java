package app.ltth.store;

import app.ltth.input.ValidationException;
import app.ltth.version.Version;
import app.ltth.web.JsonBody;
import app.ltth.web.Uploads;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * REST for profiles and backups.
 *
 * <pre>
 * GET    /api/profiles                      {active, profiles: [{name, active, sizeBytes, modifiedAt}]}
 * POST   /api/profiles                      {"name"}                 create
 * POST   /api/profiles/switch               {"name"}                 switch without restart
 * POST   /api/profiles/{name}/rename        {"newName"}
 * DELETE /api/profiles/{name}?confirm=NAME                           (the open profile cannot be deleted)
 * GET    /api/profiles/{name}/export[?includeKeys=true]              a zip (keys and passwords left out unless asked)
 * POST   /api/profiles/import               multipart: file, optional name
 * GET    /api/backups                                                backups of the open profile
 * POST   /api/backups                                                back up now
 * GET    /api/backups/{name}                                         download
 * POST   /api/backups/{name}/restore
 * </pre>
 */
public final class StoreController {

    private final ProfileManager profiles;
    private final ProfileArchive archive;

    public StoreController(ProfileManager profiles, ProfileArchive archive) {
        this.profiles = profiles;
        this.archive = archive;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/profiles", ctx -> ctx.json(list()));
        routes.post("/api/profiles", this::create);
        routes.post("/api/profiles/switch", ctx -> {
            profiles.switchTo(JsonBody.requiredText(JsonBody.object(ctx), "name"));
            ctx.json(list());
        });
        routes.post("/api/profiles/import", this::importZip);
        routes.post("/api/profiles/{name}/rename", ctx -> {
            profiles.rename(existing(ctx), JsonBody.requiredText(JsonBody.object(ctx), "newName"));
            ctx.json(list());
        });
        routes.delete("/api/profiles/{name}", this::delete);
        routes.get("/api/profiles/{name}/export", this::export);
        routes.get("/api/backups", ctx -> ctx.json(Map.of("profile", profiles.active(),
                "backups", profiles.backups().list(profiles.active()))));
        routes.post("/api/backups", ctx -> {
            Path file = profiles.backups().create(profiles.database(), profiles.active(), "manual");
            ctx.status(201).json(Map.of("name", file.getFileName().toString()));
        });
        routes.get("/api/backups/{name}", this::downloadBackup);
        routes.post("/api/backups/{name}/restore", ctx -> {
            if (profiles.backups().find(profiles.active(), ctx.pathParam("name")).isEmpty()) {
                throw new NotFoundResponse("There is no backup named '" + ctx.pathParam("name") + "'");
            }
            profiles.restore(ctx.pathParam("name"));
            ctx.json(Map.of("profile", profiles.active(), "restored", ctx.pathParam("name")));
        });
    }

    public record ProfileInfo(String name, boolean active, long sizeBytes, long modifiedAt) {
    }

    private Map<String, Object> list() throws IOException {
        List<ProfileInfo> out = new ArrayList<>();
        for (String name : profiles.store().names()) {
            // With WAL, the newest data sits in database.db-wal until the next checkpoint: count both.
            Path file = profiles.store().databaseFile(name);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            long size = Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
            long modified = Math.max(Files.getLastModifiedTime(file).toMillis(),
                    Files.exists(wal) ? Files.getLastModifiedTime(wal).toMillis() : 0);
            out.add(new ProfileInfo(name, name.equals(profiles.active()), size, modified));
        }
        return Map.of("active", profiles.active(), "profiles", out);
    }

    /** The stored name of the profile in the path, which may be spelt in another case. */
    private String existing(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        return profiles.store().existing(name)
                .orElseThrow(() -> new NotFoundResponse("There is no profile named '" + name + "'"));
    }

    private void create(Context ctx) throws Exception {
        String name = JsonBody.requiredText(JsonBody.object(ctx), "name");
        profiles.store().create(name);
        ctx.status(201).json(list());
    }

    private void delete(Context ctx) throws IOException {
        String name = existing(ctx);
        if (!name.equalsIgnoreCase(ctx.queryParam("confirm"))) {
            throw new ValidationException("confirm", "Deleting a profile cannot be undone: repeat its name as "
                    + "?confirm=" + name);
        }
        profiles.delete(name);
        ctx.json(list());
    }

    private void export(Context ctx) throws Exception {
        String name = existing(ctx);
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"ltth-profile-" + name + ".zip\"");
        boolean includeKeys = "true".equals(ctx.queryParam("includeKeys"));
        archive.export(name, name.equals(profiles.active()) ? profiles.database() : null, includeKeys, Version.current(),
                ctx.outputStream());
    }

    private void importZip(Context ctx) throws IOException {
        UploadedFile file = Uploads.file(ctx, "file", archive.maxImportBytes(), "profile export");
        String name = ctx.formParam("name");
        String imported;
        try (InputStream in = file.content()) {
            imported = archive.importZip(in, name);
        }
        ctx.status(201).json(Map.of("name", imported));
    }

    private void downloadBackup(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        Path file = profiles.backups().find(profiles.active(), name)
                .orElseThrow(() -> new NotFoundResponse("There is no backup named '" + name + "'"));
        ctx.contentType("application/vnd.sqlite3");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("Content-Length", String.valueOf(Files.size(file)));
        Files.copy(file, ctx.outputStream());
    }
}
