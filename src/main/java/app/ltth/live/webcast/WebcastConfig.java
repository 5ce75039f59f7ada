package app.ltth.live.webcast;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Everything about TikTok's side that drifts: hosts, parameters, intervals. Configuration, not constants, so a change
 * on TikTok's side (or a test's fake) needs no code change. Placeholders such as {user} and {roomId} are filled in
 * ({@link UrlTemplate}).
 *
 * @param livePageUrl     the LIVE page, whose SIGI_STATE names the room ({user})
 * @param apiLiveUrl      the room JSON, asked when the page has no SIGI_STATE or no clear status ({user})
 * @param signUrl         the sign service (Euler Stream), answering a fetch result and the websocket cookie
 *                        ({roomId}, {userAgent}: it signs for that agent)
 * @param relayUrl        Euler Stream's WebSocket relay, the second way in ({user}, {apiKey})
 * @param userAgent       sent to TikTok and to the signer alike: the websocket must use the signed one
 * @param browserParams   the web client's query parameters, in the order a browser sends them ({@link BrowserParams})
 * @param heartbeat       how often the socket sends a heartbeat (TikTok closes silent sockets)
 * @param silenceLimit    a socket with no frame for this long is dead even if it looks open
 * @param streakTimeout   a gift streak with no end message is closed after this
 * @param backoffBase     first reconnect delay; doubles up to backoffMax, with jitter
 */
public record WebcastConfig(String livePageUrl, String apiLiveUrl, String signUrl, String relayUrl, String userAgent,
                            Map<String, String> browserParams, Duration heartbeat, Duration silenceLimit,
                            Duration streakTimeout, Duration backoffBase, Duration backoffMax, Duration httpTimeout) {

    public static final String WEB_ORIGIN = "https://www.tiktok.com";
    public static final Set<String> PAGE_PLACEHOLDERS = Set.of("user");
    public static final Set<String> SIGN_PLACEHOLDERS = Set.of("roomId", "userAgent");
    public static final Set<String> RELAY_PLACEHOLDERS = Set.of("user", "apiKey");
    public static final Set<String> HTTP = Set.of("http", "https");
    public static final Set<String> WEBSOCKET = Set.of("ws", "wss");
    static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    public WebcastConfig {
        browserParams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(browserParams));   // keeps order
    }

    public static WebcastConfig defaults() {
        return new WebcastConfig(
                "https://www.tiktok.com/@{user}/live",
                "https://www.tiktok.com/api-live/user/room/?aid=1988&uniqueId={user}&sourceType=54",
                "https://api.eulerstream.com/webcast/fetch?client=ltth&room_id={roomId}&client_enter=true"
                        + "&user_agent={userAgent}",
                "wss://ws.eulerstream.com?uniqueId={user}&apiKey={apiKey}",
                DEFAULT_USER_AGENT, BrowserParams.defaults(DEFAULT_USER_AGENT, java.time.ZoneId.systemDefault()),
                Duration.ofSeconds(10), Duration.ofSeconds(45), Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(15));
    }

    /** The same with other browser parameters (the advanced setting's overrides applied to the defaults). */
    public WebcastConfig withBrowserParams(Map<String, String> params) {
        return new WebcastConfig(livePageUrl, apiLiveUrl, signUrl, relayUrl, userAgent, params, heartbeat, silenceLimit,
                streakTimeout, backoffBase, backoffMax, httpTimeout);
    }

    static String fill(String template, String user, String roomId) {
        return UrlTemplate.fill(template, Map.of("user", user == null ? "" : user, "roomId", roomId == null ? "" : roomId));
    }
}
