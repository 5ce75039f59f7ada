package app.ltth.flows;

import app.ltth.commands.CommandCall;
import app.ltth.commands.CommandEngine;
import app.ltth.games.GameResult;
import app.ltth.games.GameRound;
import app.ltth.games.GameService;
import app.ltth.events.ChatEvent;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.CustomEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.UserEvent;
import app.ltth.goals.Goal;
import app.ltth.history.UserStatsRepository;
import app.ltth.plugin.FlowExtensions;
import app.ltth.stats.StreamStats;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.template.EventFields;
import app.ltth.template.Template;
import app.ltth.threads.DaemonThreads;
import app.ltth.viewers.ViewerModeration;
import app.ltth.viewers.ViewerXp;
import app.ltth.viewers.XpRules;
import app.ltth.timers.TimerDef;
import app.ltth.timers.TimerService;
import app.ltth.timers.TimerState;
import app.ltth.viewers.XpService;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the open profile's flows. The bus thread only matches triggers and checks conditions and limits (fast, pure);
 * the actions run on the flow's named queue ({@link FlowQueues}: serial or parallel, a maximum length and what happens
 * when it is full). A chain of flows running flows is cut at depth {@value #MAX_DEPTH} (the loop guard).
 */
public final class FlowEngine implements ProfileManager.Listener, AutoCloseable {

    static final int MAX_DEPTH = 3;
    static final int RECENT_RUNS = 200;
    private static final Logger log = LoggerFactory.getLogger(FlowEngine.class);

    private final SocketServer sockets;
    private final StreamStats stats;
    private final FlowActions actions;
    private final Path logDir;
    private final FlowQueues queues = new FlowQueues();
    private final ScheduledExecutorService timer;
    private final Map<String, Long> lastRun = new ConcurrentHashMap<>();
    private final Map<String, Long> lastUserRun = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final Map<String, Object> variables = new ConcurrentHashMap<>();
    private final Deque<FlowRun> runLog = new ArrayDeque<>();
    private final FlowRunLog runFile;
    private volatile Map<String, Flow> flows = Map.of();
    private final CommandEngine commands;
    private final ViewerModeration viewers;
    private final XpService xp;
    private final TimerService timers;
    private volatile FlowRepository repository;
    private volatile Set<String> topGifters = Set.of();
    private volatile Database database;

    /** @param modules what the actions drive: alerts, goals, speech, sounds, OBS, OSC */
    public FlowEngine(SocketServer sockets, StreamStats stats, FlowExtensions plugins, Modules modules,
                      CommandEngine commands, ViewerModeration viewers, java.net.http.HttpClient http, Path userData,
                      java.util.function.BooleanSupplier allowPrivate) {
        this.sockets = sockets;
        this.commands = commands;
        this.viewers = viewers;
        this.xp = modules.xp();
        this.timers = modules.timers();
        commands.onRan(this::commandRan);
        this.stats = stats;
        this.logDir = userData.resolve("flow_logs");
        this.actions = new FlowActions(sockets, plugins, modules, http, logDir, allowPrivate);
        this.runFile = new FlowRunLog(logDir);
        this.timer = DaemonThreads.scheduler("ltth-flow-timer");
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(runFile::flush, 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::refreshTopGifters, 0, 60, TimeUnit.SECONDS);
        plugins.onTrigger((trigger, data) -> fire(f -> "plugin".equals(f.trigger().type())
                && trigger.key().equals(f.trigger().plugin()), () -> new LinkedHashMap<>(data), "plugin " + trigger.key()));
    }

    @Override
    public synchronized void profileOpened(String profile, Database db) throws Exception {
        database = db;
        repository = new FlowRepository(db);
        variables.clear();
        reload();
        queues.configure(repository.queues());
        refreshTopGifters();
    }

    private void reload() throws java.sql.SQLException {
        Map<String, Flow> loaded = new LinkedHashMap<>();
        for (Flow f : repository.all()) loaded.put(f.id(), f);
        flows = Map.copyOf(loaded);
        commands.flowCommands(loaded.values().stream().filter(f -> "command".equals(f.trigger().type()))
                .map(f -> f.trigger().name()).collect(java.util.stream.Collectors.toSet()));
    }

    /** A chat command ran (the command engine checked who and how often): "command" triggers of that name. */
    public void commandRan(String command, CommandCall call, ChatEvent chat) {
        fire(f -> "command".equals(f.trigger().type()) && command.equals(f.trigger().name()), () -> {
            Map<String, Object> fields = EventFields.of(chat, stats.snapshot().coins(), ZoneId.systemDefault());
            fields.put("command", command);
            fields.put("args", call.rest());
            for (int i = 0; i < call.args().size(); i++) fields.put("arg" + (i + 1), call.args().get(i));
            return fields;
        }, "command !" + command);
    }

    private void refreshTopGifters() {
        Database db = database;
        if (db == null) return;
        try {
            topGifters = Set.copyOf(new UserStatsRepository(db).top(UserStatsRepository.Ranking.COINS, 10).stream()
                    .map(UserStatsRepository.UserTotals::userId).toList());
        } catch (Exception e) {
            log.debug("Top gifters not refreshed: {}", e.getMessage());
        }
    }

    // ---- the flows themselves ----------------------------------------------------------------------------

    public List<Flow> list() {
        return List.copyOf(flows.values());
    }

    public Optional<Flow> get(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    public synchronized void save(Flow flow) throws java.sql.SQLException {
        repository.save(flow);
        reload();
    }

    public synchronized boolean delete(String id) throws java.sql.SQLException {
        boolean deleted = repository.delete(id);
        reload();
        return deleted;
    }

    public Optional<Flow> byToken(String token) {
        return flows.values().stream().filter(f -> "webhook".equals(f.trigger().type())
                && token.equals(f.trigger().token())).findFirst();
    }

    public List<FlowRun> recentRuns() {
        synchronized (runLog) {
            return List.copyOf(runLog);
        }
    }

    // ---- triggers ----------------------------------------------------------------------------------------

    /**
     * Bus listener: finds the flows this event triggers. Gift streaks trigger once, at their end. Runs for every event
     * on the bus thread, so the fields are only built when some flow listens.
     */
    public void onEvent(LiveEvent event) {
        if (event instanceof GiftEvent g && !g.isFinal()) return;
        Supplier<Map<String, Object>> fields = () -> {
            Map<String, Object> f = EventFields.of(event, stats.snapshot().coins(), ZoneId.systemDefault());
            // {level} {xp} {points} of the viewer, as far as they earned any (only built when a flow listens)
            if (event instanceof UserEvent u) xp.cached(u.user().uniqueId()).ifPresent(v -> f.putAll(xpFields(v)));
            return f;
        };
        if (event instanceof ConnectionStatusEvent c) {
            fire(f -> "connection".equals(f.trigger().type())
                    && (f.trigger().state() == null || f.trigger().state().equals(c.state().wireName())), fields, "connection");
            return;
        }
        if (event instanceof CustomEvent custom) {
            fire(f -> "custom".equals(f.trigger().type())
                    && (f.trigger().name() == null || f.trigger().name().equals(custom.name())), fields,
                    "custom " + custom.name());
            return;
        }
        fire(f -> "event".equals(f.trigger().type()) && f.trigger().event() == event.type(), fields,
                "event " + event.type().wireName());
    }

    /** Timer listener: "timerEnded" triggers, for one timer by id or name, or any. */
    public void timerEnded(TimerDef timer, TimerState state) {
        fire(f -> "timerEnded".equals(f.trigger().type()) && (f.trigger().name() == null || timer.isCalled(f.trigger().name())), () -> {
            Map<String, Object> fields = timeFields();
            fields.put("timerId", timer.id());
            fields.put("timerName", timer.name());
            fields.put("rounds", state.rounds());
            fields.put("phase", state.phase());
            return fields;
        }, "timer " + timer.name());
    }

    /**
     * Games: "gameStarted" and "gameEnded" triggers (for one game, or any), with who played and what they won; a
     * prize that names a flow runs it with the same fields.
     */
    public GameService.Listener gameListener() {
        return new GameService.Listener() {
            @Override
            public void started(GameRound round) {
                fire(f -> "gameStarted".equals(f.trigger().type()) && gameMatches(f, round), () -> gameFields(round, null),
                        "game " + round.game() + " started");
            }

            @Override
            public void ended(GameRound round, GameResult result) {
                fire(f -> "gameEnded".equals(f.trigger().type()) && gameMatches(f, round), () -> gameFields(round, result),
                        "game " + round.game() + " ended");
                if (!result.flow().isEmpty()) {
                    Flow prize = flows.get(result.flow());
                    if (prize == null) prize = flows.values().stream().filter(f -> f.name().equalsIgnoreCase(result.flow())).findFirst().orElse(null);
                    if (prize == null) {
                        log.warn("A prize of {} names the flow '{}', which does not exist", round.game(), result.flow());
                    } else {
                        enqueue(prize, gameFields(round, result), "prize", new FlowRun.Builder(prize, "prize"));
                    }
                }
            }
        };
    }

    private static boolean gameMatches(Flow f, GameRound round) {
        return f.trigger().name() == null || f.trigger().name().equalsIgnoreCase(round.game());
    }

    private Map<String, Object> gameFields(GameRound round, GameResult result) {
        Map<String, Object> fields = timeFields();
        fields.put("game", round.game());
        fields.put("username", round.handle());
        fields.put("nickname", round.nickname());
        if (result != null) {
            fields.put("winner", result.winnerName().isEmpty() ? result.winner() : result.winnerName());
            fields.put("prize", result.prize());
            fields.put("points", result.points());
            fields.putAll(result.details());
        }
        return fields;
    }

    /** XP listener: "xp" triggers on levelUp, xpGained, dailyBonus or streak. */
    public void xpChanged(String what, ViewerXp viewer, XpRules.Outcome outcome) {
        fire(f -> "xp".equals(f.trigger().type()) && what.equals(f.trigger().on()), () -> {
            Map<String, Object> fields = timeFields();
            fields.put("username", viewer.handle());
            fields.put("nickname", viewer.nickname());
            fields.put("userId", viewer.userId());
            fields.putAll(xpFields(viewer));
            fields.put("oldLevel", outcome.oldLevel());
            fields.put("gained", outcome.xpGained());
            fields.put("streakDays", viewer.streakDays());
            return fields;
        }, "xp " + what);
    }

    private Map<String, Object> xpFields(ViewerXp viewer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("level", viewer.level());
        fields.put("levelName", xp.config().nameOf(viewer.level()));
        fields.put("xp", viewer.xp());
        fields.put("points", viewer.points());
        return fields;
    }

    /** Goal listener: "goal" triggers, on every change of progress or when the goal is reached. */
    public void goalChanged(Goal goal, boolean reached) {
        fire(f -> "goal".equals(f.trigger().type())
                && (f.trigger().name() == null || goal.isCalled(f.trigger().name()))
                && (reached || "progress".equals(f.trigger().on())), () -> {
                    Map<String, Object> fields = timeFields();
                    fields.put("goalId", goal.id());
                    fields.put("goalName", goal.name());
                    fields.put("goalValue", goal.current());
                    fields.put("goalTarget", goal.currentTarget());
                    fields.put("goalPercent", Math.round(goal.percent()));
                    fields.put("goalReached", reached);
                    return fields;
                }, "goal " + goal.id() + (reached ? " reached" : ""));
    }

    private void fire(Predicate<Flow> matches, Supplier<Map<String, Object>> fields, String trigger) {
        Map<String, Object> built = null;
        Condition.Env env = null;   // one for all flows: their regex conditions share one time budget per event
        for (Flow f : flows.values()) {
            if (!f.enabled() || !matches.test(f)) continue;
            if (built == null) {
                built = fields.get();
                env = env();
            }
            consider(f, new LinkedHashMap<>(built), trigger, env);
        }
    }

    private void tick() {
        LocalDateTime now = LocalDateTime.now();
        long epochSecond = System.currentTimeMillis() / 1000;
        for (Flow f : flows.values()) {
            Flow.Trigger t = f.trigger();
            if (!f.enabled() || !"timer".equals(t.type())) continue;
            boolean due = t.everySeconds() > 0 ? epochSecond % t.everySeconds() == 0
                    : t.days().contains(now.getDayOfWeek()) && now.toLocalTime().withNano(0).equals(t.at());
            if (due) consider(f, timeFields(), "timer", env());
        }
    }

    private Map<String, Object> timeFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("date", LocalDate.now().toString());
        fields.put("time", LocalTime.now().withSecond(0).withNano(0).toString());
        fields.put("totalCoins", stats.snapshot().coins());
        return fields;
    }

    /** The dashboard's run button and {@code POST /api/flows/{id}/run}: runs it now, conditions aside. */
    public void runManually(Flow flow) {
        enqueue(flow, timeFields(), "manual", new FlowRun.Builder(flow, "manual"));
    }

    /** An incoming webhook: its JSON fields are the run's fields. */
    public void runWebhook(Flow flow, Map<String, Object> body) {
        Map<String, Object> fields = timeFields();
        fields.putAll(body);
        consider(flow, fields, "webhook", env());
    }

    /** Conditions and limits, then the queue. */
    private void consider(Flow flow, Map<String, Object> fields, String trigger, Condition.Env env) {
        if (!flow.conditions().test(fields, env)) return;   // not matching is the normal case: not logged, or the log drowns
        FlowRun.Builder run = new FlowRun.Builder(flow, trigger);
        run.conditions = flow.conditions().describe();
        String skip = limits(flow, fields, System.currentTimeMillis());
        if (skip != null) {
            record(run.finish("skipped: " + skip));
            return;
        }
        enqueue(flow, fields, trigger, run);
    }

    private Condition.Env env() {
        RegexBudget budget = RegexBudget.startingNow();
        return new Condition.Env() {
            public RegexBudget regexBudget() {
                return budget;
            }

            public double random() {
                return ThreadLocalRandom.current().nextDouble();
            }

            public LocalTime now() {
                return LocalTime.now();
            }

            public boolean isTopGifter(String userId) {
                return topGifters.contains(userId);
            }

            public String commandPrefixes() {
                return commands.prefixes();
            }

            public boolean isVip(String username) {
                return viewers.of(username).vip();
            }
        };
    }

    /** @return why the run must not happen now, or null */
    private synchronized String limits(Flow flow, Map<String, Object> fields, long now) {
        if (flow.cooldownSeconds() > 0) {
            Long last = lastRun.get(flow.id());
            if (last != null && now - last < flow.cooldownSeconds() * 1000L) return "cooldown";
        }
        String user = fields.get("userId") == null ? null : flow.id() + "|" + fields.get("userId");
        if (user != null && flow.userCooldownSeconds() > 0) {
            Long last = lastUserRun.get(user);
            if (last != null && now - last < flow.userCooldownSeconds() * 1000L) return "user cooldown";
        }
        if (flow.maxRunsPerMinute() > 0) {
            Deque<Long> times = recent.computeIfAbsent(flow.id(), k -> new ArrayDeque<>());
            while (!times.isEmpty() && now - times.peekFirst() >= 60_000) times.pollFirst();
            if (times.size() >= flow.maxRunsPerMinute()) return "rate limit";
            times.addLast(now);
        }
        // Kept only for flows that have the limit: one entry per viewer and flow would otherwise grow all stream long.
        if (flow.cooldownSeconds() > 0) lastRun.put(flow.id(), now);
        if (user != null && flow.userCooldownSeconds() > 0) lastUserRun.put(user, now);
        return null;
    }

    private void enqueue(Flow flow, Map<String, Object> fields, String trigger, FlowRun.Builder run) {
        queues.submit(flow.queue(), new FlowQueues.Job() {
            public void run() {
                record(execute(flow, fields, run, 0));
            }

            public void dropped(String reason) {
                record(run.finish("skipped: " + reason));
            }
        });
    }

    // ---- queues --------------------------------------------------------------------------------------------

    /** Every queue a flow uses or the streamer configured, with how it behaves and how full it is now. */
    public List<Map<String, Object>> queueStatus() {
        Set<String> configured = Set.copyOf(queues.configured().stream().map(FlowQueues.Config::name).toList());
        TreeSet<String> names = new TreeSet<>(List.of("default", "parallel"));
        flows.values().forEach(f -> names.add(f.queue()));
        names.addAll(configured);
        List<Map<String, Object>> status = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> q = queues.config(name).json();
            q.put("configured", configured.contains(name));
            q.put("waiting", queues.waiting(name));
            q.put("running", queues.running(name));
            q.put("flows", flows.values().stream().filter(f -> f.queue().equals(name)).map(Flow::id).toList());
            status.add(q);
        }
        return status;
    }

    public synchronized Map<String, Object> configureQueue(String name, JsonNode json)
            throws java.sql.SQLException {
        FlowQueues.Config config = FlowQueues.Config.parse(name, json);
        repository.saveQueue(config);
        queues.configure(config);
        return config.json();
    }

    /** The queue behaves as the standard one again. */
    public synchronized Map<String, Object> resetQueue(String name) throws java.sql.SQLException {
        repository.deleteQueue(name);
        queues.reset(name);
        return queues.config(name).json();
    }

    /** Runs the flow on the calling thread and says what it did: the test button and nested flows use this. */
    public FlowRun test(Flow flow, Map<String, Object> fields) {
        FlowRun.Builder run = new FlowRun.Builder(flow, "test");
        run.conditions = flow.conditions().describe();
        run.passed = flow.conditions().test(fields, env());
        FlowRun result = execute(flow, new LinkedHashMap<>(fields), run, 0);
        record(result);
        return result;
    }

    private FlowRun execute(Flow flow, Map<String, Object> fields, FlowRun.Builder run, int depth) {
        variables.forEach((k, v) -> fields.put("var." + k, v));
        List<Flow.Action> chosen = flow.random()
                ? List.of(flow.actions().get(ThreadLocalRandom.current().nextInt(flow.actions().size())))
                : flow.actions();
        boolean failed = false;
        for (Flow.Action a : chosen) {
            long start = System.nanoTime();
            String outcome = "ok";
            String result;
            fields.putAll(timers.placeholders());   // {timer:Subathon} as it is now, after the steps before
            try {
                result = String.valueOf(step(a, fields, depth));
            } catch (FlowActions.NotAvailable e) {
                outcome = "not available";
                result = e.getMessage();
            } catch (LoopGuard e) {
                run.steps.add(new FlowRun.Step(a.type(), (System.nanoTime() - start) / 1_000_000, "failed", e.getMessage()));
                return run.finish("loop guard");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return run.finish("stopped");
            } catch (Exception e) {
                outcome = "failed";
                result = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failed = true;
            }
            run.steps.add(new FlowRun.Step(a.type(), (System.nanoTime() - start) / 1_000_000, outcome, result));
        }
        return run.finish(failed ? "failed" : "done");
    }

    private static final class LoopGuard extends Exception {
        LoopGuard(String message) {
            super(message);
        }
    }

    private Object step(Flow.Action a, Map<String, Object> fields, int depth) throws Exception {
        switch (a.type()) {
            case "wait" -> {
                Thread.sleep((long) (a.number("seconds", 0) * 1000));
                return "waited";
            }
            case "variable" -> {
                String name = a.text("name", "");
                Object value = a.params().get("value").isNumber() ? whole(a.params().get("value").asDouble())
                        : Template.render(a.params().get("value").asText(), fields);
                if (a.text("op", "set").equals("add")) {
                    value = variables.merge(name, value, (old, add) -> whole(toNumber(old) + toNumber(add)));
                } else {
                    variables.put(name, value);
                }
                fields.put("var." + name, value);
                return name + " = " + value;
            }
            case "runFlow" -> {
                if (depth + 1 >= MAX_DEPTH) {
                    throw new LoopGuard("stopped: flows ran flows " + MAX_DEPTH + " deep (a flow that triggers itself?)");
                }
                Flow target = flows.get(a.text("flow", ""));
                if (target == null) throw new IllegalArgumentException("there is no flow " + a.text("flow", ""));
                FlowRun nested = execute(target, new LinkedHashMap<>(fields), new FlowRun.Builder(target, "flow " + depth), depth + 1);
                if (nested.status().equals("loop guard")) throw new LoopGuard(nested.steps().get(nested.steps().size() - 1).result());
                return target.name() + ": " + nested.status();
            }
            default -> {
                return actions.run(a, fields);
            }
        }
    }

    /** 3.0 reads as 3 on stream; 2.5 stays 2.5. */
    private static Object whole(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }

    private static double toNumber(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(String.valueOf(o));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void record(FlowRun run) {
        synchronized (runLog) {
            runLog.addFirst(run);
            while (runLog.size() > RECENT_RUNS) runLog.removeLast();
        }
        sockets.broadcast("flow:run", run);
        runFile.append(run);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        queues.close();
        runFile.close();
    }
}
