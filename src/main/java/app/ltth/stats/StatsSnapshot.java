package app.ltth.stats;

/**
 * @param startedAt when the current LIVE session started (epoch ms, 0 when none); pages tick the stream time locally
 * @param revision  rises with every change, so publishers can skip unchanged snapshots
 */
public record StatsSnapshot(long viewers, long likes, long coins, long gifts, long followers, long shares,
                            long subscribers, long startedAt, long revision) {
}
