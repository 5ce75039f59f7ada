package app.ltth.live;

import app.ltth.events.ConnectionState;

/**
 * The live source as the dashboard shows it.
 *
 * @param source "simulator", "tiktok", "replay", or "none"
 * @param demo   true while the simulator stands in for a real LIVE
 * @param path   the way into TikTok ("direct" or "relay"), empty for other sources
 * @param since  when the state was entered, epoch ms
 */
public record SourceStatus(ConnectionState state, String source, String username, boolean demo, String path,
                           String message, long since) {
}
