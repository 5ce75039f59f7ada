package app.ltth.live.webcast;

import app.ltth.errors.Reasons;
import app.ltth.events.ConnectionState;
import app.ltth.i18n.Message;
import app.ltth.live.LiveSource;
import app.ltth.live.webcast.WebcastException.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The streamer's TikTok LIVE, through whichever way in works: TikTok's own websocket ({@link WebcastSource}) or Euler
 * Stream's relay ({@link RelaySource}). In "auto" mode it starts direct and, with an API key set, switches to the
 * relay after TikTok refused the socket a number of times in a row; the status says which way is live and why.
 */
public final class TikTokLive implements LiveSource {

    /** How the streamer chose to connect (setting {@code tiktok.connection}). */
    public enum Mode {
        DIRECT, RELAY, AUTO;

        public static Mode of(String setting) {
            return valueOf(setting.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private final String username;
    private final WebcastSource direct;
    private final Supplier<RelaySource> relay;
    private final Mode mode;
    private final int failoverAfter;
    private volatile LiveSource current;
    private volatile String path;
    private volatile String pathReason;
    private Context context;

    /**
     * @param relay         makes the relay source; null when no API key is set (no relay then)
     * @param failoverAfter in auto mode: how many refusals of the direct socket in a row switch to the relay
     */
    public TikTokLive(String username, WebcastSource direct, Supplier<RelaySource> relay, Mode mode, int failoverAfter) {
        this.username = username;
        this.direct = direct;
        this.relay = relay;
        this.mode = mode;
        this.failoverAfter = failoverAfter;
    }

    @Override
    public String kind() {
        return WebcastSource.KIND;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public synchronized void start(Context context) throws Exception {
        this.context = context;
        if (mode == Mode.RELAY) {
            if (relay == null) {
                throw new WebcastException(Problem.SETTINGS, Message.of("connect.error.relayNeedsKey"), "The relay needs an API key from eulerstream.com: enter it under Settings > "
                        + "TikTok, or connect directly.", false);
            }
            use(relay.get(), "relay", "chosen in the settings");
        } else {
            if (mode == Mode.AUTO && relay != null) direct.onRefused(this::failover);
            use(direct, "direct", mode == Mode.AUTO && relay != null ? "first choice; the relay takes over if TikTok "
                    + "refuses " + failoverAfter + " times in a row" : "chosen in the settings");
        }
        current.start(context);
    }

    private void use(LiveSource source, String path, String reason) {
        this.current = source;
        this.path = path;
        this.pathReason = reason;
    }

    /** Called by the direct source's supervisor after each refusal in a row. */
    private boolean failover(int refusals, String why) {
        if (refusals < failoverAfter) return false;
        RelaySource r = relay.get();
        use(r, "relay", "TikTok refused the direct connection " + refusals + " times in a row (" + why + ")");
        context.state(ConnectionState.CONNECTING, "Switching to the Euler relay: " + pathReason + ".", null,
                Message.of("connect.switchingToRelay", "times", refusals), null);
        try {
            r.start(context);
            context.state(ConnectionState.LIVE, "Connected through the Euler relay: " + pathReason + ".", null,
                    Message.of("connect.viaRelay", "times", refusals, "why", why), null);
        } catch (WebcastException e) {
            context.state(ConnectionState.ERROR, "The switch to the relay failed: " + e.getMessage(),
                    e.problem().wireName(), e.text(), null);
        } catch (Exception e) {
            context.state(ConnectionState.ERROR, "The switch to the relay failed: " + Reasons.of(e),
                    Problem.RELAY.wireName(), Message.of("connect.error.relayFailed"), null);
        }
        return true;
    }

    @Override
    public String path() {
        return path == null ? "" : path;
    }

    @Override
    public void stop() {
        LiveSource s = current;
        if (s != null) s.stop();
        direct.stop();
    }

    @Override
    public Map<String, Object> counters() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("path", path);
        c.put("pathReason", pathReason);
        LiveSource s = current;
        if (s != null) c.putAll(s.counters());
        return c;
    }
}
