package app.ltth.pages;

import app.ltth.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pages of the dashboard and the side navigation that leads to them, in the order the streamer sees. */
final class Navigation {

    record Entry(String href, String key, DashboardPage page) {
    }

    static final DashboardPage LIVE = DashboardPage.of("dashboard", "nav.live", "/js/describe.js", "/js/virtual-list.js",
            "/js/dashboard.js", "/js/first-run.js");
    static final DashboardPage CHAT = DashboardPage.of("chat", "nav.chat", "/js/describe.js", "/js/virtual-list.js",
            "/js/chat.js");
    static final DashboardPage COMMANDS = DashboardPage.of("commands", "nav.commands", "/js/commands.js");
    static final DashboardPage LEVELS = DashboardPage.of("levels", "nav.levels", "/js/levels.js");
    static final DashboardPage VIEWERS = DashboardPage.of("viewers", "nav.viewers", "/js/describe.js", "/js/viewers.js");
    static final DashboardPage OVERLAYS = DashboardPage.of("overlays", "nav.overlays", "/js/lan.js",
            "/js/overlays-page.js");
    static final DashboardPage ALERTS = DashboardPage.of("alerts", "nav.alerts", "/js/alerts.js");
    static final DashboardPage GOALS = DashboardPage.of("goals", "nav.goals", "/js/goals.js");
    static final DashboardPage MILESTONES = DashboardPage.of("milestones", "nav.milestones", "/js/milestones.js");
    static final DashboardPage TIMERS = DashboardPage.of("timers", "nav.timers", "/js/timer-clock.js", "/js/timers.js");
    static final DashboardPage EFFECTS = DashboardPage.of("effects", "nav.effects", "/js/effects.js");
    static final DashboardPage GAMES = DashboardPage.of("games", "nav.games", "/js/games.js");
    static final DashboardPage FLOWS = DashboardPage.of("flows", "nav.flows", "/js/flows.js");
    static final DashboardPage EVENT_INPUT = DashboardPage.of("event-input", "nav.eventInput", "/js/describe.js",
            "/js/event-input.js");
    static final DashboardPage EVENT_API = DashboardPage.of("event-api", "nav.eventApi", "/js/event-api.js");
    static final DashboardPage STREAMERBOT = DashboardPage.of("streamerbot", "nav.streamerbot", "/js/streamerbot.js");
    static final DashboardPage MINECRAFT = DashboardPage.of("minecraft", "nav.minecraft", "/js/mapping-rows.js", "/js/minecraft.js");
    static final DashboardPage OPENSHOCK = DashboardPage.of("openshock", "nav.openshock", "/js/mapping-rows.js", "/js/openshock.js");
    static final DashboardPage SOUNDBOARD = DashboardPage.of("soundboard", "nav.soundboard", "/js/soundboard.js");
    static final DashboardPage TTS = DashboardPage.of("tts", "nav.tts", "/js/tts.js");
    static final DashboardPage OBS = DashboardPage.of("obs", "nav.obs", "/js/obs.js");
    static final DashboardPage MULTICAM = DashboardPage.of("multicam", "nav.multicam", "/js/multicam.js");
    static final DashboardPage OSC = DashboardPage.of("osc", "nav.osc", "/js/osc.js");
    static final DashboardPage VDONINJA = DashboardPage.of("vdoninja", "nav.vdoninja", "/js/vdoninja.js");
    static final DashboardPage SETTINGS = DashboardPage.of("settings", "nav.settings", "/js/settings.js");
    static final DashboardPage PROFILES = DashboardPage.of("profiles", "nav.profiles", "/js/profiles.js");
    static final DashboardPage PLUGINS = DashboardPage.of("plugins", "nav.plugins", "/js/plugins.js");
    static final DashboardPage HEALTH = DashboardPage.of("health", "nav.health", "/js/health.js");
    static final DashboardPage LOGS = DashboardPage.of("logs", "nav.logs", "/js/logs.js");

    static final List<DashboardPage> PAGES = List.of(LIVE, CHAT, COMMANDS, LEVELS, VIEWERS, OVERLAYS, ALERTS, GOALS, MILESTONES, TIMERS, EFFECTS, GAMES, FLOWS, EVENT_INPUT, EVENT_API, STREAMERBOT, MINECRAFT, OPENSHOCK, SOUNDBOARD, TTS, OBS,
            MULTICAM, OSC, VDONINJA, SETTINGS, PROFILES, PLUGINS, HEALTH, LOGS);

    private static final List<Entry> ENTRIES = List.of(
            new Entry("/dashboard.html#live", "nav.live", LIVE),
            new Entry("/chat.html", "nav.chat", CHAT),
            new Entry("/commands.html", "nav.commands", COMMANDS),
            new Entry("/levels.html", "nav.levels", LEVELS),
            new Entry("/viewers.html", "nav.viewers", VIEWERS),
            new Entry("/overlays.html", "nav.overlays", OVERLAYS),
            new Entry("/alerts.html", "nav.alerts", ALERTS),
            new Entry("/goals.html", "nav.goals", GOALS),
            new Entry("/milestones.html", "nav.milestones", MILESTONES),
            new Entry("/timers.html", "nav.timers", TIMERS),
            new Entry("/effects.html", "nav.effects", EFFECTS),
            new Entry("/games.html", "nav.games", GAMES),
            new Entry("/dashboard.html#test", "nav.test", LIVE),
            new Entry("/dashboard.html#recordings", "nav.recordings", LIVE),
            new Entry("/flows.html", "nav.flows", FLOWS),
            new Entry("/event-input.html", "nav.eventInput", EVENT_INPUT),
            new Entry("/event-api.html", "nav.eventApi", EVENT_API),
            new Entry("/streamerbot.html", "nav.streamerbot", STREAMERBOT),
            new Entry("/minecraft.html", "nav.minecraft", MINECRAFT),
            new Entry("/openshock.html", "nav.openshock", OPENSHOCK),
            new Entry("/soundboard.html", "nav.soundboard", SOUNDBOARD),
            new Entry("/tts.html", "nav.tts", TTS),
            new Entry("/obs.html", "nav.obs", OBS),
            new Entry("/multicam.html", "nav.multicam", MULTICAM),
            new Entry("/osc.html", "nav.osc", OSC),
            new Entry("/vdoninja.html", "nav.vdoninja", VDONINJA),
            new Entry("/settings.html", "nav.settings", SETTINGS),
            new Entry("/profiles.html", "nav.profiles", PROFILES),
            new Entry("/plugins.html", "nav.plugins", PLUGINS),
            new Entry("/health.html", "nav.health", HEALTH),
            new Entry("/logs.html", "nav.logs", LOGS));

    private Navigation() {
    }

    /**
     * The navigation as {@code current} shows it (its first entry marked active), with the pages of running plugins
     * (id to name) after LTTH's plugin page; {@code currentPlugin} is the plugin whose page is shown, or null.
     */
    static List<Page.Link> links(DashboardPage current, Texts texts, Map<String, String> pluginPages, String currentPlugin) {
        List<Page.Link> links = new ArrayList<>();
        boolean marked = false;
        for (Entry e : ENTRIES) {
            boolean active = !marked && e.page().equals(current);
            marked |= active;
            links.add(new Page.Link(e.href(), texts.get(e.key()), active));
            if (e.page() == PLUGINS) {
                pluginPages.forEach((id, name) -> links.add(new Page.Link("/plugins/" + id, name, id.equals(currentPlugin))));
            }
        }
        return links;
    }
}
