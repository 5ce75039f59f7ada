package app.ltth.live.webcast;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters TikTok's web client puts on the websocket URL before the connection's own values. Without
 * them TikTok answers the upgrade with {@code handshake-msg: illegal app_id} (September 2026). The set and its values
 * are those the maintained connectors send; the browser fields are derived from the User-Agent that is signed and
 * sent, so the two always agree. They drift on TikTok's side: the setting {@code tiktok.wsParams} overrides any of
 * them ({@link #override}).
 */
public final class BrowserParams {

    private BrowserParams() {
    }

    public static Map<String, String> defaults(String userAgent, ZoneId zone) {
        int slash = userAgent.indexOf('/');
        Map<String, String> p = new LinkedHashMap<>();
        p.put("aid", "1988");
        p.put("app_language", "en");
        p.put("app_name", "tiktok_web");
        p.put("version_code", "180800");
        p.put("device_platform", "web");
        p.put("identity", "audience");
        p.put("live_id", "12");
        p.put("did_rule", "3");
        p.put("client_enter", "1");
        p.put("heartbeat_duration", "0");
        p.put("update_version_code", "1.3.0");
        p.put("webcast_sdk_version", "1.3.0");
        p.put("webcast_language", "en");
        p.put("ws_direct", "0");
        p.put("sup_ws_ds_opt", "1");
        p.put("history_comment_count", "6");
        p.put("cookie_enabled", "true");
        p.put("screen_width", "1920");
        p.put("screen_height", "1080");
        p.put("browser_language", "en-US");
        p.put("browser_platform", userAgent.contains("Macintosh") ? "MacIntel" : "Win32");
        p.put("browser_name", slash > 0 ? userAgent.substring(0, slash) : "Mozilla");
        p.put("browser_version", slash > 0 ? userAgent.substring(slash + 1) : userAgent);
        p.put("browser_online", "true");
        p.put("tz_name", zone.getId());
        return p;
    }

    /**
     * Applies overrides written as a query string ({@code version_code=190000&ws_direct=}): a value replaces the
     * default (or adds the parameter at the end), an empty value removes it.
     *
     * @throws IllegalArgumentException for a part that is not {@code name=value}
     */
    public static Map<String, String> override(Map<String, String> defaults, String overrides) {
        Map<String, String> p = new LinkedHashMap<>(defaults);
        for (String part : overrides.split("&")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0 || !part.substring(0, eq).matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("'" + part + "' is not name=value (for example version_code=180800)");
            }
            String name = part.substring(0, eq);
            String value = java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            if (value.isEmpty()) {
                p.remove(name);
            } else {
                p.put(name, value);
            }
        }
        return p;
    }
}
