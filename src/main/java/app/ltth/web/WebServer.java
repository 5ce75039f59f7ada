package app.ltth.web;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.core.JacksonException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dashboard, overlays and REST on one Javalin server.
 *
 * <p>Pages and translations are packed into the jar; a {@code public/} or {@code locales/} folder in the app's
 * home overrides them file by file, so pages can be edited without a rebuild. They are served with
 * {@code Cache-Control: no-cache} so that an edit shows on the next reload, in OBS too.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final Map<String, String> NO_CACHE = Map.of("Cache-Control", "no-cache");

    private final Javalin javalin;
    private final Set<String> ownHosts = ConcurrentHashMap.newKeySet();
    private final Set<String> ownOrigins = ConcurrentHashMap.newKeySet();
    private volatile LanGuard lanGuard;
    private volatile ServerConnector lanConnector;
    private volatile String lanHost;

    /**
     * Lets a request from another computer in (LAN mode) if its link allows it, or throws the answer that refuses
     * it (401 without a valid link or beyond what the link opens, 429 after too many wrong ones).
     */
    @FunctionalInterface
    public interface LanGuard {
        void admit(Context ctx);
    }

    /**
     * @param ownOrigins the origins of LTTH's own pages ({@code http://127.0.0.1:<port>} and the localhost one)
     */
    public WebServer(String host, int port, int socketPort, Set<String> ownOrigins, Path appHome,
                     List<Consumer<RoutesConfig>> apis) {
        PagePolicy policy = new PagePolicy(socketPort);
        this.ownOrigins.addAll(ownOrigins);
        ownOrigins.forEach(o -> ownHosts.add(o.substring(o.indexOf("://") + 3)));
        this.javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // Routes that take files set their own limits (Uploads); this one holds for any other form.
            cfg.jetty.multipartConfig.maxFileSize(10, SizeUnit.MB);
            cfg.jetty.multipartConfig.maxTotalRequestSize(10, SizeUnit.MB);
            staticFiles(cfg, appHome, "public", "/");
            staticFiles(cfg, appHome, "locales", "/locales");
            cfg.staticFiles.enableWebjars();
            cfg.routes.before(ctx -> {
                guard(ctx, ownHosts, this.ownOrigins);
                if (!ThisComputer.isLoopback(ctx.req().getRemoteAddr())) admitFromLan(ctx);
                policy.apply(ctx);
            });
            // A WebSocket brings its own credential (its route checks it); the same hosts and sites are refused.
            cfg.routes.wsBeforeUpgrade(ctx -> {
                guard(ctx, ownHosts, this.ownOrigins);
                if (!ThisComputer.isLoopback(ctx.req().getRemoteAddr()) && lanGuard == null) {
                    throw new ForbiddenResponse("LTTH answers only this computer; LAN mode is off");
                }
            });
            cfg.routes.get("/", ctx -> ctx.redirect("/dashboard.html"));
            apis.forEach(api -> api.accept(cfg.routes));
            cfg.routes.after("/api/*", WebServer::readUnreadBody);
            errors(cfg.routes);
        });
    }

    private static void staticFiles(JavalinConfig cfg, Path appHome, String folder, String hostedPath) {
        Path override = appHome.resolve(folder);
        if (Files.isDirectory(override)) {
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = hostedPath;
                sf.directory = override.toAbsolutePath().toString();
                sf.location = Location.EXTERNAL;
                sf.headers = NO_CACHE;
            });
        }
        cfg.staticFiles.add(sf -> {
            sf.hostedPath = hostedPath;
            sf.directory = "/" + folder;
            sf.location = Location.CLASSPATH;
            sf.headers = NO_CACHE;
        });
    }

    /**
     * Web pages from elsewhere run in the same browser as the dashboard. They may send "simple" requests to
     * 127.0.0.1 without asking, so a change (anything but GET) is accepted only without an Origin (a local program)
     * or from our own pages. A foreign host name is refused outright, so DNS rebinding cannot read the API either.
     *
     * <p>Reads of the API could still start work (a profile export, a sound search) from a page on another site or
     * on another local port, which counts as the same site. So the API answers only what the browser marks as
     * coming from the same origin or from the streamer (typed address, bookmark), and local programs, which send no
     * such header. Pages themselves may be opened from anywhere: a link in a chat opens the dashboard.
     */
    private static void guard(Context ctx, Set<String> ownHosts, Set<String> ownOrigins) {
        String hostHeader = ctx.header("Host");
        if (hostHeader == null || !ownHosts.contains(hostHeader.toLowerCase(Locale.ROOT))) {
            throw new ForbiddenResponse("LTTH answers only requests addressed to " + String.join(" or ", ownHosts));
        }
        boolean safe = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD
                || ctx.method() == HandlerType.OPTIONS;
        String origin = ctx.header("Origin");
        if (!safe && origin != null && !ownOrigins.contains(origin)) {
            throw new ForbiddenResponse("Only LTTH's own pages may change anything; this request came from " + origin);
        }
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (ctx.path().startsWith("/api/") && fetchSite != null
                && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            throw new ForbiddenResponse("LTTH's API answers only its own pages; this request came from another "
                    + ("same-site".equals(fetchSite) ? "port or page of this computer" : "site"));
        }
    }

    /** Only the LAN listener takes requests from elsewhere; without LAN mode there is nothing to let in. */
    private void admitFromLan(Context ctx) {
        LanGuard guard = lanGuard;
        if (guard == null) throw new ForbiddenResponse("LTTH answers only this computer; LAN mode is off");
        guard.admit(ctx);
    }

    /**
     * Opens the dashboard's port on a LAN address too (LAN mode), for phones and other computers; {@code guard}
     * decides who gets in. Requests from this computer (loopback) need nothing, as before.
     */
    public synchronized void openLan(String address, LanGuard guard) throws Exception {
        closeLan();
        Server server = javalin.jettyServer().server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(address);
        connector.setPort(port());
        server.addConnector(connector);
        try {
            connector.start();
        } catch (Exception e) {
            server.removeConnector(connector);
            throw e;
        }
        lanHost = address + ":" + port();
        ownHosts.add(lanHost);
        ownOrigins.add("http://" + lanHost);
        lanGuard = guard;
        lanConnector = connector;
    }

    /** Closes the LAN listener at once: its port stops answering, this computer keeps working. */
    public synchronized void closeLan() {
        ServerConnector connector = lanConnector;
        if (connector == null) return;
        lanConnector = null;
        lanGuard = null;
        ownHosts.remove(lanHost);
        ownOrigins.remove("http://" + lanHost);
        try {
            connector.stop();
        } catch (Exception e) {
            log.warn("Closing the LAN listener: {}", e.getMessage());
        }
        javalin.jettyServer().server().removeConnector(connector);
    }

    /** The port this computer's pages use (the LAN listener uses the same number). */
    public int port() {
        return javalin.port();
    }

    private static void errors(RoutesConfig routes) {
        routes.exception(ValidationException.class, (e, ctx) ->
                ctx.status(400).json(new ApiError(e.getMessage(), e.field(), e.key(),
                        e.key() == null ? null : e.params())));
        // A handler that reads the body itself (e.g. flow import) gets JSON that does not parse: the caller's mistake.
        routes.exception(JacksonException.class, (e, ctx) ->
                ctx.status(400).json(ApiError.of("The request body is not valid JSON: " + e.getOriginalMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(ApiError.of(e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(ApiError.of("Something went wrong inside LTTH (" + e.getClass().getSimpleName()
                    + "). The details are in user_data/logs/ltth.log."));
        });
        routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && !answered(ctx)) {   // a handler's own "not found" keeps its words
                ctx.json(ApiError.of("No such API endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        routes.error(405, ctx -> {
            if (ctx.path().startsWith("/api/")) {
                ctx.json(ApiError.of("Method " + ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    /**
     * A request refused before its body was read (unknown id, wrong content type) would otherwise be answered and
     * the connection closed with the body still arriving: the client then sees a reset instead of the 4xx. Small
     * bodies are read to the end first; big ones (uploads) are left to Jetty.
     */
    private static void readUnreadBody(Context ctx) {
        if (ctx.contentLength() <= 0 || ctx.contentLength() > 1_000_000) return;
        try {
            ctx.req().getInputStream().skip(ctx.contentLength());
        } catch (IOException | IllegalStateException alreadyReadAnotherWay) {
            // read as text or parts already: nothing is left
        }
    }

    /** Whether a route matched (and so said in its own words what was not found). */
    private static boolean answered(io.javalin.http.Context ctx) {
        return ctx.endpoints().matchedHttpEndpoint() != null;
    }

    public void start() {
        javalin.start();
    }

    /** Every HTTP route, e.g. {@code GET /api/goals/{id}} (for the REST fuzz test). */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    @Override
    public void close() {
        closeLan();
        javalin.stop();
    }
}
