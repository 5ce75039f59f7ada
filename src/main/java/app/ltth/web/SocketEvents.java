package app.ltth.web;

import app.ltth.events.EventType;
import app.ltth.events.LiveEvent;

/**
 * Every Socket.IO event of LTTH, with its payload. Pages use the same names (public/js/ltth-socket.js).
 *
 * <p>From the page: {@code ltth:hello} once connected, with what it listens to ({@code {"subscribe": ["tiktok:event:gift",
 * "tiktok:stats", "alert:show"]}}; no payload means everything, see {@link SocketServer#subscription}). Only then does
 * the server send anything: the current {@code tiktok:status} (always) and {@code tiktok:stats} at once, then the
 * broadcasts below that the page subscribed to. A page answers an event that carries {@code ack} with
 * {@code ltth:ack {"ack": n}} once it has handled it.
 *
 * <ul>
 *   <li>{@code tiktok:event} {@link EventMessage}: every live event as it arrives; likes of one viewer and viewer
 *   counts merged over a quarter second</li>
 *   <li>{@code tiktok:stats} {@link app.ltth.stats.StatsSnapshot}: totals, at most once per second and after hello</li>
 *   <li>{@code tiktok:status} {@link app.ltth.live.SourceStatus}: connection state, on change and after hello</li>
 * </ul>
 */
public final class SocketEvents {

    public static final String HELLO = "ltth:hello";
    public static final String EVENT = "tiktok:event";
    public static final String STATS = "tiktok:stats";
    public static final String STATUS = "tiktok:status";
    public static final String ACK = "ltth:ack";
    /** The audio overlay says a clip has finished playing: {@code {"id"}}. */
    public static final String AUDIO_ENDED = "audio:ended";
    /** The alerts overlay has put an alert on screen: {@code {id}}. */
    public static final String ALERT_SHOWN = "alert:shown";

    private SocketEvents() {
    }

    /**
     * The {@code tiktok:event} payload: {@code {"type": "gift", "data": {...the event's fields...}}}, and {@code "ack": n}
     * on the events whose handling pages should acknowledge.
     */
    public record EventMessage(EventType type, LiveEvent data, Long ack) {
    }
}
