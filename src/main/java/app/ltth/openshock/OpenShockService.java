package app.ltth.openshock;

import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.UserEvent;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.store.SingleJsonRow;
import app.ltth.threads.DaemonThreads;
import app.ltth.triggers.StreamLikes;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenShock devices driven by the stream: mappings from live events (and flows, and the page's test) become jobs (one
 * command, or a pattern of steps) that one worker sends in order, each step through the {@link SafetyGate}. The
 * emergency stop empties the queue at once, breaks off what runs, sends Stop to every shocker and refuses every new
 * command until the streamer releases it. Every command is logged (table openshock_log). Built-in plugin
 * {@code openshock}, off by default.
 */
public final class OpenShockService implements ProfileManager.Listener, AutoCloseable {

    public static final String STATUS_EVENT = "openshock:status";
    static final int QUEUE_MAX = 20;
    static final int RECENT = 50;
    private static final Logger log = LoggerFactory.getLogger(OpenShockService.class);
    private static final SingleJsonRow CONFIG = new SingleJsonRow("openshock", "config");

    /** A command or a pattern waiting to run: who or what set it off, on which shocker (an id, or "all"). */
    private record Job(String source, String user, String shocker, List<OpenShockConfig.Step> steps) {
    }

    /** One line of the log. */
    public record Logged(long at, String shockers, String type, int intensity, int durationMs, String source, String user,
                         String result) {
    }

    /** Asked while the plugin is off, the emergency stop holds or the queue is full: says which. */
    public static final class Refused extends Exception {
        final String reason;

        Refused(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private final SocketServer sockets;
    private final OpenShockClient client;
    private final SafetyGate gate;
    private final LongSupplier clock;
    private final Supplier<Boolean> hasToken;
    private final LinkedBlockingDeque<Job> jobs = new LinkedBlockingDeque<>(QUEUE_MAX);
    private final Deque<Logged> recent = new ArrayDeque<>();
    private final Map<String, Long> refusals = new ConcurrentHashMap<>();
    private final StreamLikes likes = new StreamLikes();
    private final Thread worker;
    private volatile OpenShockConfig config = OpenShockConfig.defaults();
    private volatile Database database;
    private volatile boolean active;
    private volatile boolean closed;
    private volatile List<OpenShockClient.Shocker> shockers = List.of();
    private volatile String shockersError;

    public OpenShockService(SocketServer sockets, HttpClient http, Supplier<String> baseUrl, Supplier<String> token,
                            LongSupplier clock, ZoneId zone) {
        this.sockets = sockets;
        this.client = new OpenShockClient(http, baseUrl, token);
        this.gate = new SafetyGate(clock, zone);
        this.clock = clock;
        this.hasToken = () -> !token.get().isBlank();
        this.worker = DaemonThreads.named("ltth-openshock").newThread(this::work);
        worker.start();
    }

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        config = CONFIG.readOr(db, OpenShockConfig.defaults(), json -> OpenShockConfig.defaults().with(json));
        List<Logged> last = db.read(c -> {
            List<Logged> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, shockers, type, intensity, duration_ms, source, user, result "
                    + "FROM openshock_log ORDER BY id DESC LIMIT " + RECENT); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Logged(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
            }
            return out;
        });
        synchronized (recent) {
            recent.clear();
            recent.addAll(last);
        }
        long since = gate.startOfToday();
        gate.alreadyToday(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(duration_ms), 0) FROM openshock_log "
                    + "WHERE type = 'shock' AND result = 'ok' AND at >= ?")) {
                ps.setLong(1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        }));
        database = db;
    }

    @Override
    public void profileClosing() {
        database = null;
    }

    public OpenShockConfig config() {
        return config;
    }

    public synchronized OpenShockConfig configure(JsonNode change) throws SQLException, IOException {
        OpenShockConfig next = config.with(change);
        CONFIG.save(database, next);
        config = next;
        tell();
        return next;
    }

    public void setActive(boolean on) {
        active = on;
        if (!on) jobs.clear();
        if (on && hasToken.get()) {
            DaemonThreads.named("ltth-openshock-devices").newThread(() -> {
                try {
                    refreshShockers();
                } catch (Exception e) {
                    // shown on the page as shockersError
                }
            }).start();
        }
        tell();
    }

    /** Reads the account's shockers from OpenShock again. */
    public List<OpenShockClient.Shocker> refreshShockers() throws OpenShockClient.Failed, InterruptedException {
        try {
            shockers = client.shockers();
            shockersError = null;
            return shockers;
        } catch (OpenShockClient.Failed e) {
            shockersError = e.getMessage();
            throw e;
        } finally {
            tell();
        }
    }

    /** Every live event, on the plugin's thread: the mappings it sets off, admitted by the cooldowns, queued. */
    public void onEvent(LiveEvent event) {
        if (event instanceof StreamEndEvent) {
            likes.reset();
            return;
        }
        long[] range = event instanceof LikeEvent like ? likes.add(like) : new long[] {0, 0};
        OpenShockConfig c = config;
        String user = event instanceof UserEvent u ? u.user().uniqueId() : "";
        for (OpenShockConfig.Mapping m : c.mappings()) {
            if (!m.enabled() || m.when().fires(event, range[0], range[1]) == 0) continue;   // a like burst is one job
            String refused = gate.admit(user, c.limits());
            if (refused != null) {
                refusals.merge(refused, 1L, Long::sum);
                continue;
            }
            OpenShockConfig.Pattern p = m.pattern().isEmpty() ? null : c.pattern(m.pattern());
            List<OpenShockConfig.Step> steps = p != null ? p.steps()
                    : List.of(new OpenShockConfig.Step(m.type(), m.intensity(), m.durationMs(), 0));
            if (!jobs.offerLast(new Job("mapping", user, m.shocker(), steps))) refusals.merge("queueFull", 1L, Long::sum);
        }
    }

    /**
     * A command or a pattern from a flow or the page ({@code pattern} set: the pattern, otherwise the one step): the
     * limits and the budget apply, the cooldowns are for live events only.
     */
    public void run(String source, String user, String shocker, OpenShockConfig.Step step, String pattern) throws Refused {
        if (!active) throw new Refused("off", "OpenShock is off: turn it on on the OpenShock page (plugin openshock).");
        if (gate.stopped()) throw new Refused("stopped", "The emergency stop holds: release it on the OpenShock page first.");
        List<OpenShockConfig.Step> steps;
        if (pattern != null && !pattern.isEmpty()) {
            OpenShockConfig.Pattern p = config.pattern(pattern);
            if (p == null) throw new Refused("noPattern", "There is no pattern '" + pattern + "'.");
            steps = p.steps();
        } else {
            steps = List.of(step);
        }
        if (!jobs.offerLast(new Job(source, user, shocker, steps))) {
            throw new Refused("queueFull", "The OpenShock queue is full (" + QUEUE_MAX + " waiting).");
        }
        tell();
    }

    /** The emergency stop: the queue emptied, what runs broken off, Stop sent to every shocker, nothing new until released. */
    public void emergencyStop(String source) {
        gate.stop();
        jobs.clear();
        worker.interrupt();
        List<String> ids = shockers.stream().map(OpenShockClient.Shocker::id).toList();
        log.warn("OpenShock: emergency stop ({})", source);
        DaemonThreads.named("ltth-openshock-stop").newThread(() -> {
            String result = "ok";
            try {
                if (!ids.isEmpty()) client.control(ids, "stop", 0, OpenShockConfig.MIN_DURATION_MS);
            } catch (OpenShockClient.Failed e) {
                result = e.getMessage();
            } catch (InterruptedException e) {
                result = "interrupted";
            }
            record(new Logged(clock.getAsLong(), String.join(",", ids), "stop", 0, 0, source, "", result));
        }).start();
        tell();
    }

    public void release() {
        gate.release();
        log.info("OpenShock: the emergency stop was released");
        tell();
    }

    private void work() {
        while (!closed) {
            Job job;
            try {
                job = jobs.takeFirst();
            } catch (InterruptedException e) {
                continue;   // an emergency stop while nothing ran, or the end: the loop decides
            }
            try {
                runJob(job);
            } catch (InterruptedException e) {
                // the emergency stop broke off this job; the flag is cleared by catching it
            } catch (RuntimeException e) {
                log.warn("OpenShock: a command failed", e);
            }
        }
    }

    private void runJob(Job job) throws InterruptedException {
        OpenShockConfig.Limits limits = config.limits();
        for (OpenShockConfig.Step step : job.steps()) {
            List<String> ids = job.shocker().equals("all")
                    ? shockers.stream().filter(s -> !s.paused()).map(OpenShockClient.Shocker::id).toList() : List.of(job.shocker());
            SafetyGate.Verdict v = gate.step(step, limits);
            if (!v.allowed() || ids.isEmpty()) {
                String reason = ids.isEmpty() ? "noShockers" : v.refused();
                record(new Logged(clock.getAsLong(), String.join(",", ids), step.type(), step.intensity(), step.durationMs(),
                        job.source(), job.user(), "refused: " + reason));
                return;
            }
            String result = "ok";
            try {
                client.control(ids, step.type(), v.intensity(), v.durationMs());
            } catch (OpenShockClient.Failed e) {
                result = e.getMessage();
            }
            record(new Logged(clock.getAsLong(), String.join(",", ids), step.type(), v.intensity(), v.durationMs(), job.source(),
                    job.user(), result));
            if (!result.equals("ok")) return;
            Thread.sleep(v.durationMs() + step.pauseMs());   // the device runs the step; the next comes after it
        }
    }

    private void record(Logged line) {
        synchronized (recent) {
            recent.addFirst(line);
            while (recent.size() > RECENT) recent.removeLast();
        }
        Database db = database;
        if (db != null) {
            try {
                db.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO openshock_log(at, shockers, type, intensity, "
                            + "duration_ms, source, user, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setLong(1, line.at());
                        ps.setString(2, line.shockers());
                        ps.setString(3, line.type());
                        ps.setInt(4, line.intensity());
                        ps.setInt(5, line.durationMs());
                        ps.setString(6, line.source());
                        ps.setString(7, line.user());
                        ps.setString(8, line.result());
                        return ps.executeUpdate();
                    }
                });
            } catch (SQLException e) {
                log.warn("OpenShock: a command could not be written to the log: {}", e.getMessage());
            }
        }
        tell();
    }

    private void tell() {
        if (sockets != null) sockets.broadcast(STATUS_EVENT, status());
    }

    /** What the page shows; the token never, only whether there is one. */
    public Map<String, Object> status() {
        OpenShockConfig c = config;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", active);
        out.put("stopped", gate.stopped());
        out.put("hasToken", hasToken.get());
        out.put("shockers", shockers);
        if (shockersError != null) out.put("shockersError", shockersError);
        out.put("waiting", jobs.size());
        out.put("shockMsToday", gate.shockMsToday());
        out.put("shockMsLimit", c.limits().dailyShockSeconds() * 1000L);
        out.put("refusals", Map.copyOf(refusals));
        synchronized (recent) {
            out.put("log", List.copyOf(recent));
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        active = false;
        jobs.clear();
        worker.interrupt();
    }
}
