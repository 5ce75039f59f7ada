package app.ltth;

import app.ltth.alerts.AlertController;
import app.ltth.alerts.AlertService;
import app.ltth.audio.AudioOut;
import app.ltth.commands.BuiltInCommands;
import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandsController;
import app.ltth.config.AppConfig;
import app.ltth.customevents.CustomEventInput;
import app.ltth.customevents.CustomEventsController;
import app.ltth.desktop.UpdateCheck;
import app.ltth.effects.EffectController;
import app.ltth.effects.EffectService;
import app.ltth.eventapi.EventApi;
import app.ltth.eventapi.EventApiController;
import app.ltth.minecraft.MinecraftController;
import app.ltth.minecraft.MinecraftService;
import app.ltth.openshock.OpenShockController;
import app.ltth.openshock.OpenShockService;
import app.ltth.streamerbot.StreamerBotConnection;
import app.ltth.streamerbot.StreamerBotController;
import app.ltth.streamerbot.StreamerBotService;
import app.ltth.events.ConnectionState;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.EventBus;
import app.ltth.files.FileModes;
import app.ltth.firstrun.FirstRun;
import app.ltth.firstrun.FirstRunController;
import app.ltth.flows.FlowController;
import app.ltth.flows.FlowEngine;
import app.ltth.flows.Modules;
import app.ltth.games.CoinBattleGame;
import app.ltth.games.GameController;
import app.ltth.games.GameService;
import app.ltth.games.PlinkoGame;
import app.ltth.games.QuizGame;
import app.ltth.games.WheelGame;
import app.ltth.goals.GoalController;
import app.ltth.goals.GoalService;
import app.ltth.health.Health;
import app.ltth.health.HealthController;
import app.ltth.health.HealthReport;
import app.ltth.history.EventLogWriter;
import app.ltth.history.HistoryController;
import app.ltth.history.Retention;
import app.ltth.i18n.Locales;
import app.ltth.i18n.Texts;
import app.ltth.input.ValidationException;
import app.ltth.lan.LanController;
import app.ltth.lan.LanMode;
import app.ltth.leaderboard.LeaderboardController;
import app.ltth.leaderboard.Leaderboards;
import app.ltth.live.LiveController;
import app.ltth.live.LiveSourceManager;
import app.ltth.live.Simulator;
import app.ltth.live.TikTokSources;
import app.ltth.live.replay.ReplayController;
import app.ltth.live.replay.ReplaySource;
import app.ltth.logs.LogsController;
import app.ltth.logs.RecentLogLines;
import app.ltth.media.MediaController;
import app.ltth.milestones.MilestoneController;
import app.ltth.milestones.MilestoneService;
import app.ltth.multicam.MultiCamController;
import app.ltth.multicam.MultiCamService;
import app.ltth.obs.ObsController;
import app.ltth.obs.ObsService;
import app.ltth.osc.OscBridge;
import app.ltth.osc.OscController;
import app.ltth.overlays.OverlayController;
import app.ltth.pages.DashboardPages;
import app.ltth.plugin.BuiltInPlugin;
import app.ltth.plugin.FlowExtensions;
import app.ltth.plugin.PluginController;
import app.ltth.plugin.PluginManager;
import app.ltth.settings.SettingsController;
import app.ltth.settings.SettingsRegistry;
import app.ltth.settings.SettingsService;
import app.ltth.sound.MyInstants;
import app.ltth.sound.SoundboardController;
import app.ltth.sound.SoundboardService;
import app.ltth.spotlights.SpotlightService;
import app.ltth.timers.TimerController;
import app.ltth.timers.TimerService;
import app.ltth.startup.AlreadyRunningException;
import app.ltth.startup.InstanceLock;
import app.ltth.startup.PortAllocator;
import app.ltth.startup.StartupException;
import app.ltth.stats.StreamStats;
import app.ltth.store.Backups;
import app.ltth.store.DailyBackups;
import app.ltth.store.ProfileArchive;
import app.ltth.store.ProfileManager;
import app.ltth.store.ProfileStore;
import app.ltth.store.StoreController;
import app.ltth.threads.DaemonThreads;
import app.ltth.tts.CloudTts;
import app.ltth.tts.LocalTts;
import app.ltth.tts.TtsController;
import app.ltth.tts.TtsService;
import app.ltth.vdoninja.VdoNinjaController;
import app.ltth.vdoninja.VdoNinjaService;
import app.ltth.version.Version;
import app.ltth.viewers.ViewerDirectory;
import app.ltth.viewers.ViewerModeration;
import app.ltth.viewers.ViewersController;
import app.ltth.viewers.XpService;
import app.ltth.web.AppStatus;
import app.ltth.web.SocketBridge;
import app.ltth.web.SocketEvents;
import app.ltth.web.SocketServer;
import app.ltth.web.WebServer;
import io.javalin.config.RoutesConfig;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running LTTH: boots its parts in order (data folder, ports, store, bus, modules, real-time channel, web,
 * live source) and stops them in the order that loses nothing (source first, then the bus drains into every
 * listener, then the servers, and the database last).
 *
 * <p>If a part fails to start, everything started so far is stopped again and {@link StartupException} names the
 * part: no half-started server is left running.
 */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Events the bus holds before its backpressure policy applies. */
    static final int BUS_CAPACITY = 10_000;
    static final Duration BUS_HIGH_PRIORITY_WAIT = Duration.ofMillis(500);

    private final AppConfig config;
    private final long startedAt = System.currentTimeMillis();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private InstanceLock lock;
    private int httpPort;
    private int socketPort;
    private ProfileManager profiles;
    private SettingsService settings;
    private Locales locales;
    private EventLogWriter eventLog;
    private HistoryController history;
    private ScheduledExecutorService maintenance;
    private EventBus bus;
    private Health health;
    private StreamStats stats;
    private LiveSourceManager sources;
    private Simulator simulator;
    private TikTokSources tiktok;
    private SocketServer sockets;
    private SocketBridge bridge;
    private WebServer web;
    private LanMode lan;
    private CustomEventInput customEvents;
    private PluginManager plugins;
    private FlowEngine flows;
    private AlertService alerts;
    private GoalService goals;
    private SpotlightService spotlights;
    private MilestoneService milestones;
    private TimerService timers;
    private EffectService effects;
    private EventApi eventApi;
    private StreamerBotService streamerBot;
    private MinecraftService minecraft;
    private OpenShockService openShock;
    private GameService games;
    private WheelGame wheel;
    private PlinkoGame plinko;
    private CoinBattleGame battle;
    private QuizGame quiz;
    private Leaderboards leaderboards;
    private ViewerModeration viewers;
    private CommandEngine commands;
    private XpService xp;
    private ViewerDirectory viewerDirectory;
    private AudioOut audio;
    private TtsService tts;
    private SoundboardService sounds;
    private MyInstants myInstants;
    private ObsService obs;
    private OscBridge osc;
    private MultiCamService multiCam;
    private VdoNinjaService vdoNinja;
    private FirstRun firstRun;
    private final UpdateCheck updates = new UpdateCheck(Version.current());
    /** The Logs page's lines, from the first line of the start on. */
    private final RecentLogLines logLines = RecentLogLines.attach();
    private final AtomicBoolean closed = new AtomicBoolean();

    private App(AppConfig config) {
        this.config = config;
    }

    public static App start(AppConfig config) throws StartupException, AlreadyRunningException {
        App app = new App(config);
        List<Step> steps = List.of(
                new Step("data folder", app::lockDataFolder),
                new Step("network ports", app::choosePorts),
                new Step("profile database", app::openStore),
                new Step("event bus", app::startBus),
                new Step("modules", app::startModules),
                new Step("Socket.IO server", app::startSockets),
                new Step("alerts, goals and leaderboards", app::startOverlayModules),
                new Step("effects and games", app::startEffectsAndGames),
                new Step("sound and speech", app::startAudio),
                new Step("OBS, OSC and cams", app::startStudio),
                new Step("Event API and bridges", app::startInterop),
                new Step("flows and plugins", app::startFlowsAndPlugins),
                new Step("web server", app::startWeb),
                new Step("LAN mode and event input", app::restoreLanMode),
                new Step("live source", app::startLiveSource),
                new Step("update check", app::startUpdateCheck));
        long startedAt = System.nanoTime();
        StringJoiner slow = new StringJoiner(", ");
        for (Step step : steps) {
            long stepAt = System.nanoTime();
            try {
                step.action().run();
                long ms = (System.nanoTime() - stepAt) / 1_000_000;
                if (ms >= SLOW_STEP_MS) slow.add(step.name() + " " + ms + " ms");
            } catch (AlreadyRunningException e) {
                app.close();
                throw e;
            } catch (Exception e) {
                app.close();
                throw new StartupException(step.name(), e);
            }
        }
        log.info("LTTH {} is running: dashboard {} (profile '{}', data in {}; started in {} ms{})", Version.current(),
                app.dashboardUrl(), app.profiles.active(), config.dataDir(), (System.nanoTime() - startedAt) / 1_000_000,
                slow.length() == 0 ? "" : ": " + slow);
        return app;
    }

    /** Start-up steps at least this slow are named in the "is running" line, so a slow start says where it went. */
    private static final long SLOW_STEP_MS = 100;

    private record Step(String name, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void lockDataFolder() throws Exception {
        FileModes.privateDir(config.userData());
        FileModes.privateDir(config.dataDir().resolve(ProfileStore.CONFIGS_DIR));
        lock = InstanceLock.tryAcquire(config.userData()).orElse(null);
        if (lock == null) {
            throw new AlreadyRunningException(InstanceLock.runningDashboard(config.userData()));
        }
    }

    private void choosePorts() throws Exception {
        httpPort = PortAllocator.choose(AppConfig.HOST, config.httpPort(), -1);
        socketPort = PortAllocator.choose(AppConfig.HOST, config.socketPort(), httpPort);
        noteMovedPort("dashboard", config.httpPort(), httpPort);
        noteMovedPort("Socket.IO", config.socketPort(), socketPort);
    }

    private void noteMovedPort(String what, int wanted, int chosen) {
        if (wanted != 0 && wanted != chosen) {
            String notice = "Port " + wanted + " is used by another program, so the " + what + " uses port " + chosen
                    + " for this run. Overlay URLs in OBS must use the new port, or close the other program and "
                    + "restart LTTH.";
            notices.add(notice);
            log.warn(notice);
        }
    }

    private void openStore() throws Exception {
        Backups backups = new Backups(config.userData(), 7);
        ProfileStore store = new ProfileStore(config.dataDir(), backups);
        profiles = new ProfileManager(store, backups, notices::add);
        profiles.open(config.profile().orElseGet(store::activeProfile));
        settings = new SettingsService();
        locales = new Locales(config.appHome().resolve("locales"));
        profiles.addListener(settings);
        settings.onChange(s -> backups.setKeep((int) s.number(SettingsRegistry.BACKUPS_KEEP)));
    }

    private void startBus() {
        bus = new EventBus(BUS_CAPACITY, BUS_HIGH_PRIORITY_WAIT);
        health = new Health(bus);
        bus.subscribe("health", health::onEvent);
    }

    private void startModules() throws Exception {
        eventLog = new EventLogWriter();
        profiles.addListener(eventLog);
        bus.subscribe("event-log", eventLog::onEvent);
        history = new HistoryController();
        profiles.addListener(history);
        maintenance = DaemonThreads.scheduler("ltth-maintenance");
        maintenance.scheduleWithFixedDelay(new DailyBackups(profiles), 1, 60, TimeUnit.MINUTES);
        maintenance.scheduleWithFixedDelay(new Retention(profiles, settings), 0, 60, TimeUnit.MINUTES);
        stats = new StreamStats();
        bus.subscribe("stream-stats", stats::onEvent);
        sources = new LiveSourceManager(bus);
        simulator = new Simulator();
        tiktok = new TikTokSources(settings, recordingsDir());
    }

    private void startSockets() throws Exception {
        sockets = new SocketServer(AppConfig.HOST, socketPort, ownOrigins());
        sockets.start();
        bridge = new SocketBridge(sockets, stats, sources, bus, health.overlayLatency());
        audio = new AudioOut(sockets);
        settings.onChange(s -> audio.configure(s.number(SettingsRegistry.AUDIO_VOLUME), s.number(SettingsRegistry.AUDIO_DUCK)));
        bus.subscribe("socket-bridge", bridge::onEvent);
    }

    private void startOverlayModules() throws Exception {
        alerts = new AlertService(sockets, audio, stats, texts());
        settings.onChange(s -> alerts.useLanguage(texts()));
        profiles.addListener(alerts);
        settings.onChange(s -> alerts.configureQueue((int) s.number(SettingsRegistry.ALERTS_QUEUE_MAX),
                s.text(SettingsRegistry.ALERTS_OVERFLOW)));
        bus.subscribe("alerts", alerts::onEvent);
        firstRun = new FirstRun(profiles, sockets);
        profiles.addListener(firstRun);
        sockets.onOverlayHello(firstRun::overlayConnected);
        sockets.on(SocketEvents.ALERT_SHOWN, shown -> firstRun.testShown());
        bus.subscribe("first-run", event -> {
            if (event instanceof ConnectionStatusEvent s && s.state() == ConnectionState.LIVE && s.source().equals("tiktok")) {
                firstRun.wentLive();
            }
        });
        goals = new GoalService(sockets);
        spotlights = new SpotlightService(sockets);
        profiles.addListener(spotlights);
        milestones = new MilestoneService(alerts::celebrate, this::texts);
        profiles.addListener(milestones);
        timers = new TimerService(sockets, () -> commands.prefixes());
        profiles.addListener(timers);
        profiles.addListener(goals);
        bus.subscribe("goals", goals::onEvent);
        viewers = new ViewerModeration(profiles, sockets);
        profiles.addListener(viewers);
        xp = new XpService(profiles, sockets, ZoneId::systemDefault);
        profiles.addListener(xp);
        viewerDirectory = new ViewerDirectory(profiles, xp);
        profiles.addListener(viewerDirectory);
        commands = new CommandEngine(profiles, viewers, () -> settings.text(SettingsRegistry.COMMANDS_PREFIX),
                () -> settings.text(SettingsRegistry.TIKTOK_USERNAME), xp::levelOf);
        profiles.addListener(commands);
        bus.subscribeAsync("commands", 1_000, commands::onEvent);
        leaderboards = new Leaderboards(sockets);
        profiles.addListener(leaderboards);
        bus.subscribe("leaderboards", leaderboards::onEvent);
    }

    /**
     * Weather, fireworks and the emoji rain's commands, and the games (wheel, plinko, coin battle, quiz) on their common
     * queue of rounds, whose prizes are paid into the viewers' points.
     */
    private void startEffectsAndGames() throws Exception {
        effects = new EffectService(sockets, System::currentTimeMillis);
        profiles.addListener(effects);
        effects.registerCommands(commands);
        goals.addListener((goal, reached) -> {
            if (reached) effects.goalReached();
        });
        games = new GameService(sockets,
                url -> audio.play(new AudioOut.Clip(audio.nextId("game"), AudioOut.Channel.SOUND, url, 1.0, 0, null)),
                bus::publish, new GameService.Bank() {
            @Override
            public void pay(String handle, long points, String reason) {
                xp.change(handle, "points", points, reason);
            }

            @Override
            public boolean take(String handle, long points, String reason) {
                return xp.spend(handle, points, reason);
            }
        }, new java.security.SecureRandom()::nextLong, System::currentTimeMillis);
        profiles.addListener(games);
        wheel = new WheelGame(games);
        profiles.addListener(wheel);
        wheel.registerCommands(commands);
        plinko = new PlinkoGame(games);
        profiles.addListener(plinko);
        plinko.registerCommands(commands);
        battle = new CoinBattleGame(games, sockets, System::currentTimeMillis);
        profiles.addListener(battle);
        battle.registerCommands(commands);
        quiz = new QuizGame(games, sockets, System::currentTimeMillis,
                () -> Locales.resolve(settings.text(SettingsRegistry.UI_LANGUAGE)), this::answer);
        profiles.addListener(quiz);
        quiz.registerCommands(commands);
    }

    /** TTS and the soundboard (both run as built-in plugins), which play through the audio overlay. */
    private void startAudio() throws Exception {
        // Never follows a redirect: these requests carry keys, which must not reach wherever a service points to.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        tts = new TtsService(List.of(new LocalTts(() -> settings.text(SettingsRegistry.TTS_LOCAL_PROGRAM), config.userData().resolve("tmp")),
                new CloudTts.TikTok(http, () -> settings.text(SettingsRegistry.TTS_TIKTOK_SESSION), () -> settings.text(SettingsRegistry.TTS_TIKTOK_URL)),
                new CloudTts.Google(http, () -> settings.text(SettingsRegistry.TTS_GOOGLE_KEY), () -> settings.text(SettingsRegistry.TTS_GOOGLE_URL)),
                new CloudTts.ElevenLabs(http, () -> settings.text(SettingsRegistry.TTS_ELEVENLABS_KEY),
                        () -> settings.text(SettingsRegistry.TTS_ELEVENLABS_URL)),
                new CloudTts.OpenAi(http, () -> settings.text(SettingsRegistry.TTS_OPENAI_KEY), () -> settings.text(SettingsRegistry.TTS_OPENAI_URL))),
                audio, sockets, profiles, viewers, commands, config.userData().resolve("tts_cache"), texts());
        BuiltInCommands.register(commands, xp, viewerDirectory, this::texts, this::answer);
        settings.onChange(s -> tts.useLanguage(texts()));
        profiles.addListener(tts);
        sounds = new SoundboardService(audio, profiles);
        profiles.addListener(sounds);
        myInstants = new MyInstants(http, () -> settings.text(SettingsRegistry.MYINSTANTS_URL),
                config.userData().resolve("sounds").resolve("myinstants"));
    }

    /** The streamer's other tools: OBS connections, the OSC bridge (VRChat), the cam switcher and VDO.Ninja rooms. */
    private void startStudio() throws Exception {
        obs = new ObsService(sockets, profiles, HttpClient.newHttpClient(), Duration.ofSeconds(1), Duration.ofSeconds(10));
        profiles.addListener(obs);
        osc = new OscBridge(sockets, profiles);
        profiles.addListener(osc);
        multiCam = new MultiCamService(obs, sockets, profiles, viewers, commands);
        profiles.addListener(multiCam);
        vdoNinja = new VdoNinjaService(profiles);
        profiles.addListener(vdoNinja);
    }

    /**
     * What other programs read and run: TikFinity's Event API for widgets and mods, Streamer.bot's actions, the bridge
     * Minecraft mods connect to, OpenShock devices.
     */
    private void startInterop() throws Exception {
        eventApi = new EventApi((address, token) -> lan.admitsReader(address, token), () -> lan.overlayToken(),
                System::currentTimeMillis);
        settings.onChange(s -> eventApi.usePort((int) s.number(SettingsRegistry.EVENT_API_PORT)));
        minecraft = new MinecraftService(sockets, System::currentTimeMillis);
        profiles.addListener(minecraft);
        settings.onChange(s -> minecraft.usePort((int) s.number(SettingsRegistry.MINECRAFT_PORT)));
        openShock = new OpenShockService(sockets, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                () -> settings.text(SettingsRegistry.OPENSHOCK_URL), () -> settings.text(SettingsRegistry.OPENSHOCK_TOKEN),
                System::currentTimeMillis, ZoneId.systemDefault());
        profiles.addListener(openShock);
        streamerBot = new StreamerBotService(sockets, HttpClient.newHttpClient(), System::currentTimeMillis, Duration.ofSeconds(1));
        settings.onChange(s -> {
            String host = s.text(SettingsRegistry.STREAMERBOT_HOST);
            String endpoint = s.text(SettingsRegistry.STREAMERBOT_ENDPOINT);
            streamerBot.configure(new StreamerBotConnection.Target(host.isEmpty() ? "127.0.0.1" : host,
                    (int) s.number(SettingsRegistry.STREAMERBOT_PORT), endpoint.isEmpty() ? "/" : endpoint,
                    s.text(SettingsRegistry.STREAMERBOT_PASSWORD)), s.bool(SettingsRegistry.STREAMERBOT_CONNECT));
        });
    }

    private void startFlowsAndPlugins() throws Exception {
        FlowExtensions flowExtensions = new FlowExtensions();
        flows = new FlowEngine(sockets, stats, flowExtensions, new Modules(alerts, goals, tts, sounds, obs, osc, xp, timers, effects, List.of(wheel, plinko, battle, quiz), streamerBot, minecraft, openShock), commands, viewers,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), config.userData(),
                () -> settings.bool(SettingsRegistry.FLOWS_ALLOW_PRIVATE));
        profiles.addListener(flows);
        bus.subscribe("flows", flows::onEvent);
        goals.addListener(flows::goalChanged);
        plugins = new PluginManager(config.appHome().resolve("plugins"), config.userData(), bus, sockets,
                flowExtensions, commands, profiles);
        plugins.addBuiltIn("soundboard", builtInName("soundboard"), builtInDescription("soundboard"), true, () -> new BuiltInPlugin(sounds::setActive, sounds::onEvent));
        plugins.addBuiltIn("tts", builtInName("tts"), builtInDescription("tts"), true, () -> new BuiltInPlugin(tts::setActive, tts::onEvent));
        // these two open network ports or change the stream, so the streamer turns them on
        plugins.addBuiltIn("osc", builtInName("osc"), builtInDescription("osc"), false, () -> new BuiltInPlugin(osc::setActive, osc::onEvent));
        plugins.addBuiltIn("multicam", builtInName("multicam"), builtInDescription("multicam"), false, () -> new BuiltInPlugin(multiCam::setActive, multiCam::onEvent));
        plugins.addBuiltIn("xp", builtInName("xp"), builtInDescription("xp"), true, () -> new BuiltInPlugin(xp::setActive, xp::onEvent));
        xp.addListener(flows::xpChanged);
        timers.addListener(flows::timerEnded);
        plugins.addBuiltIn("spotlights", builtInName("spotlights"), builtInDescription("spotlights"), true,
                () -> new BuiltInPlugin(spotlights::setActive, spotlights::onEvent));
        plugins.addBuiltIn("milestones", builtInName("milestones"), builtInDescription("milestones"), true,
                () -> new BuiltInPlugin(milestones::setActive, milestones::onEvent));
        plugins.addBuiltIn("timers", builtInName("timers"), builtInDescription("timers"), true,
                () -> new BuiltInPlugin(timers::setActive, timers::onEvent));
        plugins.addBuiltIn("effects", builtInName("effects"), builtInDescription("effects"), true,
                () -> new BuiltInPlugin(effects::setActive, effects::onEvent));
        plugins.addBuiltIn("wheel", builtInName("wheel"), builtInDescription("wheel"), true,
                () -> new BuiltInPlugin(wheel::setActive, wheel::onEvent));
        plugins.addBuiltIn("plinko", builtInName("plinko"), builtInDescription("plinko"), true,
                () -> new BuiltInPlugin(plinko::setActive, plinko::onEvent));
        plugins.addBuiltIn("coinbattle", builtInName("coinbattle"), builtInDescription("coinbattle"), true,
                () -> new BuiltInPlugin(battle::setActive, battle::onEvent));
        plugins.addBuiltIn("quiz", builtInName("quiz"), builtInDescription("quiz"), true,
                () -> new BuiltInPlugin(quiz::setActive, quiz::onEvent));
        games.addListener(flows.gameListener());
        plugins.addBuiltIn("minecraft", builtInName("minecraft"), builtInDescription("minecraft"), false,
                () -> new BuiltInPlugin(minecraft::setActive, minecraft::onEvent));
        // a device on a person: never on by itself
        plugins.addBuiltIn("openshock", builtInName("openshock"), builtInDescription("openshock"), false,
                () -> new BuiltInPlugin(openShock::setActive, openShock::onEvent));
        plugins.addBuiltIn("event-api", builtInName("event-api"), builtInDescription("event-api"), false,
                () -> new BuiltInPlugin(eventApi::setActive, eventApi::onEvent));
        plugins.addBuiltIn("vdoninja", builtInName("vdoninja"), builtInDescription("vdoninja"), true, () -> new BuiltInPlugin(vdoNinja::setActive, null));
        plugins.scan();
        profiles.addListener(plugins);
    }

    private void startWeb() throws Exception {
        LiveController live = new LiveController(bus, sources, simulator, profiles, settings, tiktok);
        StoreController store = new StoreController(profiles,
                new ProfileArchive(profiles.store(), config.userData().resolve("tmp"), ProfileArchive.DEFAULT_MAX_IMPORT_BYTES,
                        List.of(SettingsService::removeSecrets, ObsService::removePasswords)));
        lan = new LanMode(config.userData().resolve("lan.json"), () -> web, sockets, socketPort);
        customEvents = new CustomEventInput(config.userData().resolve("event-input.json"), bus::publish);
        lan.addListener(customEvents::lanChanged);
        lan.addListener(eventApi::lanChanged);
        List<Consumer<RoutesConfig>> apis = List.of(new LanController(lan), new CustomEventsController(customEvents)::routes, live::routes, store::routes, history::routes,
                new SettingsController(settings)::routes, new ReplayController(recordingsDir(), sources)::routes,
                new PluginController(plugins)::routes, new FlowController(flows)::routes,
                new AlertController(alerts)::routes, new GoalController(goals)::routes, new MilestoneController(milestones)::routes, new TimerController(timers)::routes, new EffectController(effects)::routes, new EventApiController(eventApi)::routes, new StreamerBotController(streamerBot)::routes, new MinecraftController(minecraft)::routes, new OpenShockController(openShock)::routes, new GameController(games, List.of(wheel, plinko), battle, quiz)::routes,
                new LeaderboardController(leaderboards)::routes, routes -> routes.get("/api/spotlights",
                        ctx -> ctx.json(Map.of("spotlights", spotlights.all()))),
                new ViewersController(viewers, xp, viewerDirectory, profiles)::routes, new CommandsController(commands)::routes, new MediaController(config.userData().resolve("media"))::routes,
                new OverlayController(() -> httpPort, goals, timers)::routes, new TtsController(tts)::routes,
                new SoundboardController(sounds, myInstants)::routes, new ObsController(obs)::routes,
                new OscController(osc)::routes, new MultiCamController(multiCam)::routes,
                new VdoNinjaController(vdoNinja)::routes, new HealthController(this::health)::routes, this::statusRoutes,
                new FirstRunController(firstRun)::routes, new LogsController(logLines, () -> settings)::routes,
                new DashboardPages(locales, () -> settings.text(SettingsRegistry.UI_LANGUAGE),
                        () -> settings.text(SettingsRegistry.UI_THEME), profiles::active, plugins)::routes);
        web = new WebServer(AppConfig.HOST, httpPort, socketPort, ownOrigins(), config.appHome(), apis);
        web.start();
        lock.publishDashboard(dashboardUrl());
    }

    /**
     * How !help and !commands answer: TikTok offers no way to write into the chat, so text to speech says it when it is
     * on; otherwise the Commands page lists that they ran.
     */
    private void answer(String text) {
        try {
            tts.speak(text, null);
        } catch (TtsService.NotActive | ValidationException e) {
            log.debug("A command's answer is not spoken: {}", e.getMessage());
        }
    }

    /** Phones and other computers: only when the streamer turned LAN mode on (it stays on across restarts). */
    private void restoreLanMode() {
        lan.restore(notices::add);
        customEvents.start();
    }

    private Path recordingsDir() {
        return config.userData().resolve("recordings");
    }

    /** Plays a recorded session as the live source (the command line's {@code replay FILE}). */
    public void replay(Path file, double speed) throws Exception {
        sources.switchTo(new ReplaySource(file, speed));
    }

    /** The origins of our own pages: only they may use the real-time channel or change anything over REST. */
    private Set<String> ownOrigins() {
        return Set.of("http://127.0.0.1:" + httpPort, "http://localhost:" + httpPort);
    }

    /** A plugin that is part of LTTH is named in English; the Plugins page shows it in the page's language. */
    private String builtInName(String id) {
        return locales.texts("en").get("plugin." + id + ".name");
    }

    private Map<String, String> builtInDescription(String id) {
        Map<String, String> description = new LinkedHashMap<>();
        for (String lang : Locales.LANGUAGES) description.put(lang, locales.texts(lang).get("plugin." + id + ".description"));
        return description;
    }

    /** What LTTH says to the streamer and the viewers (alerts, speech, the tray icon), in the language the streamer chose. */
    public Texts texts() {
        return locales.texts(Locales.resolve(settings.text(SettingsRegistry.UI_LANGUAGE)));
    }

    /** Opt-in (desktop.updateCheck): looks in the background, so the start never waits for it. */
    private void startUpdateCheck() {
        settings.onChange(s -> updates.apply(s.bool(SettingsRegistry.DESKTOP_UPDATE_CHECK), s.text(SettingsRegistry.DESKTOP_RELEASES_URL)));
    }

    private void statusRoutes(RoutesConfig routes) {
        routes.get("/api/status", ctx -> ctx.json(status()));
        routes.get("/api/update", ctx -> ctx.json(updates.status()));
        routes.get("/api/client-config", ctx -> ctx.json(Map.of("socketPort", socketPort, "version", Version.current(),
                "language", Locales.resolve(settings.text(SettingsRegistry.UI_LANGUAGE)))));
    }

    /**
     * With auto-connect on and a username set (and no --demo), connects to TikTok; if that fails, says why and runs
     * the demo instead, so the dashboard and overlays still show life. Otherwise the demo.
     */
    private void startLiveSource() throws Exception {
        if (!config.startLiveSource()) return;
        String username = settings.text(SettingsRegistry.TIKTOK_USERNAME);
        if (!config.demo() && settings.bool(SettingsRegistry.TIKTOK_AUTO_CONNECT) && !username.isEmpty()) {
            try {
                sources.switchTo(tiktok.create(username, null));
                return;
            } catch (Exception e) {
                String notice = "Could not connect to @" + username + " at start: " + e.getMessage()
                        + " The demo runs instead; connect from the dashboard when you are live.";
                notices.add(notice);
                log.warn(notice);
            }
        }
        sources.switchTo(simulator);
    }

    public AppStatus status() {
        long now = System.currentTimeMillis();
        return new AppStatus(Version.current(), profiles.active(), startedAt, (now - startedAt) / 1000, sources.status(),
                new AppStatus.Ports(httpPort, socketPort), List.copyOf(notices), bus.stats(),
                eventLog.counters(), sources.counters(),
                stats.snapshot(),
                sockets.clientCount());
    }

    public HealthReport health() {
        return health.report(bus.stats(), eventLog.counters(), sources.counters(), sockets.clientCount(),
                bridge.coalesced(), sockets.droppedForSlowPages());
    }

    public String dashboardUrl() {
        return "http://" + AppConfig.HOST + ":" + httpPort + "/dashboard.html";
    }

    public int httpPort() {
        return httpPort;
    }

    public int socketPort() {
        return socketPort;
    }

    public SettingsService settings() {
        return settings;
    }

    public EventBus bus() {
        return bus;
    }

    public WebServer web() {
        return web;
    }

    public ProfileManager profiles() {
        return profiles;
    }

    public EventLogWriter eventLog() {
        return eventLog;
    }


    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        stopQuietly("live source", sources);
        stopQuietly("custom event input", customEvents);   // other programs' events, like TikTok's, stop first
        stopQuietly("plugins", plugins);
        stopQuietly("Event API", eventApi);
        stopQuietly("Streamer.bot", streamerBot);
        stopQuietly("Minecraft bridge", minecraft);
        stopQuietly("OpenShock", openShock);
        stopQuietly("games", games);             // a round on screen now is not played out
        stopQuietly("coin battle", battle);
        stopQuietly("quiz", quiz);
        stopQuietly("event bus", bus);          // delivers what is queued, into the event log too
        stopQuietly("event log", eventLog);     // writes what it holds
        stopQuietly("flows", flows);
        stopQuietly("alerts", alerts);
        stopQuietly("goals", goals);             // writes their progress
        stopQuietly("timers", timers);   // saves where they stand
        stopQuietly("gift milestones", milestones);   // saves the count
        stopQuietly("spotlights", spotlights);   // writes what changed since the last second
        stopQuietly("viewer levels", xp);        // writes what changed since the last second
        stopQuietly("leaderboards", leaderboards);
        stopQuietly("text to speech", tts);
        stopQuietly("soundboard", sounds);
        stopQuietly("OBS connections", obs);
        stopQuietly("OSC bridge", osc);
        if (maintenance != null) maintenance.shutdownNow();
        stopQuietly("stats publisher", bridge);
        stopQuietly("LAN mode", lan);            // closes the LAN ports; the file keeps the streamer's choice
        stopQuietly("web server", web);
        stopQuietly("Socket.IO server", sockets);
        stopQuietly("profile database", profiles);
        stopQuietly("data folder lock", lock);
        logLines.detach();
    }

    private static void stopQuietly(String what, AutoCloseable part) {
        if (part == null) return;
        long start = System.nanoTime();
        try {
            part.close();
            log.debug("Stopped the {} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            log.warn("Stopping the {} failed", what, e);
        }
    }
}
