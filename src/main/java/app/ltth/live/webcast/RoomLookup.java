package app.ltth.live.webcast;

import app.ltth.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the room id of a user's LIVE: from the LIVE page's SIGI_STATE, else from the api-live JSON. */
public final class RoomLookup {

    /** @param status 2 = live, 4 = ended */
    public record Room(String roomId, int status) {
        public boolean live() {
            return status == 2;
        }
    }

    private static final Pattern SIGI_STATE = Pattern.compile(
            "<script[^>]*id=\"SIGI_STATE\"[^>]*>(.*?)</script>", Pattern.DOTALL);

    private final HttpClient http;
    private final WebcastConfig config;

    public RoomLookup(HttpClient http, WebcastConfig config) {
        this.http = http;
        this.config = config;
    }

    public Room find(String user) throws WebcastException, InterruptedException {
        Optional<Room> fromPage;
        try {
            fromPage = fromLivePage(get(WebcastConfig.fill(config.livePageUrl(), user, null)));
        } catch (IOException e) {
            fromPage = Optional.empty();   // the JSON route below may still work
        }
        if (fromPage.isPresent()) return fromPage.get();
        String body;
        try {
            body = get(WebcastConfig.fill(config.apiLiveUrl(), user, null));
        } catch (IOException e) {
            throw new WebcastException("TikTok could not be reached to find @" + user + "'s LIVE (" + e.getMessage()
                    + "). Check the internet connection; LTTH keeps trying.", true, e);
        }
        return fromApiLive(body, user);
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
            throw new WebcastException("TikTok answered with a page LTTH cannot read (maybe a captcha). Try again in a "
                    + "few minutes.", true, e);
        }
        if (json == null || json.path("statusCode").asInt(-1) != 0) {
            String reason = json == null ? "no answer" : json.path("message").asText(json.path("statusCode").asText());
            throw new WebcastException("TikTok does not know the user @" + user + " (" + reason + "). Check the "
                    + "spelling of the username.", false);
        }
        String roomId = json.path("data").path("user").path("roomId").asText("");
        if (roomId.isEmpty() || roomId.equals("0")) {
            throw new WebcastException("@" + user + " has no LIVE room yet.", false);
        }
        return new Room(roomId, json.path("data").path("liveRoom").path("status").asInt(0));
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(config.httpTimeout())
                .header("User-Agent", config.userAgent()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode());
        return response.body();
    }
}
