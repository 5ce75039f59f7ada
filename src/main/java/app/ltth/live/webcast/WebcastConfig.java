package app.ltth.live.webcast;

import java.time.Duration;

/**
 * Everything about TikTok's side that drifts: hosts, parameters, intervals. Configuration, not constants, so a change
 * on TikTok's side (or a test's fake) needs no code change. {user} and {roomId} are filled in.
 *
 * @param livePageUrl     the LIVE page, whose SIGI_STATE names the room
 * @param apiLiveUrl      the room JSON, tried when the page has no SIGI_STATE
 * @param signUrl         the sign service (Euler Stream), answering a fetch result and the websocket cookie
 * @param userAgent       sent to TikTok and to the signer alike: the websocket must use the signed one
 * @param heartbeat       how often the socket sends a heartbeat (TikTok closes silent sockets)
 * @param silenceLimit    a socket with no frame for this long is dead even if it looks open
 * @param streakTimeout   a gift streak with no end message is closed after this
 * @param backoffBase     first reconnect delay; doubles up to backoffMax, with jitter
 */
public record WebcastConfig(String livePageUrl, String apiLiveUrl, String signUrl, String userAgent,
                            Duration heartbeat, Duration silenceLimit, Duration streakTimeout, Duration backoffBase,
                            Duration backoffMax, Duration httpTimeout) {

    public static WebcastConfig defaults() {
        return new WebcastConfig(
                "https://www.tiktok.com/@{user}/live",
                "https://www.tiktok.com/api-live/user/room/?aid=1988&uniqueId={user}&sourceType=54",
                "https://tiktok.eulerstream.com/webcast/fetch?client=ltth&room_id={roomId}",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/126.0.0.0 Safari/537.36",
                Duration.ofSeconds(10), Duration.ofSeconds(45), Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(15));
    }

    static String fill(String template, String user, String roomId) {
        return template.replace("{user}", user == null ? "" : java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8))
                .replace("{roomId}", roomId == null ? "" : roomId);
    }
}
