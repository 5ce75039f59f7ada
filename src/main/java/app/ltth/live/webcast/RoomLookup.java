package app.ltth.live.webcast;

import app.ltth.errors.Reasons;
import app.ltth.i18n.Message;
import app.ltth.json.Json;
import app.ltth.live.webcast.WebcastException.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the room id of a user's LIVE and whether it is live, as a browser would: browser headers, a cookie jar
 * (TikTok's {@code ttwid} and {@code tt-target-idc} kept between requests), the LIVE page's SIGI_STATE first, the
 * api-live JSON when the page is not clear. Only status 4 means "not LIVE"; a page without a status, or a paused
 * LIVE (3), asks api-live before deciding, so a room that is live is never reported as offline.
 */
public final class RoomLookup {

    /** @param status 2 = live, 3 = paused, 4 = ended; 0 = not said */
    public record Room(String roomId, int status) {
        public static final int ENDED = 4;

        public boolean live() {
            return status != ENDED;
        }
    }

    private static final Pattern SIGI_STATE = Pattern.compile(
            "<script[^>]*id=\"SIGI_STATE\"[^>]*>(.*?)</script>", Pattern.DOTALL);

    private final HttpClient http;
    private final WebcastConfig config;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    public RoomLookup(HttpClient http, WebcastConfig config) {
        this.http = http;
        this.config = config;
    }

    public Room find(String user) throws WebcastException, InterruptedException {
        String handle = user.toLowerCase(Locale.ROOT);
        Optional<Room> fromPage;
        try {
            fromPage = fromLivePage(get(WebcastConfig.fill(config.livePageUrl(), handle, null)));
        } catch (IOException e) {
            fromPage = Optional.empty();   // the JSON route below may still work
        }
        if (fromPage.isPresent() && (fromPage.get().status() == 2 || fromPage.get().status() == Room.ENDED)) {
            return fromPage.get();
        }
        String body;
        try {
            body = get(WebcastConfig.fill(config.apiLiveUrl(), handle, null));
        } catch (IOException e) {
            if (fromPage.isPresent()) return fromPage.get();   // paused or unclear, but a room: try it
            throw new WebcastException(Problem.NETWORK, Message.of("connect.error.unreachable"), "TikTok could not be reached to find @" + user + "'s LIVE (" + Reasons.of(e)
                    + "). Check the internet connection, then connect again.", true, e);
        }
        try {
            return fromApiLive(body, user);
        } catch (WebcastException e) {
            if (fromPage.isPresent()) return fromPage.get();
            throw e;
        }
    }

    /** The room in a LIVE page, if the page has SIGI_STATE (a captcha or WAF page has none). */
    static Optional<Room> fromLivePage(String html) {
        Matcher m = SIGI_STATE.matcher(html);
        if (!m.find()) return Optional.empty();
        try {
            JsonNode state = Json.MAPPER.readTree(m.group(1));
            JsonNode info = state.path("LiveRoom").path("liveRoomUserInfo");
            String roomId = info.path("user").path("roomId").asText("");
            if (roomId.isEmpty() || roomId.equals("0")) return Optional.empty();
            return Optional.of(new Room(roomId, info.path("liveRoom").path("status").asInt(0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Room fromApiLive(String body, String user) throws WebcastException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new WebcastException(Problem.TIKTOK, Message.of("connect.error.unreadablePage"), "TikTok answered with a page LTTH cannot read (maybe a captcha). Try again in a "
                    + "few minutes.", true, e);
        }
        if (json == null || json.path("statusCode").asInt(-1) != 0) {
            String reason = json == null ? "no answer" : json.path("message").asText(json.path("statusCode").asText());
            throw new WebcastException(Problem.USERNAME, Message.of("connect.error.unknownUser", "user", user),
                    "TikTok does not know the user @" + user + " (" + reason + "). Check the "
                    + "spelling of the username.", false);
        }
        String roomId = json.path("data").path("user").path("roomId").asText("");
        if (roomId.isEmpty() || roomId.equals("0")) {
            throw new WebcastException(Problem.NOT_LIVE, Message.of("connect.error.noRoom", "user", user),
                    "@" + user + " has no LIVE room yet.", false);
        }
        return new Room(roomId, json.path("data").path("liveRoom").path("status").asInt(0));
    }

    private String get(String url) throws IOException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("the address in the settings is not valid: " + url, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.httpTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "text/html,application/json,application/protobuf")
                .header("Accept-Language", "en-US,en;q=0.9")
                .header("Referer", WebcastConfig.WEB_ORIGIN + "/")
                .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                .GET();
        List<String> jar = cookies.get(uri, Map.of()).getOrDefault("Cookie", List.of());
        String cookie = String.join("; ", jar);
        request.header("Cookie", cookie.contains("tt-target-idc=") ? cookie
                : (cookie.isEmpty() ? "" : cookie + "; ") + "tt-target-idc=useast1a");
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        cookies.put(uri, response.headers().map());
        if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode());
        return response.body();
    }
}
