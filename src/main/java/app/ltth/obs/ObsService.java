package app.ltth.obs;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.plugin.PluginConfigRepository;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The streamer's OBS connections (e.g. "main" on the streaming PC and "game" on the gaming PC), kept per profile,
 * and the operations the dashboard, flows and the multi-cam plugin need. Every change of a connection's state is sent
 * to the pages as {@value #STATUS_EVENT}.
 */
public final class ObsService implements ProfileManager.Listener, AutoCloseable {

    public static final String STATUS_EVENT = "obs:status";
    static final String DEFAULT_ID = "main";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,30}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]_-]{1,253}");

    /** A connection as saved in the profile; the password stays in the database and never leaves through the API. */
    record Saved(String id, String host, int port, String password, boolean autoConnect) {
    }

    public record Scenes(String connection, String current, List<String> scenes) {
    }

    public record SceneItem(int id, String source, boolean enabled) {
    }

    public record Filter(String name, boolean enabled) {
    }

    private final SocketServer sockets;
    private static final String CONFIG_ID = "core.obs";
    private static final String CONNECTIONS = "connections";
    private final PluginConfigRepository store;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = DaemonThreads.scheduler("ltth-obs");
    private final Duration firstRetry;
    private final Duration keepAlive;
    private final Map<String, ObsConnection> connections = new LinkedHashMap<>();   // guarded by this
    private final Map<String, Saved> saved = new LinkedHashMap<>();                 // guarded by this

    public ObsService(SocketServer sockets, ProfileManager profiles, HttpClient http, Duration firstRetry, Duration keepAlive) {
        this.sockets = sockets;
        this.store = new PluginConfigRepository(profiles, CONFIG_ID);
        this.http = http;
        this.firstRetry = firstRetry;
        this.keepAlive = keepAlive;
    }

    @Override
    public void profileOpened(String profile, Database database) {
        List<Saved> loaded = store.load(CONNECTIONS, json -> Json.MAPPER.convertValue(json, new TypeReference<List<Saved>>() { }),
                List.of(), "OBS connections");
        synchronized (this) {
            closeAll();
            saved.clear();
            loaded.forEach(s -> saved.put(s.id(), s));
            saved.values().stream().filter(Saved::autoConnect).forEach(s -> open(s).connect());
        }
        publish();
    }

    public synchronized List<ObsConnection.Status> status() {
        List<ObsConnection.Status> all = new ArrayList<>();
        for (Saved s : saved.values()) {
            ObsConnection c = connections.get(s.id());
            all.add(c != null ? c.status() : new ObsConnection.Status(s.id(), s.host(), s.port(), !s.password().isEmpty(),
                    "disconnected", "Not connected", "", "", false, false, 0));
        }
        return all;
    }

    /**
     * Saves a connection ({@code id}, {@code host}, {@code port}, {@code password}; a missing password keeps the saved
     * one for the same host and port, and is empty for another) and connects, waiting up to {@code wait} for OBS to accept.
     *
     * @return the connection's state afterwards (connected, auth_failed, or reconnecting with the reason)
     */
    public ObsConnection.Status connect(JsonNode body, Duration wait) throws InterruptedException {
        JsonFields f = new JsonFields(body, "");
        String id = f.text("id", DEFAULT_ID, 30);
        if (!ID.matcher(id).matches()) throw new ValidationException("id", "Use 1-30 letters, digits, - or _");
        String host = f.text("host", "127.0.0.1", 253).strip();
        if (!HOST.matcher(host).matches()) throw new ValidationException("host", "Enter a host name or IP address, like 127.0.0.1");
        int port = (int) f.number("port", 4455, 1, 65535);
        String newPassword = body.has("password") ? f.text("password", "", 200) : null;
        boolean autoConnect = f.bool("autoConnect", true);
        ObsConnection connection;
        synchronized (this) {
            Saved before = saved.get(id);
            // The password belongs to that OBS: moved to another host or port, it is not sent there unasked.
            boolean sameObs = before != null && before.host().equalsIgnoreCase(host) && before.port() == port;
            String password = newPassword != null ? newPassword : sameObs ? before.password() : "";
            Saved s = new Saved(id, host, port, password, autoConnect);
            saved.put(id, s);
            save();
            ObsConnection old = connections.remove(id);
            if (old != null) old.close();
            connection = open(s);
        }
        CompletableFuture<Void> done = connection.connect();
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the status says why; a connection that is not refused keeps trying
        }
        return connection.status();
    }

    public void disconnect(String id) {
        ObsConnection c;
        synchronized (this) {
            c = connections.remove(known(id));
            Saved s = saved.get(id);
            saved.put(id, new Saved(s.id(), s.host(), s.port(), s.password(), false));
            save();
        }
        if (c != null) c.close();
        publish();
    }

    public void remove(String id) {
        ObsConnection c;
        synchronized (this) {
            known(id);
            c = connections.remove(id);
            saved.remove(id);
            save();
        }
        if (c != null) c.close();
        publish();
    }

    private String known(String id) {
        if (!saved.containsKey(id)) throw new ValidationException("id", "There is no OBS connection '" + id + "'");
        return id;
    }

    private ObsConnection open(Saved s) {
        ObsConnection c = new ObsConnection(s.id(), new ObsConnection.Target(s.host(), s.port(), s.password()), http,
                scheduler, new ObsConnection.Listener() {
                    @Override
                    public void statusChanged(ObsConnection connection) {
                        publish();
                    }
                }, firstRetry, Duration.ofSeconds(30), keepAlive);
        connections.put(s.id(), c);
        return c;
    }

    private void save() {
        store.save(CONNECTIONS, List.copyOf(saved.values()));
    }

    /** For profile exports without keys: the saved connections of a database copy, without their passwords. */
    public static void removePasswords(java.sql.Connection copy) throws java.sql.SQLException {
        String select = "SELECT value FROM plugin_config WHERE plugin_id = ? AND key = ?";
        try (java.sql.PreparedStatement read = copy.prepareStatement(select)) {
            read.setString(1, CONFIG_ID);
            read.setString(2, CONNECTIONS);
            try (java.sql.ResultSet rs = read.executeQuery()) {
                if (!rs.next()) return;
                com.fasterxml.jackson.databind.JsonNode connections = Json.MAPPER.readTree(rs.getString(1));
                for (com.fasterxml.jackson.databind.JsonNode c : connections) {
                    if (c instanceof com.fasterxml.jackson.databind.node.ObjectNode o) o.put("password", "");
                }
                try (java.sql.PreparedStatement write = copy.prepareStatement(
                        "UPDATE plugin_config SET value = ? WHERE plugin_id = ? AND key = ?")) {
                    write.setString(1, connections.toString());
                    write.setString(2, CONFIG_ID);
                    write.setString(3, CONNECTIONS);
                    write.executeUpdate();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
                // Not connections LTTH can read: nothing in it is used, and nothing of it is exported.
                try (java.sql.PreparedStatement delete = copy.prepareStatement(
                        "DELETE FROM plugin_config WHERE plugin_id = ? AND key = ?")) {
                    delete.setString(1, CONFIG_ID);
                    delete.setString(2, CONNECTIONS);
                    delete.executeUpdate();
                }
            }
        }
    }

    private void publish() {
        sockets.broadcast(STATUS_EVENT, Map.of("connections", status()));
    }

    // ---- operations ---------------------------------------------------------------------------------------------

    /** true, false, or null for "toggle" (also the text forms the flow editor and forms send). */
    public static Boolean onOff(JsonFields f, String field) {
        if (f.node(field) != null && f.node(field).isBoolean()) return f.node(field).asBoolean();
        String v = f.choice(field, List.of("true", "false", "toggle", "show", "hide", "on", "off"), null);
        return switch (v) {
            case "true", "show", "on" -> Boolean.TRUE;
            case "false", "hide", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The named connection, or with an empty name the first one that is connected. */
    private ObsConnection connection(String id) throws ObsConnection.NotConnected {
        synchronized (this) {
            if (id == null || id.isEmpty()) {
                return connections.values().stream().filter(c -> c.state() == ObsConnection.State.CONNECTED).findFirst()
                        .orElseThrow(() -> new ObsConnection.NotConnected(saved.isEmpty()
                                ? "No OBS connection is set up: connect to OBS on the OBS page first."
                                : "OBS is not connected: " + status().get(0).message()));
            }
            ObsConnection c = connections.get(id);
            if (c == null) throw new ObsConnection.NotConnected("OBS '" + id + "' is not connected.");
            return c;
        }
    }

    /** One request, waited for: OBS's answer, or why there is none. */
    JsonNode call(String connection, String type, Map<String, ?> data) throws ObsConnection.NotConnected, ObsRequestException,
            InterruptedException {
        ObsConnection c = connection(connection);
        try {
            return c.request(type, data).get(ObsConnection.REQUEST_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ObsRequestException r) throw r;
            if (e.getCause() instanceof ObsConnection.NotConnected n) throw n;
            if (e.getCause() instanceof TimeoutException) throw new ObsConnection.NotConnected("OBS did not answer " + type + " within 5 s.");
            throw new ObsConnection.NotConnected("OBS request " + type + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new ObsConnection.NotConnected("OBS did not answer " + type + " within 5 s.");
        }
    }

    public Scenes scenes(String connection) throws Exception {
        ObsConnection c = connection(connection);
        JsonNode r = call(c.id(), "GetSceneList", Map.of());
        List<JsonNode> list = new ArrayList<>();
        r.path("scenes").forEach(list::add);
        // OBS lists the bottom scene first; its window shows the highest index on top
        list.sort(Comparator.comparingInt((JsonNode n) -> n.path("sceneIndex").asInt()).reversed());
        return new Scenes(c.id(), r.path("currentProgramSceneName").asText(""), list.stream().map(n -> n.path("sceneName").asText()).toList());
    }

    /** The program scene as OBS last told us; empty when that connection is down. */
    public String currentScene(String connection) {
        try {
            return connection(connection).currentScene();
        } catch (ObsConnection.NotConnected e) {
            return "";
        }
    }

    public void setScene(String connection, String scene) throws Exception {
        call(connection, "SetCurrentProgramScene", Map.of("sceneName", scene));
    }

    public List<SceneItem> sources(String connection, String scene) throws Exception {
        JsonNode r = call(connection, "GetSceneItemList", Map.of("sceneName", scene));
        List<SceneItem> items = new ArrayList<>();
        r.path("sceneItems").forEach(n -> items.add(new SceneItem(n.path("sceneItemId").asInt(), n.path("sourceName").asText(),
                n.path("sceneItemEnabled").asBoolean())));
        return items;
    }

    /** Shows or hides a source in a scene; {@code visible} null toggles it. @return whether it is visible now */
    public boolean setSourceVisible(String connection, String scene, String source, Boolean visible) throws Exception {
        int item = call(connection, "GetSceneItemId", Map.of("sceneName", scene, "sourceName", source)).path("sceneItemId").asInt();
        boolean show = visible != null ? visible : !call(connection, "GetSceneItemEnabled",
                Map.of("sceneName", scene, "sceneItemId", item)).path("sceneItemEnabled").asBoolean();
        call(connection, "SetSceneItemEnabled", Map.of("sceneName", scene, "sceneItemId", item, "sceneItemEnabled", show));
        return show;
    }

    public List<Filter> filters(String connection, String source) throws Exception {
        JsonNode r = call(connection, "GetSourceFilterList", Map.of("sourceName", source));
        List<Filter> filters = new ArrayList<>();
        r.path("filters").forEach(n -> filters.add(new Filter(n.path("filterName").asText(), n.path("filterEnabled").asBoolean())));
        return filters;
    }

    /** Turns a filter on or off; {@code enabled} null toggles it. @return whether it is on now */
    public boolean setFilter(String connection, String source, String filter, Boolean enabled) throws Exception {
        boolean on = enabled != null ? enabled : !call(connection, "GetSourceFilter",
                Map.of("sourceName", source, "filterName", filter)).path("filterEnabled").asBoolean();
        call(connection, "SetSourceFilterEnabled", Map.of("sourceName", source, "filterName", filter, "filterEnabled", on));
        return on;
    }

    /** Starts, stops or toggles the stream ("stream") or the recording ("record"). */
    public void output(String connection, String output, String action) throws Exception {
        String what = output.equals("stream") ? "Stream" : "Record";
        String verb = action.equals("start") ? "Start" : action.equals("stop") ? "Stop" : "Toggle";
        call(connection, verb + what, Map.of());
    }

    @Override
    public void close() {
        synchronized (this) {
            closeAll();
        }
        scheduler.shutdownNow();
    }

    private void closeAll() {
        connections.values().forEach(ObsConnection::close);
        connections.clear();
    }
}
