package app.ltth.goals;

import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.SessionStart;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.input.ValidationException;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The goals of the open profile: moved by live events (coins of finished streaks, likes, follows, shares,
 * subscriptions), by REST and by flows. Overlays hear {@code goal:update} at most four times a second per goal and
 * {@code goal:reached} at once; progress is written to the database once a second, and when the profile closes.
 */
public final class GoalService implements ProfileManager.Listener, AutoCloseable {

    public static final String UPDATE = "goal:update";
    public static final String REACHED = "goal:reached";
    public static final String ALL = "goal:all";
    public static final String REMOVED = "goal:removed";
    private static final Logger log = LoggerFactory.getLogger(GoalService.class);

    /** Told of every change of progress, and whether it reached the goal (flows listen). */
    public interface Listener {
        void goalChanged(Goal goal, boolean reached);
    }

    private final SocketServer sockets;
    private final SessionStart sessions = new SessionStart();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Goal> goals = new LinkedHashMap<>();
    private final Set<String> unsent = new LinkedHashSet<>();
    private final Set<String> unsaved = new LinkedHashSet<>();
    private final ScheduledExecutorService timer = DaemonThreads.scheduler("ltth-goals");
    private GoalRepository repository;

    public GoalService(SocketServer sockets) {
        this.sockets = sockets;
        sockets.greetWith(ALL, () -> Map.of("goals", list()));
        timer.scheduleAtFixedRate(this::sendChanges, 250, 250, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::saveProgress, 1, 1, TimeUnit.SECONDS);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void profileClosing() {
        saveProgress();
    }

    @Override
    public void profileOpened(String profile, Database database) throws Exception {
        GoalRepository opened = new GoalRepository(database);
        List<Goal> loaded = opened.all();
        synchronized (this) {
            repository = opened;
            goals.clear();
            unsaved.clear();
            unsent.clear();
            loaded.forEach(g -> goals.put(g.id(), g));
        }
        sockets.broadcast(ALL, Map.of("goals", list()));
    }

    // ---- live events ---------------------------------------------------------------------------------------

    /** Bus listener. */
    public void onEvent(LiveEvent event) {
        if (sessions.isNewSession(event)) {
            resetForNewStream();
            return;
        }
        String metric;
        long amount;
        if (event instanceof GiftEvent g) {
            if (!g.isFinal()) return;   // a streak counts once, at its end
            metric = "coins";
            amount = g.coins();
        } else if (event instanceof LikeEvent l) {
            metric = "likes";
            amount = l.likeCount();
        } else if (event instanceof FollowEvent) {
            metric = "followers";
            amount = 1;
        } else if (event instanceof ShareEvent) {
            metric = "shares";
            amount = 1;
        } else if (event instanceof SubscribeEvent) {
            metric = "subscribers";
            amount = 1;
        } else {
            return;
        }
        if (amount <= 0) return;
        List<GoalRules.Change> changes = new ArrayList<>();
        synchronized (this) {
            for (Goal g : List.copyOf(goals.values())) {
                if (g.metric().equals(metric)) changes.add(apply(GoalRules.add(g, amount)));
            }
        }
        changes.forEach(this::announce);
    }

    private void resetForNewStream() {
        synchronized (this) {
            for (Goal g : List.copyOf(goals.values())) {
                if (g.resetOnNewStream()) apply(new GoalRules.Change(GoalRules.reset(g), false));
            }
        }
    }

    // ---- operations (REST and flows) -----------------------------------------------------------------------

    public synchronized List<Goal> list() {
        return List.copyOf(goals.values());
    }

    public synchronized Optional<Goal> get(String id) {
        return Optional.ofNullable(goals.get(id));
    }

    /** A goal by id, or else by name (flows may name it either way). */
    public synchronized Optional<Goal> find(String idOrName) {
        Goal byId = goals.get(idOrName);
        if (byId != null) return Optional.of(byId);
        return goals.values().stream().filter(g -> g.isCalled(idOrName)).findFirst();
    }

    public Goal create(JsonNode json) throws SQLException {
        String id = json.hasNonNull("id") ? json.get("id").asText() : "g" + UUID.randomUUID().toString().substring(0, 8);
        if (!Goal.ID.matcher(id).matches()) throw new ValidationException("id", "id must be 1-64 letters, digits, - or _");
        Goal goal = Goal.parse(json, id, null);
        synchronized (this) {
            if (goals.containsKey(id)) throw new ValidationException("id", "A goal with the id " + id + " exists already");
            repository().save(goal, goals.size());
            goals.put(id, goal);
        }
        sockets.broadcast(UPDATE, goal);
        return goal;
    }

    public Optional<Goal> update(String id, JsonNode json) throws SQLException {
        Goal updated;
        synchronized (this) {
            Goal previous = goals.get(id);
            if (previous == null) return Optional.empty();
            updated = Goal.parse(json, id, previous);
            repository().save(updated, position(id));
            goals.put(id, updated);
            unsaved.remove(id);
        }
        sockets.broadcast(UPDATE, updated);
        return Optional.of(updated);
    }

    public boolean delete(String id) throws SQLException {
        synchronized (this) {
            if (!goals.containsKey(id)) return false;
            repository().delete(id);
            goals.remove(id);
            unsaved.remove(id);
            unsent.remove(id);
        }
        sockets.broadcast(REMOVED, Map.of("id", id));
        return true;
    }

    public Optional<Goal> set(String id, long value) {
        return change(id, g -> GoalRules.set(g, value));
    }

    public Optional<Goal> add(String id, long amount) {
        return change(id, g -> GoalRules.add(g, amount));
    }

    public Optional<Goal> reset(String id) {
        return change(id, g -> new GoalRules.Change(GoalRules.reset(g), false));
    }

    private Optional<Goal> change(String id, java.util.function.Function<Goal, GoalRules.Change> rule) {
        GoalRules.Change change;
        synchronized (this) {
            Goal g = goals.get(id);
            if (g == null) return Optional.empty();
            change = apply(rule.apply(g));
        }
        announce(change);
        return Optional.of(change.goal());
    }

    // ---- bookkeeping ---------------------------------------------------------------------------------------

    private GoalRules.Change apply(GoalRules.Change change) {
        Goal g = change.goal();
        goals.put(g.id(), g);
        unsent.add(g.id());
        unsaved.add(g.id());
        return change;
    }

    private void announce(GoalRules.Change change) {
        if (change.reached()) sockets.broadcast(REACHED, change.goal());
        for (Listener l : listeners) {
            try {
                l.goalChanged(change.goal(), change.reached());
            } catch (RuntimeException e) {
                log.warn("A goal listener failed", e);
            }
        }
    }

    private int position(String id) {
        return new ArrayList<>(goals.keySet()).indexOf(id);
    }

    private GoalRepository repository() {
        if (repository == null) throw new IllegalStateException("No profile is open");
        return repository;
    }

    private void sendChanges() {
        List<Goal> changed;
        synchronized (this) {
            changed = unsent.stream().map(goals::get).filter(java.util.Objects::nonNull).toList();
            unsent.clear();
        }
        changed.forEach(g -> sockets.broadcast(UPDATE, g));
    }

    private void saveProgress() {
        List<Goal> changed;
        GoalRepository repo;
        synchronized (this) {
            changed = unsaved.stream().map(goals::get).filter(java.util.Objects::nonNull).toList();
            unsaved.clear();
            repo = repository;
        }
        if (repo == null || changed.isEmpty()) return;
        try {
            repo.saveProgress(changed);
        } catch (SQLException e) {
            log.warn("Could not save the progress of {} goals: {}", changed.size(), e.getMessage());
            synchronized (this) {
                changed.forEach(g -> unsaved.add(g.id()));
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        saveProgress();
    }
}
