package app.ltth.health;

import app.ltth.events.BusStats;
import app.ltth.history.EventLogWriter;

/**
 * What the health panel and {@code /api/metrics} show.
 *
 * @param lastEventAgeMs  null before the first event
 * @param busDelay        from publishing an event to the bus taking it from its queue
 * @param overlayLatency  from publishing an event to an overlay's acknowledgement of having handled it
 * @param coalesced       likes and viewer counts merged into others for the pages
 * @param slowPageDrops   likes, joins and viewer counts not sent to a page that was behind
 */
public record HealthReport(long uptimeSeconds, double eventsPerSecond, Long lastEventAgeMs,
                           LatencyWindow.Latency busDelay, LatencyWindow.Latency overlayLatency, BusStats bus,
                           EventLogWriter.Counters eventLog, long duplicatesDropped, long decodeErrors, long reconnects,
                           int socketClients, long coalesced, long slowPageDrops, Memory memory) {
}
