package app.ltth.live;

import app.ltth.events.ConnectionState;
import app.ltth.events.LiveEvent;
import app.ltth.i18n.Message;
import java.util.Map;

/** Where live events come from: TikTok, the simulator, or a recorded session. */
public interface LiveSource {

    /** What a running source reports to: its events, and changes of its connection state after the start. */
    interface Context {
        void event(LiveEvent event);

        void state(ConnectionState state, String message);

        /**
         * The same, saying whose problem it is ({@link app.ltth.live.webcast.WebcastException.Problem}, lower case)
         * and the sentence by locale key, for the dashboard to say in the streamer's language; {@code retry} tells when
         * the next attempt is. Any of the three may be null.
         */
        default void state(ConnectionState state, String message, String problem, Message text, Message retry) {
            state(state, message);
        }
    }

    /** "tiktok", "simulator" or "replay", as the dashboard shows it. */
    String kind();

    /** The TikTok user whose LIVE this is; empty for the simulator. */
    String username();

    /** Starts producing events; returns once running (or throws, saying why it could not start). */
    void start(Context context) throws Exception;

    /** Stops producing events; after it returns, no more events reach the context. */
    void stop();

    /** Which way into TikTok carries the LIVE ("direct" or "relay"); empty for sources that are not TikTok. */
    default String path() {
        return "";
    }

    /** Counters for /api/status (frames, messages, decode errors, ...); empty when the source keeps none. */
    default Map<String, Object> counters() {
        return Map.of();
    }
}
