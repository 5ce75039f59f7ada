package app.ltth.live.webcast;

import app.ltth.errors.Reasons;
import app.ltth.i18n.Message;
import app.ltth.json.Json;
import app.ltth.live.webcast.WebcastException.Problem;
import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The sign service: it answers a fetch result (where to connect, with the first messages) and the cookie the
 * websocket must send. It signs for the User-Agent named in the request ({userAgent}), which the socket then sends.
 * Signed URLs expire after seconds, so every connect signs again.
 */
public final class SignClient {

    public record Signed(ProtoMessageFetchResult fetchResult, String cookie) {
    }

    private final HttpClient http;
    private final WebcastConfig config;

    public SignClient(HttpClient http, WebcastConfig config) {
        this.http = http;
        this.config = config;
    }

    /** @param apiKey the user's key from the settings, or empty */
    public Signed sign(String roomId, String apiKey) throws WebcastException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(UrlTemplate.fill(config.signUrl(), Map.of("roomId", roomId, "userAgent", config.userAgent())));
        } catch (IllegalArgumentException e) {
            throw new WebcastException(Problem.SETTINGS, Message.of("connect.error.signAddress"), "The signing service address in the settings is not valid (" + e.getMessage()
                    + "). Correct it under Settings > Advanced.", false, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.httpTimeout())
                .header("User-Agent", config.userAgent()).GET();
        boolean hasKey = apiKey != null && !apiKey.isBlank();
        if (hasKey) request.header("x-api-key", apiKey);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new WebcastException(Problem.SIGN_SERVICE, Message.of("connect.error.signUnreachable"), "The signing service cannot be reached (" + Reasons.of(e) + "). LTTH keeps "
                    + "trying.", true, e);
        }
        int status = response.statusCode();
        switch (status) {
            case 200 -> {
                String cookie = response.headers().firstValue("x-set-tt-cookie").orElse("");
                if (cookie.isBlank()) {
                    throw new WebcastException(Problem.SIGN_SERVICE, Message.of("connect.error.signUnreadable"),
                            "The signing service answered without the cookie TikTok needs. LTTH "
                            + "tries again.", true);
                }
                try {
                    return new Signed(ProtoMessageFetchResult.parseFrom(response.body()), cookie);
                } catch (InvalidProtocolBufferException e) {
                    throw new WebcastException(Problem.SIGN_SERVICE, Message.of("connect.error.signUnreadable"),
                            "The signing service answered something LTTH cannot read. It may have "
                            + "changed; LTTH tries again.", true, e);
                }
            }
            case 401 -> throw new WebcastException(Problem.SIGN_SERVICE, Message.of(hasKey ? "connect.error.signKeyRefused" : "connect.error.signNeedsKey"), (hasKey ? "The signing service does not accept the API key in the "
                    + "settings" : "The signing service now needs an API key") + " (HTTP 401). Get a free key at "
                    + "eulerstream.com and enter it under Settings > TikTok, then connect again.", false);
            case 402 -> throw new WebcastException(Problem.SIGN_SERVICE, Message.of("connect.error.signPaid"), "The signing service says this needs a paid plan (HTTP 402"
                    + serviceMessage(response) + "). Check your plan at eulerstream.com, or use another key.", false);
            case 403 -> throw new WebcastException(Problem.SIGN_SERVICE, Message.of("connect.error.signForbidden"), "The signing service does not allow this key to do this (HTTP 403"
                    + serviceMessage(response) + "). Check the key's permissions at eulerstream.com.", false);
            case 429 -> {
                long wait = retryAfter(response);
                throw new WebcastException(Problem.SIGN_SERVICE, Message.of(hasKey ? "connect.error.signRateLimitKey" : "connect.error.signRateLimit",
                        "seconds", Math.max(1, wait / 1000)), "The signing service limits how often you may connect (rate limit"
                        + serviceMessage(response) + "). LTTH waits" + (wait > 0 ? " at least " + wait / 1000 + " s" : "")
                        + " before it tries again; " + (hasKey ? "a higher plan raises the limit."
                        : "your own API key (Settings > TikTok) raises the limit."), true, wait, null);
            }
            default -> throw new WebcastException(Problem.SIGN_SERVICE, Message.of("connect.error.signStatus", "status", status),
                    "The signing service answered HTTP " + status + serviceMessage(response)
                    + ". LTTH keeps trying.", true);
        }
    }

    /** The service's own words ({"message": ...}), as ": ..." to append, or nothing. */
    private static String serviceMessage(HttpResponse<byte[]> response) {
        try {
            String message = Json.MAPPER.readTree(new String(response.body(), StandardCharsets.UTF_8)).path("message").asText("");
            message = message.replaceAll("\\p{Cntrl}", " ").strip();
            return message.isEmpty() ? "" : ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Retry-After in seconds (the only form the service sends), in ms; 0 when absent or unreadable. */
    private static long retryAfter(HttpResponse<?> response) {
        try {
            return Math.min(3_600_000, Long.parseLong(response.headers().firstValue("Retry-After").orElse("0").trim()) * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
