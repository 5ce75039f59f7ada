package app.ltth.milestones;

import app.ltth.alerts.AlertService;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.SessionStart;
import app.ltth.i18n.Texts;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.store.SingleJsonRow;
import app.ltth.threads.DaemonThreads;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gift milestones (a built-in plugin, on unless turned off): the coins of finished gift streaks count up, and each
 * milestone they reach is celebrated on the Alerts overlay with its tier's picture or video and sound, before the
 * alerts that wait (two reached by one streak play one after the other, in order). The count starts over with each
 * stream, if the streamer wants; it is saved once a second, so a restart in the middle of a stream goes on from there.
 */
public final class MilestoneService implements ProfileManager.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MilestoneService.class);
    private static final SingleJsonRow PLAN = new SingleJsonRow("milestones", "plan");
    private static final SingleJsonRow PROGRESS = new SingleJsonRow("milestones", "progress");

    /** How far the count is: coins, and how many milestones were reached (the index of the next). */
    record Progress(long coins, int reached) {
    }

    /** Where celebrations go: {@link AlertService#celebrate}. */
    @FunctionalInterface
    public interface Celebrations {
        void celebrate(String template, Map<String, Object> fields, int seconds, String sound, String media);
    }

    private final Celebrations alerts;
    private final Supplier<Texts> texts;
    private final SessionStart sessions = new SessionStart();
    private final ScheduledExecutorService saver = DaemonThreads.scheduler("ltth-milestones");
    private MilestonePlan plan = MilestonePlan.none();   // guarded by this
    private Progress progress = new Progress(0, 0);      // guarded by this
    private boolean unsaved;                             // guarded by this
    private Database database;                           // guarded by this
    private volatile boolean active;

    public MilestoneService(Celebrations alerts, Supplier<Texts> texts) {
        this.alerts = alerts;
        this.texts = texts;
        saver.scheduleWithFixedDelay(this::saveQuietly, 1, 1, TimeUnit.SECONDS);
    }

    public void setActive(boolean on) {
        active = on;
    }

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        MilestonePlan storedPlan = db.read(PLAN::read).map(json -> {
            try {
                return MilestonePlan.none().with(Json.MAPPER.readTree(json));
            } catch (Exception e) {
                log.warn("The gift milestones could not be read ({}); none are set", e.getMessage());
                return MilestonePlan.none();
            }
        }).orElse(MilestonePlan.none());
        Progress storedProgress = db.read(PROGRESS::read).map(json -> {
            try {
                return Json.MAPPER.readValue(json, Progress.class);
            } catch (IOException e) {
                return new Progress(0, 0);
            }
        }).orElse(new Progress(0, 0));
        synchronized (this) {
            database = db;
            plan = storedPlan;
            progress = storedProgress;
            unsaved = false;
        }
    }

    @Override
    public void profileClosing() {
        saveQuietly();
        synchronized (this) {
            database = null;
        }
    }

    /** The plugin's event listener (on a thread of its own). */
    public void onEvent(LiveEvent event) {
        if (sessions.isNewSession(event)) {
            synchronized (this) {
                if (plan.resetPerStream()) reset();
            }
            return;
        }
        if (!active || !(event instanceof GiftEvent g) || !g.isFinal() || g.coins() <= 0) return;
        List<Integer> celebrate;
        MilestonePlan now;
        synchronized (this) {
            long coins = progress.coins() + g.coins();
            int reached = plan.reached(coins, progress.reached());
            celebrate = MilestonePlan.toCelebrate(progress.reached(), reached);
            progress = new Progress(coins, reached);
            unsaved = true;
            now = plan;
        }
        for (int n : celebrate) celebrate(now, n, g.user().nickname());
    }

    private void celebrate(MilestonePlan p, int n, String lastGifter) {
        MilestonePlan.Tier tier = p.tier(n);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("coins", p.threshold(n));
        fields.put("name", tier.name());
        fields.put("nickname", lastGifter);
        // The language's sentence is the template: the alert fills in the names, escaped, as it does for every alert.
        String template = texts.get().get(tier.name().isEmpty() ? "milestones.reached" : "milestones.reachedNamed");
        alerts.celebrate(template, fields, tier.seconds(), tier.sound(), tier.media());
    }

    /** Shows tier {@code index}'s celebration now, as the page's Test button does. */
    public void test(int index) {
        MilestonePlan p;
        synchronized (this) {
            p = plan;
        }
        if (index < 0 || index >= p.tiers().size()) throw new ValidationException("tier", "there is no tier " + index);
        celebrate(p, index, texts.get().get("milestones.testViewer"));
    }

    /** The count starts over: no coins, no milestone reached. */
    public synchronized void reset() {
        progress = new Progress(0, 0);
        unsaved = true;
    }

    /** The plan with how far the count is, for the page and the API. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", plan);
        m.put("coins", progress.coins());
        m.put("reached", progress.reached());
        long next = plan.threshold(progress.reached());
        m.put("nextCoins", next == Long.MAX_VALUE ? null : next);
        return m;
    }

    /**
     * The page's change of the plan, checked and kept. The count goes on; milestones it has already passed under the
     * new plan count as reached, so a change in the middle of a stream celebrates nothing after the fact.
     */
    public synchronized Map<String, Object> configure(JsonNode change) throws SQLException, IOException {
        MilestonePlan next = plan.with(change);
        String json = Json.MAPPER.writeValueAsString(next);
        if (database == null) throw new IllegalStateException("No profile is open");
        database.write(c -> PLAN.write(c, json));
        plan = next;
        progress = new Progress(progress.coins(), next.reached(progress.coins(), 0));
        unsaved = true;
        return describe();
    }

    private void saveQuietly() {
        String json;
        Database db;
        synchronized (this) {
            if (!unsaved || database == null) return;
            db = database;
            try {
                json = Json.MAPPER.writeValueAsString(progress);
            } catch (IOException e) {
                return;
            }
            unsaved = false;
        }
        try {
            db.write(c -> PROGRESS.write(c, json));
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                unsaved = true;
            }
            log.warn("The gift milestones' count could not be saved (tried again in a second): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        saveQuietly();
    }
}
