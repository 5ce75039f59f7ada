package app.ltth.customevents;

import app.ltth.input.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which ways in are on, the UDP port, the rate limit per source, and the token programs must send.
 *
 * @param perSecond events a second taken from one source (an address, a connection); more are dropped
 */
public record InputSettings(boolean udp, int udpPort, boolean websocket, boolean http, int perSecond, String token) {

    static final int DEFAULT_UDP_PORT = 3002;
    static final int DEFAULT_PER_SECOND = 20;
    private static final Set<String> CHANGEABLE = Set.of("udp", "udpPort", "websocket", "http", "perSecond");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** All off, with a new token. */
    static InputSettings fresh() {
        return new InputSettings(false, DEFAULT_UDP_PORT, false, false, DEFAULT_PER_SECOND, newToken());
    }

    /** What was saved; anything unreadable falls back to its default (off), a short token to a new one. */
    static InputSettings restore(JsonNode saved) {
        InputSettings d = fresh();
        int port = saved.path("udpPort").asInt(d.udpPort());
        int perSecond = saved.path("perSecond").asInt(d.perSecond());
        String token = saved.path("token").asText("");
        return new InputSettings(saved.path("udp").asBoolean(false), port >= 1024 && port <= 65535 ? port : d.udpPort(),
                saved.path("websocket").asBoolean(false), saved.path("http").asBoolean(false),
                perSecond >= 1 && perSecond <= 1000 ? perSecond : d.perSecond(), token.length() >= 32 ? token : d.token());
    }

    /** These settings with the page's changes, all checked; an unknown key is refused. */
    InputSettings with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(CHANGEABLE, "setting", "use udp, udpPort, websocket, http or perSecond");
        return new InputSettings(f.bool("udp", udp), (int) f.number("udpPort", udpPort, 1024, 65535),
                f.bool("websocket", websocket), f.bool("http", http), (int) f.number("perSecond", perSecond, 1, 1000),
                token);
    }

    InputSettings withNewToken() {
        return new InputSettings(udp, udpPort, websocket, http, perSecond, newToken());
    }

    boolean on(CustomEventInput.Way way) {
        return switch (way) {
            case UDP -> udp;
            case WEBSOCKET -> websocket;
            case HTTP -> http;
        };
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("udp", udp);
        m.put("udpPort", udpPort);
        m.put("websocket", websocket);
        m.put("http", http);
        m.put("perSecond", perSecond);
        m.put("token", token);
        return m;
    }

    /** 256 random bits, URL-safe: it goes into a WebSocket address as it is. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
