package app.ltth.health;

import app.ltth.events.BusStats;
import app.ltth.events.EventType;
import java.util.Locale;

/** Renders a {@link HealthReport} in Prometheus' text exposition format (version 0.0.4). */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    private PrometheusText() {
    }

    public static String render(HealthReport r) {
        PrometheusText p = new PrometheusText();
        p.metric("ltth_uptime_seconds", "gauge", "Seconds since LTTH started", r.uptimeSeconds());
        p.metric("ltth_events_per_second", "gauge", "Live events per second over the last 10 seconds", r.eventsPerSecond());
        if (r.lastEventAgeMs() != null) {
            p.metric("ltth_last_event_age_seconds", "gauge", "Seconds since the last live event", r.lastEventAgeMs() / 1000.0);
        }
        BusStats bus = r.bus();
        p.metric("ltth_events_published_total", "counter", "Events accepted by the bus", bus.published());
        p.metric("ltth_events_delivered_total", "counter", "Events delivered to every bus listener", bus.delivered());
        p.latency("ltth_bus_delay_seconds", "Time from publishing an event to the bus taking it (last minute)", r.busDelay());
        p.latency("ltth_overlay_latency_seconds",
                "Time from publishing an event to an overlay acknowledging it (last minute)", r.overlayLatency());
        p.header("ltth_queue_length", "gauge", "Events waiting in a queue");
        p.sample("ltth_queue_length", "queue", "bus", bus.queued());
        p.sample("ltth_queue_length", "queue", "event_log", r.eventLog().queued());
        for (BusStats.ListenerStats l : bus.listeners()) p.sample("ltth_queue_length", "queue", "listener:" + l.name(), l.queued());
        p.header("ltth_queue_capacity", "gauge", "Events a queue holds before its backpressure policy applies");
        p.sample("ltth_queue_capacity", "queue", "bus", bus.capacity());
        p.header("ltth_events_shed_total", "counter", "Events the bus dropped under overload, by type");
        for (EventType type : EventType.values()) {
            p.sample("ltth_events_shed_total", "type", type.wireName(), bus.shed().getOrDefault(type, 0L));
        }
        p.header("ltth_listener_events_shed_total", "counter", "Events a slow listener could not take, by listener");
        for (BusStats.ListenerStats l : bus.listeners()) p.sample("ltth_listener_events_shed_total", "listener", l.name(), l.shed());
        p.header("ltth_listener_failures_total", "counter", "Exceptions thrown by a listener, by listener");
        for (BusStats.ListenerStats l : bus.listeners()) p.sample("ltth_listener_failures_total", "listener", l.name(), l.failures());
        p.metric("ltth_events_coalesced_total", "counter", "Likes and viewer counts merged into others for the pages", r.coalesced());
        p.metric("ltth_slow_page_drops_total", "counter", "Likes, joins and viewer counts not sent to a page that was behind",
                r.slowPageDrops());
        p.metric("ltth_duplicates_dropped_total", "counter", "Repeated TikTok messages dropped", r.duplicatesDropped());
        p.metric("ltth_decode_errors_total", "counter", "TikTok frames or messages that could not be decoded", r.decodeErrors());
        p.metric("ltth_reconnects_total", "counter", "Reconnections to TikTok", r.reconnects());
        p.metric("ltth_event_log_committed_total", "counter", "Events stored in the event log", r.eventLog().committed());
        p.metric("ltth_event_log_failures_total", "counter", "Event log writes that had to be retried", r.eventLog().failures());
        p.metric("ltth_socket_clients", "gauge", "Connected dashboard pages and overlays", r.socketClients());
        Memory m = r.memory();
        p.metric("ltth_memory_heap_used_bytes", "gauge", "Java heap in use", m.heapUsed());
        p.metric("ltth_memory_heap_committed_bytes", "gauge", "Java heap reserved from the system", m.heapCommitted());
        p.metric("ltth_memory_heap_max_bytes", "gauge", "Largest Java heap allowed", m.heapMax());
        if (m.rss() >= 0) p.metric("ltth_memory_rss_bytes", "gauge", "Resident set size of the process", m.rss());
        return p.out.toString();
    }

    private void latency(String name, String help, LatencyWindow.Latency latency) {
        header(name, "gauge", help);
        sample(name, "quantile", "0.5", latency.p50Ms() / 1000.0);
        sample(name, "quantile", "0.99", latency.p99Ms() / 1000.0);
        sample(name, "quantile", "1", latency.maxMs() / 1000.0);
        metric(name.replace("_seconds", "_samples_total"), "counter", "Samples measured since start", latency.total());
    }

    private void metric(String name, String type, String help, double value) {
        header(name, type, help);
        out.append(name).append(' ').append(number(value)).append('\n');
    }

    private void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String label, String value, double number) {
        out.append(name).append('{').append(label).append("=\"").append(escape(value)).append("\"} ")
                .append(number(number)).append('\n');
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
