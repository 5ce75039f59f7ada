package app.ltth.live;

import app.ltth.events.LiveEvent;
import java.util.function.Consumer;

/** Where live events come from: TikTok, the simulator, or a recorded session. */
public interface LiveSource {

    /** "tiktok", "simulator" or "replay", as the dashboard shows it. */
    String kind();

    /** The TikTok user whose LIVE this is; empty for the simulator. */
    String username();

    /** Starts producing events into {@code sink}; returns once running. */
    void start(Consumer<LiveEvent> sink) throws Exception;

    /** Stops producing events; after it returns, no more events reach the sink. */
    void stop();
}
