package app.ltth.web;

import app.ltth.events.BusStats;
import app.ltth.history.EventLogWriter;
import app.ltth.live.SourceStatus;
import app.ltth.stats.StatsSnapshot;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/status}: what the dashboard header and health tiles show.
 *
 * @param notices things the user should know about this run, e.g. a port that had to change
 * @param live    the live source's counters (for TikTok: frames, messages, decode errors, duplicates dropped, ...)
 */
public record AppStatus(String version, String profile, long startedAt, long uptimeSeconds, SourceStatus connection,
                        Ports ports, List<String> notices, BusStats bus, EventLogWriter.Counters eventLog, Map<String, Object> live,
                        StatsSnapshot stats, int socketClients) {

    public record Ports(int http, int socket) {
    }
}
