package app.ltth.firstrun;

import app.ltth.plugin.PluginConfigRepository;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.web.SocketServer;

/**
 * The checklist on the Live page of a new profile: an overlay in OBS, a test seen there, a live connection. Each step
 * ticks itself when it happened; ticks and the streamer's "hide" are kept per profile.
 */
public final class FirstRun implements ProfileManager.Listener {

    /** Sent to pages whenever a step ticks or the checklist is hidden. */
    public static final String EVENT = "firstrun:state";

    /** What the checklist shows. */
    public record State(boolean overlay, boolean test, boolean live, boolean dismissed) {
    }

    private static final State NEW = new State(false, false, false, false);

    private final PluginConfigRepository store;
    private final SocketServer sockets;
    private volatile State state = NEW;

    public FirstRun(ProfileManager profiles, SocketServer sockets) {
        this.store = new PluginConfigRepository(profiles, "firstrun");
        this.sockets = sockets;
    }

    @Override
    public void profileOpened(String profile, Database database) {
        state = store.load("state", json -> new State(json.path("overlay").asBoolean(), json.path("test").asBoolean(),
                json.path("live").asBoolean(), json.path("dismissed").asBoolean()), NEW, "first-run checklist");
    }

    public State state() {
        return state;
    }

    /** An overlay page connected (OBS has it as a source, or the streamer opened it). */
    public void overlayConnected() {
        change(new State(true, state.test(), state.live(), state.dismissed()));
    }

    /** An overlay showed an alert. */
    public void testShown() {
        change(new State(state.overlay(), true, state.live(), state.dismissed()));
    }

    /** A real LIVE is connected. */
    public void wentLive() {
        change(new State(state.overlay(), state.test(), true, state.dismissed()));
    }

    public State dismiss(boolean dismissed) {
        change(new State(state.overlay(), state.test(), state.live(), dismissed));
        return state;
    }

    private synchronized void change(State next) {
        if (next.equals(state)) return;
        state = next;
        store.save("state", next);
        sockets.broadcast(EVENT, next);
    }
}
