package app.ltth.live.webcast;

import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The sign service: it answers a fetch result (where to connect, with the first messages) and the cookie the
 * websocket must send. Signed URLs expire after seconds, so every connect signs again.
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(WebcastConfig.fill(config.signUrl(), null, roomId)))
                .timeout(config.httpTimeout()).header("User-Agent", config.userAgent()).GET();
        if (apiKey != null && !apiKey.isBlank()) request.header("x-api-key", apiKey);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new WebcastException("The signing service could not be reached (" + e.getMessage() + "). LTTH keeps "
                    + "trying.", true, e);
        }
        switch (response.statusCode()) {
            case 200 -> {
                try {
                    return new Signed(ProtoMessageFetchResult.parseFrom(response.body()),
                            response.headers().firstValue("x-set-tt-cookie").orElse(""));
                } catch (InvalidProtocolBufferException e) {
                    throw new WebcastException("The signing service answered something LTTH cannot read. It may have "
                            + "changed; try again later.", true, e);
                }
            }
            case 429 -> throw new WebcastException("The signing service says too many connections were made (rate "
                    + "limit). Wait a few minutes, or add your own API key in the settings to get a higher limit.", true);
            case 402, 403 -> throw new WebcastException("The signing service refused to sign (HTTP "
                    + response.statusCode() + "): the API key in the settings is missing, wrong or not allowed for "
                    + "this. Check the key.", false);
            default -> throw new WebcastException("The signing service answered HTTP " + response.statusCode()
                    + ". LTTH keeps trying.", true);
        }
    }
}
