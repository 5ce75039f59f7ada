package app.ltth.plugin;

import app.ltth.commands.CommandEngine;
import app.ltth.events.EventBus;
import app.ltth.files.SafeFiles;
import app.ltth.input.ValidationException;
import app.ltth.plugin.api.PluginContext;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.version.Version;
import app.ltth.web.SocketServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins in {@code plugins/<id>/}: which are there, which run, and their health. A plugin that cannot load or
 * start is marked failed with the reason; the app and the other plugins keep running. Which plugins are enabled is
 * remembered per profile; a profile switch stops them all and starts the new profile's.
 */
public final class PluginManager implements ProfileManager.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginManager.class);
    public static final long MAX_UPLOAD_BYTES = 20L << 20;
    /** A plugin is a manifest, a jar and a few pages: more files than this is a ZIP bomb, not a plugin. */
    static final int MAX_ZIP_ENTRIES = 2_000;
    private static final int MAX_MANIFEST_BYTES = 64 * 1024;

    /**
     * A plugin as the plugin manager shows it.
     *
     * @param main the class a plugin that is not part of LTTH starts (shown before it is switched on); empty for built-ins
     */
    public record PluginInfo(String id, String name, String version, Map<String, String> description, boolean builtIn,
                             boolean enabled, String state, long failures, String lastError, List<String> routes,
                             boolean hasUi, boolean hasPage, boolean hasOverlay, String main, String jar,
                             String minAppVersion) {
    }

    /**
     * A running plugin's page in the dashboard: {@code page.html} holds only its content, which LTTH puts into the
     * layout of every page; {@code assets/page.js} and {@code assets/page.css} come with it when they exist.
     */
    public record PluginPage(String id, String name, String html, List<String> scripts, List<String> styles) {
    }

    /** The largest page.html LTTH puts into the layout. */
    static final long MAX_PAGE_BYTES = 1_000_000;

    /** Written into the folder of an uploaded plugin: its manifest's enabledByDefault never starts it. */
    static final String UPLOADED_MARK = ".uploaded";

    private static final class Entry {
        final String id;
        final Path dir;
        PluginManifest manifest;   // null when plugin.json is invalid
        String invalidReason;
        PluginRuntime runtime;
        java.util.function.Supplier<app.ltth.plugin.api.Plugin> builtIn;   // set for plugins that are part of LTTH
        boolean enabled;
        boolean uploaded;   // came through the dashboard's upload: starts only when the streamer switches it on
        String state = "disabled";
        final AtomicLong failures = new AtomicLong();
        volatile String lastError;

        Entry(String id, Path dir) {
            this.id = id;
            this.dir = dir;
        }
    }

    private final Path pluginsDir;
    private final Path dataRoot;
    private final EventBus bus;
    private final SocketServer sockets;
    private final FlowExtensions flows;
    private final CommandEngine commands;
    private final ProfileManager profiles;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public PluginManager(Path pluginsDir, Path userData, EventBus bus, SocketServer sockets, FlowExtensions flows,
                         CommandEngine commands, ProfileManager profiles) {
        this.commands = commands;
        this.pluginsDir = pluginsDir;
        this.dataRoot = userData.resolve("plugins");
        this.bus = bus;
        this.sockets = sockets;
        this.flows = flows;
        this.profiles = profiles;
    }

    /**
     * A plugin that is part of LTTH (the soundboard, TTS): listed, switched on and off and isolated like any other, but
     * made by LTTH, so it can work with LTTH's own modules. Its manifest names no jar.
     */
    public synchronized void addBuiltIn(String id, String name, Map<String, String> description, boolean enabledByDefault,
                                        java.util.function.Supplier<app.ltth.plugin.api.Plugin> factory) {
        Entry entry = entries.computeIfAbsent(id, i -> new Entry(i, pluginsDir.resolve(i)));
        entry.manifest = new PluginManifest(id, name, Version.current(),
                description, BuiltInPlugin.class.getName(), null, enabledByDefault, null);
        entry.builtIn = factory;
    }

    /** Reads every plugin folder. Invalid ones are listed with the reason, never loaded. */
    public synchronized void scan() throws IOException {
        if (!Files.isDirectory(pluginsDir)) return;
        try (Stream<Path> dirs = Files.list(pluginsDir)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("plugin.json"))).sorted().toList()) {
                read(dir);
            }
        }
    }

    private Entry read(Path dir) {
        String folder = dir.getFileName().toString();
        Entry entry = entries.computeIfAbsent(folder, id -> new Entry(id, dir));
        try {
            PluginManifest manifest = PluginManifest.parse(Files.readAllBytes(dir.resolve("plugin.json")), Version.current());
            if (!manifest.id().equals(folder)) {
                throw new ValidationException("id", "plugin.json: 'id' is '" + manifest.id() + "' but the folder is '"
                        + folder + "': they must be the same");
            }
            entry.manifest = manifest;
            entry.invalidReason = null;
            entry.uploaded = Files.exists(dir.resolve(UPLOADED_MARK));
        } catch (IOException | ValidationException e) {
            entry.manifest = null;
            entry.invalidReason = e.getMessage();
            entry.state = "invalid";
            log.warn("Plugin folder {} is not usable: {}", folder, e.getMessage());
        }
        return entry;
    }

    @Override
    public synchronized void profileOpened(String profile, Database database) throws Exception {
        for (Entry e : entries.values()) {
            if (e.manifest == null) continue;
            e.enabled = PluginConfigRepository.enabled(profiles, e.id).orElse(byDefault(e));
            if (e.enabled) start(e);
        }
    }

    /** A plugin runs with LTTH's rights: one that was uploaded never starts because its own manifest says so. */
    private static boolean byDefault(Entry e) {
        return !e.uploaded && e.manifest.enabledByDefault();
    }

    @Override
    public synchronized void profileClosing() {
        entries.values().forEach(this::stop);
    }

    private void start(Entry e) {
        if (e.runtime != null || e.manifest == null) return;
        PluginRuntime runtime = new PluginRuntime(e.manifest, e.dir, dataRoot.resolve(e.id), bus, sockets, flows, commands,
                profiles, e.failures, t -> e.lastError = t.toString(), e.builtIn);
        try {
            runtime.start();
            e.runtime = runtime;
            e.state = "running";
            log.info("Plugin {} {} started", e.id, e.manifest.version());
        } catch (Exception ex) {
            runtime.close();
            e.failures.incrementAndGet();
            e.lastError = "Could not start: " + ex.getMessage();
            e.state = "failed";
            log.error("Plugin {} could not start: {}", e.id, ex.getMessage());
        }
    }

    private void stop(Entry e) {
        if (e.runtime != null) {
            e.runtime.close();
            e.runtime = null;
        }
        if (!"failed".equals(e.state) && !"invalid".equals(e.state)) e.state = "disabled";
    }

    private Entry entry(String id) {
        Entry e = entries.get(id);
        if (e == null) throw new io.javalin.http.NotFoundResponse("There is no plugin '" + id + "'");
        return e;
    }

    /**
     * @param confirmed the streamer confirmed on the Plugins page that this plugin, which is not part of LTTH, may run
     *                  with LTTH's rights; built-in plugins need no confirmation
     */
    public synchronized PluginInfo enable(String id, boolean confirmed) throws Exception {
        Entry e = entry(id);
        if (e.manifest == null) throw new ValidationException("id", "Plugin " + id + " cannot run: " + e.invalidReason);
        if (e.builtIn == null && !confirmed) {
            throw new ValidationException("confirm", "Plugin " + id + " is not part of LTTH and runs with the same rights "
                    + "as LTTH (your files, your keys, your network). Switch it on from the Plugins page, which shows "
                    + "what it is and asks you first.");
        }
        PluginConfigRepository.setEnabled(profiles, id, true);
        e.enabled = true;
        if (e.runtime == null) {
            e.state = "disabled";
            start(e);
        }
        return info(e);
    }

    public synchronized PluginInfo disable(String id) throws Exception {
        Entry e = entry(id);
        PluginConfigRepository.setEnabled(profiles, id, false);
        e.enabled = false;
        stop(e);
        e.state = e.manifest == null ? "invalid" : "disabled";
        return info(e);
    }

    /** Stops the plugin, reads its folder again (a new jar, a changed plugin.json) and starts it if enabled. */
    public synchronized PluginInfo reload(String id) throws Exception {
        Entry e = entry(id);
        stop(e);
        if (e.builtIn == null) read(e.dir);
        if (e.manifest != null) {
            e.state = "disabled";
            if (e.enabled) start(e);
        }
        return info(e);
    }

    /** Deletes an installed (third-party) plugin: stops it and removes its folder. */
    public synchronized void delete(String id) throws IOException {
        Entry e = entry(id);
        if (e.manifest != null && e.manifest.jar() == null) {
            throw new ValidationException("id", "Plugin " + id + " is built into LTTH; disable it instead");
        }
        stop(e);
        entries.remove(id);
        SafeFiles.deleteTree(e.dir);
    }

    /**
     * Installs a plugin from a ZIP: plugin.json at its top, everything else below. Checked before anything is
     * unpacked: the size, the number of entries, every entry's path, and the manifest (read first). The unpacking
     * happens outside the plugin lock, so a large upload never holds up the Plugins page or a profile switch.
     */
    public PluginInfo install(InputStream upload, long maxBytes) throws IOException {
        Path staging = Files.createDirectories(pluginsDir.getParent().resolve(".plugin-upload-" + System.nanoTime()));
        Path zipFile = staging.resolveSibling(staging.getFileName() + ".zip");
        try {
            if (SafeFiles.copyAtMost(upload, zipFile, maxBytes) < 0) {
                throw refuse("it is larger than the " + (maxBytes >> 20) + " MB allowed");
            }
            PluginManifest manifest = unpack(zipFile, staging, maxBytes);
            synchronized (this) {
                if (entries.containsKey(manifest.id()) || Files.exists(pluginsDir.resolve(manifest.id()))) {
                    throw refuse("a plugin '" + manifest.id() + "' is installed already; delete it first");
                }
                Files.createDirectories(pluginsDir);
                Files.writeString(staging.resolve(UPLOADED_MARK), "Uploaded through the dashboard: starts only when "
                        + "switched on there.\n");
                Files.move(staging, pluginsDir.resolve(manifest.id()));
                Entry e = read(pluginsDir.resolve(manifest.id()));
                // Never started by an upload, whatever the manifest says, nor by an older plugin of that id that was on.
                PluginConfigRepository.setEnabled(profiles, e.id, false);
                e.enabled = false;
                log.info("Installed plugin {} {}", manifest.id(), manifest.version());
                return info(e);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            Files.deleteIfExists(zipFile);
            SafeFiles.deleteTree(staging);
        }
    }

    /** Checks the ZIP from its table of contents and its manifest, then unpacks it into {@code staging}. */
    private static PluginManifest unpack(Path zipPath, Path staging, long maxBytes) throws IOException {
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            if (zip.size() > MAX_ZIP_ENTRIES) {
                throw refuse("it has " + zip.size() + " files; a plugin may have at most " + MAX_ZIP_ENTRIES);
            }
            ZipEntry manifestEntry = zip.getEntry("plugin.json");
            if (manifestEntry == null || manifestEntry.isDirectory()) throw refuse("it has no plugin.json at its top level");
            PluginManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = PluginManifest.parse(in.readNBytes(MAX_MANIFEST_BYTES), Version.current());
            } catch (ValidationException e) {
                throw refuse(e.getMessage());
            }
            if (manifest.jar() == null) throw refuse("plugin.json names no 'jar': an uploaded plugin brings its classes");
            ZipEntry jar = zip.getEntry(manifest.jar());
            if (jar == null || jar.isDirectory()) {
                throw refuse("plugin.json names the jar '" + manifest.jar() + "', which is not in the zip");
            }
            List<? extends ZipEntry> all = java.util.Collections.list(zip.entries());
            for (ZipEntry entry : all) {
                String name = entry.getName();
                if (name.startsWith("/") || name.startsWith("\\") || name.contains("..") || name.contains("\\")
                        || name.matches("^[A-Za-z]:.*") || !staging.resolve(name).normalize().startsWith(staging)) {
                    throw refuse("it contains the unsafe path '" + name + "'");
                }
            }
            long total = 0;
            for (ZipEntry entry : all) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    long written = SafeFiles.copyAtMost(in, target, maxBytes - total);
                    if (written < 0) throw refuse("it is larger than the " + (maxBytes >> 20) + " MB allowed");
                    total += written;
                }
            }
            return manifest;
        } catch (ZipException e) {
            throw refuse("it is not a ZIP file, or the ZIP is damaged");
        }
    }

    private static ValidationException refuse(String why) {
        return new ValidationException("file", "This plugin cannot be installed: " + why + ".");
    }

    /** Answers a request to a plugin's own route. */
    public Object dispatch(String id, PluginContext.Request request) throws Exception {
        PluginRuntime runtime;
        synchronized (this) {
            Entry e = entry(id);
            runtime = e.runtime;
        }
        if (runtime == null) {
            throw new app.ltth.plugin.api.PluginHttpException(404, "Plugin " + id + " is not running");
        }
        return runtime.dispatch(request);
    }

    /** The page of a running plugin that has one (page.html); empty otherwise. */
    public Optional<PluginPage> page(String id) throws IOException {
        Entry e;
        synchronized (this) {
            e = entries.get(id);
            if (e == null || e.manifest == null || !"running".equals(e.state)) return Optional.empty();
        }
        Path file = e.dir.resolve("page.html");
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_PAGE_BYTES) return Optional.empty();
        String base = "/plugins/" + id + "/assets/page.";
        List<String> scripts = Files.isRegularFile(e.dir.resolve("assets/page.js")) ? List.of(base + "js") : List.of();
        List<String> styles = Files.isRegularFile(e.dir.resolve("assets/page.css")) ? List.of(base + "css") : List.of();
        return Optional.of(new PluginPage(id, e.manifest.name(), Files.readString(file), scripts, styles));
    }

    /** The running plugins that have a page, for the navigation: id and name. */
    public synchronized Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        entries.values().stream()
                .filter(e -> e.manifest != null && "running".equals(e.state) && Files.isRegularFile(e.dir.resolve("page.html")))
                .forEach(e -> pages.put(e.id, e.manifest.name()));
        return pages;
    }

    /** The plugin's folder, for serving ui.html, overlay.html and assets/. */
    public synchronized Path dir(String id) {
        return entry(id).dir;
    }

    public synchronized List<PluginInfo> list() {
        List<PluginInfo> out = new ArrayList<>();
        entries.values().forEach(e -> out.add(info(e)));
        return out;
    }

    private PluginInfo info(Entry e) {
        PluginManifest m = e.manifest;
        List<String> routes = e.runtime == null ? List.of() : e.runtime.routeKeys().stream().sorted().toList();
        return new PluginInfo(e.id, m == null ? e.id : m.name(), m == null ? "" : m.version(),
                m == null ? Map.of() : m.description(), m != null && m.jar() == null, e.enabled, e.state,
                e.failures.get(), e.invalidReason != null ? e.invalidReason : e.lastError, routes,
                Files.isRegularFile(e.dir.resolve("ui.html")), Files.isRegularFile(e.dir.resolve("page.html")),
                Files.isRegularFile(e.dir.resolve("overlay.html")),
                m == null || m.jar() == null ? "" : m.main(), m == null || m.jar() == null ? "" : m.jar(),
                m == null || m.minAppVersion() == null ? "" : m.minAppVersion());
    }

    public FlowExtensions flows() {
        return flows;
    }

    @Override
    public synchronized void close() {
        profileClosing();
    }

}
