package app.ltth.multicam;

import app.ltth.commands.CommandCall;
import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandSettings;
import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.obs.ObsService;
import app.ltth.plugin.PluginConfigRepository;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.viewers.ViewerFlags;
import app.ltth.viewers.ViewerModeration;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Switches between up to nine cams in OBS from chat commands ({@code !cam 2}, {@code !cam next}), gifts and the
 * dashboard: either OBS scenes, or sources in one scene of which only the chosen one is shown. {@link CamRules}
 * decides; this class talks to OBS and keeps a short history with the reason for every refusal
 * ({@value #SWITCH_EVENT}). Runs while the built-in plugin "multicam" is on.
 */
public final class MultiCamService implements ProfileManager.Listener {

    public static final String SWITCH_EVENT = "multicam:switch";
    static final int HISTORY = 30;

    public static final class NotActive extends RuntimeException {
        NotActive() {
            super("The multi-cam switcher is off: turn on the plugin \"Multi-cam\" on the Plugins page");
        }
    }

    /** One switch, or one refused request, as the dashboard lists them. */
    public record Entry(long at, String by, String request, int cam, String label, boolean done, String reason) {
    }

    public record Status(boolean active, int current, String label, List<String> cams, List<Entry> history) {
    }

    private final ObsService obs;
    private final ViewerModeration viewers;
    private final CommandEngine commands;
    private final SocketServer sockets;
    private final PluginConfigRepository store;
    private final CamRules rules = new CamRules();               // guarded by this
    private final Deque<Entry> history = new ArrayDeque<>();     // guarded by this
    private volatile MultiCamConfig config = MultiCamConfig.defaults();
    private volatile boolean active;
    private int current = -1;                                    // guarded by this

    /**
     * @param viewers  the chat panel's decisions: a viewer always allowed commands is trusted where only moderators may
     * @param commands where the cam command (!cam) is registered; it reads the chat and checks who may use it
     */
    public MultiCamService(ObsService obs, SocketServer sockets, ProfileManager profiles, ViewerModeration viewers,
                           CommandEngine commands) {
        this.obs = obs;
        this.viewers = viewers;
        this.commands = commands;
        this.sockets = sockets;
        this.store = new PluginConfigRepository(profiles, "multicam");
    }

    @Override
    public synchronized void profileOpened(String profile, Database database) {
        use(store.load("config", MultiCamConfig::parse, MultiCamConfig.defaults(), "multi-cam settings"));
        current = -1;
        history.clear();
    }

    /** The config in force, and its command with the command engine. */
    private void use(MultiCamConfig c) {
        config = c;
        String name = c.command().replaceFirst("^!", "");
        commands.replace("multicam", List.of(new CommandEngine.Registered(name, "multicam", "commands.desc.cam",
                CommandSettings.everyone(0), (call, chat) -> command(chat, call))));
    }

    public void setActive(boolean on) {
        active = on;
    }

    public MultiCamConfig config() {
        return config;
    }

    public synchronized MultiCamConfig configure(JsonNode json) {
        MultiCamConfig parsed = MultiCamConfig.parse(json);
        store.save("config", parsed);
        use(parsed);
        current = -1;
        return parsed;
    }

    public synchronized Status status() {
        int now = currentCam(config);
        return new Status(active, now + 1, now >= 0 ? config.cams().get(now) : "", config.cams(), List.copyOf(history));
    }

    /** The plugin's event listener. */
    public void onEvent(LiveEvent event) {
        if (!active) return;
        if (event instanceof GiftEvent g && g.isFinal()) {
            decide(g.user().uniqueId(), g.giftName(), (c, now, cur) -> rules.gift(c, g.giftName(), cur, now));
        }
    }

    /**
     * {@code !cam 2} (or an alias), found by the command engine. The cam's own rules follow: only moderators (and
     * viewers always allowed commands) when so set, its cooldowns.
     */
    private void command(ChatEvent chat, CommandCall call) {
        if (!active) return;
        boolean trusted = chat.user().moderator() || viewers.commands(chat.user()) == ViewerFlags.Commands.ALLOWED;
        decide(chat.user().uniqueId(), chat.comment(), (c, now, cur) ->
                rules.command(c, chat.user().uniqueId(), trusted, c.command() + " " + call.rest(), cur, now));
    }

    /** The dashboard's buttons: "1".."9", "next" or "prev". The streamer's own click skips the rules, and starts the cooldown. */
    public synchronized Entry switchTo(String which) {
        if (!active) throw new NotActive();
        MultiCamConfig c = config;
        int index = c.cams().isEmpty() ? -1 : CamRules.target(which, c.cams().size(), currentCam(c));
        if (index < 0) throw new app.ltth.input.ValidationException("cam", "Choose a cam from 1 to " + c.cams().size() + ", next or prev");
        Entry entry = apply(c, index, "dashboard", which);
        if (entry.done()) rules.switched(null, System.currentTimeMillis());
        return entry;
    }

    @FunctionalInterface
    private interface Rule {
        CamRules.Decision decide(MultiCamConfig c, long now, int current);
    }

    private synchronized void decide(String by, String request, Rule rule) {
        MultiCamConfig c = config;
        CamRules.Decision d = rule.decide(c, System.currentTimeMillis(), currentCam(c));
        if (d == null) return;
        if (!d.allowed()) {
            remember(new Entry(System.currentTimeMillis(), by, request, -1, "", false, d.reason()));
            return;
        }
        Entry done = apply(c, d.index(), by, request);
        if (done.done()) rules.switched(by, System.currentTimeMillis());
    }

    private Entry apply(MultiCamConfig c, int index, String by, String request) {
        String cam = c.cams().get(index);
        Entry entry;
        try {
            if (c.mode().equals("scenes")) {
                obs.setScene(c.connection(), cam);
            } else {
                obs.setSourceVisible(c.connection(), c.scene(), cam, true);   // the new cam first: never a black frame
                for (String other : c.cams()) {
                    if (!other.equals(cam)) obs.setSourceVisible(c.connection(), c.scene(), other, false);
                }
            }
            current = index;
            entry = new Entry(System.currentTimeMillis(), by, request, index + 1, cam, true, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entry = new Entry(System.currentTimeMillis(), by, request, index + 1, cam, false, "stopped");
        } catch (Exception e) {
            entry = new Entry(System.currentTimeMillis(), by, request, index + 1, cam, false, e.getMessage());
        }
        remember(entry);
        return entry;
    }

    /** In scene mode OBS knows best (the streamer may have clicked a scene himself). */
    private int currentCam(MultiCamConfig c) {
        if (c.mode().equals("scenes")) {
            int i = c.cams().indexOf(obs.currentScene(c.connection()));
            if (i >= 0) return i;
        }
        return current;
    }

    private void remember(Entry e) {
        history.addFirst(e);
        while (history.size() > HISTORY) history.removeLast();
        sockets.broadcast(SWITCH_EVENT, e);
    }
}
