package app.ltth.plugin;

import app.ltth.commands.CommandCall;
import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandSettings;
import app.ltth.events.EventBus;
import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;
import app.ltth.plugin.api.PluginHttpException;
import app.ltth.store.ProfileManager;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running plugin: its class loader, its own thread for everything it does, and everything it registered, so
 * that {@link #close} can take it all away again. A plugin that throws is counted; one that hangs holds up only its
 * own thread, and its event queue sheds (counted) instead of holding up the bus.
 */
final class PluginRuntime implements PluginContext, AutoCloseable {

    static final long START_SECONDS = 10;
    static final long STOP_SECONDS = 5;
    static final long ROUTE_SECONDS = 5;
    static final int EVENT_QUEUE = 10_000;
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");
    private static final Set<String> RESERVED = Set.of("enable", "disable", "reload");

    private final PluginManifest manifest;
    private final Path dir;
    private final Path dataDir;
    private final EventBus bus;
    private final SocketServer sockets;
    private final FlowExtensions flows;
    private final PluginConfigRepository config;
    private final Logger log;
    private final ExecutorService executor;
    private final CommandEngine commands;
    private final List<CommandEngine.Registered> ownCommands = new CopyOnWriteArrayList<>();
    private final List<EventBus.Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, RouteHandler> routes = new ConcurrentHashMap<>();
    private final List<String> socketEvents = new CopyOnWriteArrayList<>();
    private final AtomicLong failures;
    private final java.util.function.Consumer<Throwable> onFailure;
    private final java.util.function.Supplier<Plugin> builtIn;
    private URLClassLoader loader;
    private Plugin plugin;

    PluginRuntime(PluginManifest manifest, Path dir, Path dataDir, EventBus bus, SocketServer sockets,
                  FlowExtensions flows, CommandEngine commands, ProfileManager profiles, AtomicLong failures,
                  java.util.function.Consumer<Throwable> onFailure, java.util.function.Supplier<Plugin> builtIn) {
        this.builtIn = builtIn;
        this.manifest = manifest;
        this.dir = dir;
        this.dataDir = dataDir;
        this.bus = bus;
        this.sockets = sockets;
        this.flows = flows;
        this.commands = commands;
        this.config = new PluginConfigRepository(profiles, manifest.id());
        this.log = LoggerFactory.getLogger("plugin." + manifest.id());
        this.failures = failures;
        this.onFailure = onFailure;
        this.executor = Executors.newSingleThreadExecutor(DaemonThreads.named("ltth-plugin-" + manifest.id()));
    }

    /** Loads the main class (from the plugin's jar, in a class loader of its own) and runs start. */
    void start() throws Exception {
        plugin = builtIn != null ? builtIn.get() : load();
        onThread("start", START_SECONDS, () -> {
            plugin.start(this);
            return null;
        });
    }

    private Plugin load() throws Exception {
        ClassLoader classes = getClass().getClassLoader();
        if (manifest.jar() != null) {
            Path jar = dir.resolve(manifest.jar());
            if (!Files.isRegularFile(jar)) throw new IllegalStateException(manifest.jar() + " is missing from " + dir);
            loader = new URLClassLoader("plugin-" + manifest.id(), new URL[] {jar.toUri().toURL()}, classes);
            classes = loader;
        }
        Class<?> type;
        try {
            type = Class.forName(manifest.main(), true, classes);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("the main class " + manifest.main() + " was not found"
                    + (manifest.jar() == null ? " in LTTH" : " in " + manifest.jar()), e);
        }
        if (!Plugin.class.isAssignableFrom(type)) {
            throw new IllegalStateException(manifest.main() + " does not implement " + Plugin.class.getName());
        }
        return (Plugin) type.getDeclaredConstructor().newInstance();
    }

    /** Runs plugin code on the plugin's thread, waiting at most {@code seconds}. */
    private <T> T onThread(String what, long seconds, java.util.concurrent.Callable<T> work) throws Exception {
        Future<T> future = executor.submit(work);
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException(what + " did not finish within " + seconds + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        }
    }

    void fail(Throwable e) {
        failures.incrementAndGet();
        onFailure.accept(e);
        if (failures.get() <= 10 || failures.get() % 1000 == 0) log.warn("Plugin {} failed: {}", manifest.id(), e.toString());
    }

    /** Answers a REST request to one of the plugin's routes. */
    Object dispatch(Request request) throws Exception {
        RouteHandler handler = routes.get(request.method() + " " + request.path());
        if (handler == null) throw new PluginHttpException(404, "Plugin " + manifest.id() + " has no route "
                + request.method() + " " + request.path());
        try {
            return onThread(request.method() + " " + request.path(), ROUTE_SECONDS, () -> handler.handle(request));
        } catch (PluginHttpException e) {
            throw e;
        } catch (Exception e) {
            fail(e);
            throw e;
        }
    }

    Set<String> routeKeys() {
        return Set.copyOf(routes.keySet());
    }

    /** Stops the plugin and removes everything it registered: listeners, routes, socket events, flow entries, threads. */
    @Override
    public void close() {
        try {
            if (plugin != null) {
                onThread("stop", STOP_SECONDS, () -> {
                    plugin.stop();
                    return null;
                });
            }
        } catch (Exception e) {
            fail(e);
        } finally {
            subscriptions.forEach(EventBus.Subscription::close);
            subscriptions.clear();
            routes.clear();
            socketEvents.forEach(sockets::off);
            socketEvents.clear();
            flows.removePlugin(manifest.id());
            ownCommands.clear();
            commands.replace(commandSource(), List.of());
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (loader != null) {
                try {
                    loader.close();
                } catch (IOException e) {
                    log.warn("Closing the class loader of plugin {} failed: {}", manifest.id(), e.getMessage());
                }
            }
        }
    }

    // ---- PluginContext -------------------------------------------------------------------------------------

    @Override
    public String id() {
        return manifest.id();
    }

    @Override
    public Logger log() {
        return log;
    }

    @Override
    public Path dataDir() {
        try {
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void onEvent(EventListener listener) {
        subscriptions.add(bus.subscribeAsync("plugin:" + manifest.id(), EVENT_QUEUE, event -> {
            try {
                listener.onEvent(event);
            } catch (InterruptedException e) {
                throw e;   // the plugin is being stopped: not one of its failures
            } catch (Exception e) {
                fail(e);
            }
        }));
    }

    @Override
    public void route(String method, String path, RouteHandler handler) {
        String m = method.toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(m)) throw new IllegalArgumentException("method must be one of " + METHODS);
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..") || RESERVED.contains(path)) {
            throw new IllegalArgumentException("'" + path + "' cannot be a plugin route (no leading '/', no '..', "
                    + "not " + RESERVED + ")");
        }
        routes.put(m + " " + path, handler);
    }

    @Override
    public void onSocket(String event, SocketListener listener) {
        String name = "plugin:" + manifest.id() + ":" + event;
        socketEvents.add(name);
        sockets.on(name, payload -> executor.execute(() -> {
            try {
                listener.onMessage(payload);
            } catch (Exception e) {
                fail(e);
            }
        }));
    }

    @Override
    public void emit(String event, Object payload) {
        sockets.broadcast("plugin:" + manifest.id() + ":" + event, payload);
    }

    @Override
    public void registerFlowTrigger(String triggerId, String description) {
        flows.addTrigger(new FlowExtensions.Trigger(manifest.id(), triggerId, description));
    }

    @Override
    public void fireTrigger(String triggerId, Map<String, Object> data) {
        if (!flows.fire(manifest.id(), triggerId, data)) {
            throw new IllegalArgumentException("Plugin " + manifest.id() + " never registered the trigger " + triggerId);
        }
    }

    @Override
    public void registerFlowAction(String actionId, String description, FlowAction action) {
        flows.addAction(new FlowExtensions.Action(manifest.id(), actionId, description, action));
    }

    @Override
    public void registerCommand(String name, String description, CommandHandler handler) {
        String command = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("^[!/]", "");
        if (!CommandCall.NAME.matcher(command).matches()) {
            throw new IllegalArgumentException("'" + name + "' cannot be a command name (1-32 letters, digits, '_' or '-')");
        }
        ownCommands.removeIf(r -> r.name().equals(command));
        ownCommands.add(new CommandEngine.Registered(command, commandSource(), description == null ? "" : description,
                CommandSettings.everyone(0), (call, chat) -> executor.execute(() -> {
                    try {
                        handler.run(chat.user(), call.args(), call.rest());
                    } catch (Exception e) {
                        fail(e);
                    }
                })));
        commands.replace(commandSource(), List.copyOf(ownCommands));
    }

    private String commandSource() {
        return "plugin:" + manifest.id();
    }
}
