package app.ltth.events;

import java.util.List;
import java.util.Map;

/** A snapshot of the bus's counters, as /api/status and the dashboard show them. */
public record BusStats(long published, long delivered, int queued, int capacity, Map<EventType, Long> shed,
                       List<ListenerStats> listeners) {

    public long shedTotal() {
        return shed.values().stream().mapToLong(Long::longValue).sum();
    }

    public record ListenerStats(String name, long failures, String lastError, long shed, int queued) {
    }
}
