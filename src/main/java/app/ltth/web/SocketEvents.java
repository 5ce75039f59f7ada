package app.ltth.web;

import app.ltth.events.EventType;
import app.ltth.events.LiveEvent;

/**
 * Every Socket.IO event of LTTH, with its payload. Pages use the same names (public/js/ltth-socket.js).
 *
 * <p>From the page: {@code ltth:hello} (no payload) once connected. Only then does the server send anything: the
 * current {@code tiktok:status} and {@code tiktok:stats} at once, then every broadcast below.
 *
 * <ul>
 *   <li>{@code tiktok:event} {@link EventMessage}: every live event as it arrives</li>
 *   <li>{@code tiktok:stats} {@link app.ltth.stats.StatsSnapshot}: totals, at most once per second and after hello</li>
 *   <li>{@code tiktok:status} {@link app.ltth.live.SourceStatus}: connection state, on change and after hello</li>
 * </ul>
 */
public final class SocketEvents {

    public static final String HELLO = "ltth:hello";
    public static final String EVENT = "tiktok:event";
    public static final String STATS = "tiktok:stats";
    public static final String STATUS = "tiktok:status";

    private SocketEvents() {
    }

    /** The {@code tiktok:event} payload: {@code {"type": "gift", "data": {...the event's fields...}}}. */
    public record EventMessage(EventType type, LiveEvent data) {
        public static EventMessage of(LiveEvent event) {
            return new EventMessage(event.type(), event);
        }
    }
}
