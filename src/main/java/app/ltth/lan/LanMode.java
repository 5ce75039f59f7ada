package app.ltth.lan;

import app.ltth.files.FileModes;
import app.ltth.json.Json;
import app.ltth.web.SocketServer;
import app.ltth.web.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LAN mode: off by default. When on, the dashboard's and the socket's ports also listen on this computer's LAN
 * address, and everything from another computer needs one of two links (tokens): the dashboard link, or the
 * overlay link for a second PC with OBS. The choice and the tokens are kept in {@code user_data/lan.json} (0600), for
 * every profile alike. Turning it off closes both LAN ports at once.
 */
public final class LanMode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LanMode.class);
    static final String COOKIE = "ltth_lan";
    private static final String TOKEN_PARAM = "token";

    private final Path file;
    private final Supplier<WebServer> webServer;
    private final SocketServer sockets;
    private final int socketPort;
    private final Supplier<Optional<String>> addresses;
    private final LanGate gate;
    private volatile LanTokens tokens;
    private volatile String openOn;
    private final List<Consumer<Optional<String>>> listeners =
            new CopyOnWriteArrayList<>();

    /** @param web the web server, which is made after the routes (these among them) are known */
    public LanMode(Path file, Supplier<WebServer> web, SocketServer sockets, int socketPort) {
        this(file, web, sockets, socketPort, LanAddress::pick);
    }

    LanMode(Path file, Supplier<WebServer> web, SocketServer sockets, int socketPort,
            Supplier<Optional<String>> addresses) {
        this.file = file;
        this.webServer = web;
        this.sockets = sockets;
        this.socketPort = socketPort;
        this.addresses = addresses;
        this.gate = new LanGate(() -> tokens, System::nanoTime);
        this.tokens = LanTokens.fresh();
    }

    /** Told the LAN address when LAN mode opens and empty when it closes, for ports of their own (custom events). */
    public void addListener(Consumer<Optional<String>> listener) {
        listeners.add(listener);
    }

    private void tell() {
        Optional<String> address = Optional.ofNullable(openOn);
        listeners.forEach(l -> l.accept(address));
    }

    private WebServer web() {
        return webServer.get();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    /** Reopens LAN mode if the streamer left it on; a problem becomes a notice, never a failed start. */
    public void restore(java.util.function.Consumer<String> notices) {
        boolean wasOn = false;
        try {
            if (Files.isRegularFile(file)) {
                JsonNode saved = Json.MAPPER.readTree(file.toFile());
                String dashboard = saved.path("dashboardToken").asText("");
                String overlay = saved.path("overlayToken").asText("");
                if (dashboard.length() >= 32 && overlay.length() >= 32) tokens = new LanTokens(dashboard, overlay);
                wasOn = saved.path("enabled").asBoolean(false);
            }
        } catch (IOException e) {
            log.warn("{} could not be read ({}); LAN mode stays off", file, e.getMessage());
        }
        if (!wasOn) return;
        try {
            enable();
        } catch (LanException e) {
            notices.accept("LAN mode could not be turned back on: " + e.getMessage());
        }
    }

    /** Opens the LAN ports; {@link LanException} says why not (no network, a port taken). */
    public synchronized Map<String, Object> enable() throws LanException {
        String address = addresses.get().orElseThrow(() -> new LanException("This computer has no network address "
                + "another device could reach. Connect it to your home network (Wi-Fi or cable) and try again."));
        if (address.equals(openOn)) return status();
        closePorts();
        try {
            web().openLan(address, this::admit);
            sockets.openLan(address, "http://" + address + ":" + web().port(), handshake -> {
                String token = Optional.ofNullable(handshake.getSingleUrlParam(TOKEN_PARAM))
                        .orElseGet(() -> cookie(handshake.getHttpHeaders().get("Cookie")));
                return gate.token(handshake.getAddress().getAddress().getHostAddress(), token) instanceof
                        LanGate.Verdict.Admitted admitted ? Optional.of(admitted.access()) : Optional.empty();
            });
        } catch (Exception e) {
            closePorts();
            if (causedBy(e, java.net.BindException.class)) {
                throw new LanException("Port " + web().port() + " or " + socketPort + " on " + address + " is taken by "
                        + "another program. Close it, or restart LTTH on other ports, and try again.");
            }
            log.warn("LAN mode could not open {}", address, e);
            throw new LanException("LTTH could not open its ports on " + address + " (" + e.getMessage() + "). The "
                    + "details are in user_data/logs/ltth.log.");
        }
        openOn = address;
        save(true);
        tell();
        log.info("LAN mode on: {}:{} (dashboard) and {}:{} (Socket.IO)", address, web().port(), address, socketPort);
        return status();
    }

    public synchronized Map<String, Object> disable() {
        closePorts();
        save(false);
        log.info("LAN mode off");
        return status();
    }

    /** New tokens: every link and QR code given out before stops working. */
    public synchronized Map<String, Object> renew() {
        tokens = LanTokens.fresh();
        save(openOn != null);
        return status();
    }

    private void closePorts() {
        if (web() != null) web().closeLan();
        sockets.closeLan();
        if (openOn != null) {
            openOn = null;
            tell();
        }
    }

    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        String address = openOn;
        out.put("enabled", address != null);
        out.put("address", address != null ? address : addresses.get().orElse(null));
        out.put("port", web().port());
        if (address != null) {
            out.put("dashboardUrl", link(address, "/dashboard.html", tokens.dashboard()));
            out.put("overlayUrl", link(address, "/overlay.html", tokens.overlay()));
        }
        return out;
    }

    /**
     * Whether a device at {@code address} with {@code token} may read what overlays read, on a port of its own (the
     * Event API): either of LAN mode's tokens, wrong ones counted as for the dashboard's port.
     */
    public boolean admitsReader(String address, String token) {
        return openOn != null && gate.token(address, token) instanceof LanGate.Verdict.Admitted;
    }

    /** The overlay link's token, for the links of ports of their own. */
    public String overlayToken() {
        return tokens.overlay();
    }

    /** The QR code of the dashboard or overlay link, while LAN mode is on. */
    public Optional<String> qr(String which) {
        Object url = status().get(which.equals("overlay") ? "overlayUrl" : "dashboardUrl");
        return url == null ? Optional.empty() : Optional.of(QrSvg.of(url.toString()));
    }

    private String link(String address, String page, String token) {
        return "http://" + address + ":" + web().port() + page + "?" + TOKEN_PARAM + "=" + token;
    }

    /** The web server's guard for requests from other computers. */
    private void admit(Context ctx) {
        String fromLink = ctx.queryParam(TOKEN_PARAM);
        String token = fromLink != null ? fromLink : cookie(ctx.header("Cookie"));
        LanGate.Verdict verdict = gate.request(ctx.req().getRemoteAddr(), ctx.method().name(), ctx.path(), token);
        if (verdict instanceof LanGate.Verdict.Refused refused) {
            throw new HttpResponseException(refused.status(), refused.message());
        }
        if (fromLink != null) {
            // Pages fetch the API and open the socket without the link's token: the cookie carries it (all ports of
            // this host, never to another site).
            ctx.header("Set-Cookie", COOKIE + "=" + fromLink + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict");
        }
    }

    static String cookie(String header) {
        if (header == null) return null;
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) return p.substring(COOKIE.length() + 1);
        }
        return null;
    }

    private void save(boolean enabled) {
        Map<String, Object> state = Map.of("enabled", enabled, "dashboardToken", tokens.dashboard(),
                "overlayToken", tokens.overlay());
        try {
            FileModes.writePrivately(file, Json.MAPPER.writeValueAsBytes(state));
        } catch (IOException e) {
            log.warn("LAN mode could not be saved to {}: {}", file, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closePorts();
    }

    /** Why LAN mode could not be turned on, in words for the streamer. */
    public static final class LanException extends Exception {
        public LanException(String message) {
            super(message);
        }
    }
}
