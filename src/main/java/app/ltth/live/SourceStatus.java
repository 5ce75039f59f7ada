package app.ltth.live;

import app.ltth.events.ConnectionState;
import app.ltth.i18n.Message;

/**
 * The live source as the dashboard shows it.
 *
 * @param source  "simulator", "tiktok", "replay", or "none"
 * @param demo    true while the simulator stands in for a real LIVE
 * @param path    the way into TikTok ("direct" or "relay"), empty for other sources
 * @param message what happened, in English (the log says the same)
 * @param since   when the state was entered, epoch ms
 * @param problem after a failure: whose problem it is (username, not_live, network, tiktok, sign_service, relay,
 *                settings), else null
 * @param text    the message by locale key, for the dashboard's language; null when there is none
 * @param retry   when the next attempt is (attempt, seconds), by locale key; null when none is planned
 */
public record SourceStatus(ConnectionState state, String source, String username, boolean demo, String path,
                           String message, long since, String problem, Message text, Message retry) {
}
