package app.ltth.tts;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cloud voices: TikTok's (with the streamer's session), Google Cloud, ElevenLabs and OpenAI. Each needs a key or
 * session from the settings; their addresses are settings too (the tests point them at a local fake). A failure says
 * what went wrong and never contains the key.
 */
public abstract class CloudTts implements TtsEngine {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String id;
    private final String name;
    private final String keyName;
    private final List<Voice> voices;
    protected final HttpClient http;
    protected final Supplier<String> key;
    protected final Supplier<String> url;

    protected CloudTts(String id, String name, String keyName, List<Voice> voices, HttpClient http, Supplier<String> key,
                       Supplier<String> url) {
        this.id = id;
        this.name = name;
        this.keyName = keyName;
        this.voices = voices;
        this.http = http;
        this.key = key;
        this.url = url;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unavailableReason() {
        return key.get().isBlank() ? name + " needs " + keyName + ": add it under Settings" : null;
    }

    @Override
    public List<Voice> voices() {
        return voices;
    }

    @Override
    public String defaultVoice() {
        return voices.get(0).id();
    }

    @Override
    public Speech speak(String text, String voice) throws TtsException {
        String reason = unavailableReason();
        if (reason != null) throw new TtsException(reason);
        return request(text, voice == null || voice.isBlank() ? defaultVoice() : voice);
    }

    protected abstract Speech request(String text, String voice) throws TtsException;

    protected HttpResponse<byte[]> send(HttpRequest.Builder request) throws TtsException {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new TtsException(name + " refused the key (HTTP " + response.statusCode() + "): check " + keyName + " under Settings");
            }
            if (response.statusCode() / 100 == 3) {
                // Not followed: the request carries the key, and the new address is not the one it was entered for.
                throw new TtsException(name + " sent LTTH to another address (" + response.headers()
                        .firstValue("Location").orElse("?") + "). Your key was not sent there; if the service really "
                        + "moved, enter its new address under Settings.");
            }
            if (response.statusCode() >= 400) {
                throw new TtsException(name + " answered HTTP " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new TtsException(name + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TtsException("Stopped", e);
        }
    }

    protected static HttpRequest.BodyPublisher json(Map<String, Object> body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode parse(byte[] body) throws TtsException {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new TtsException(name + " sent an answer LTTH does not understand");
        }
    }

    protected Speech base64(JsonNode node) throws TtsException {
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw new TtsException(name + " sent no audio");
        }
        try {
            return new Speech(Base64.getDecoder().decode(node.asText()), "audio/mpeg");
        } catch (IllegalArgumentException e) {
            throw new TtsException(name + " sent audio LTTH cannot read");
        }
    }

    protected Speech audio(HttpResponse<byte[]> response) throws TtsException {
        if (response.body().length == 0) throw new TtsException(name + " sent no audio");
        return new Speech(response.body(), "audio/mpeg");
    }

    protected static URI uri(String base) throws TtsException {
        try {
            return URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new TtsException("The service address '" + base + "' is not valid");
        }
    }

    // ---- the four services ----------------------------------------------------------------------------------

    /** TikTok's own voices: unofficial, needs the streamer's sessionid cookie, about 300 characters at most. */
    public static final class TikTok extends CloudTts {
        public TikTok(HttpClient http, Supplier<String> session, Supplier<String> url) {
            super("tiktok", "TikTok voices", "your TikTok session id", List.of(
                    new Voice("en_us_001", "English US, female", "en-US"), new Voice("en_us_006", "English US, male", "en-US"),
                    new Voice("en_us_ghostface", "Ghostface", "en-US"), new Voice("en_us_c3po", "C3PO", "en-US"),
                    new Voice("en_us_stormtrooper", "Stormtrooper", "en-US"), new Voice("de_001", "German, female", "de-DE"),
                    new Voice("de_002", "German, male", "de-DE"), new Voice("fr_001", "French, male", "fr-FR"),
                    new Voice("es_002", "Spanish, male", "es-ES"), new Voice("jp_001", "Japanese, female", "ja-JP"),
                    new Voice("kr_002", "Korean, male", "ko-KR")), http, session, url);
        }

        @Override
        protected Speech request(String text, String voice) throws TtsException {
            String clipped = text.length() > 300 ? text.substring(0, 300) : text;
            String query = "text_speaker=" + enc(voice) + "&req_text=" + enc(clipped) + "&speaker_map_type=0&aid=1233";
            String base = url.get();
            JsonNode answer = parse(send(HttpRequest.newBuilder(uri(base + (base.contains("?") ? "&" : "?") + query))
                    .header("Cookie", "sessionid=" + key.get()).header("User-Agent", "com.zhiliaoapp.musically/2022600030")
                    .POST(HttpRequest.BodyPublishers.noBody())).body());
            int status = answer.path("status_code").asInt(-1);
            return switch (status) {
                case 0 -> base64(answer.at("/data/v_str"));
                case 1 -> throw new TtsException("TikTok voices: the session id is not valid (any more): copy a new one from "
                        + "your browser's tiktok.com cookies");
                case 2 -> throw new TtsException("TikTok voices: the text is too long");
                case 4 -> throw new TtsException("TikTok voices: there is no voice '" + voice + "'");
                default -> throw new TtsException("TikTok voices answered status " + status);
            };
        }
    }

    /** Google Cloud text-to-speech: an API key; the voice name carries its language (de-DE-Wavenet-B). */
    public static final class Google extends CloudTts {
        public Google(HttpClient http, Supplier<String> key, Supplier<String> url) {
            super("google", "Google Cloud voices", "an API key", List.of(
                    new Voice("en-US-Standard-C", "English US, female", "en-US"), new Voice("en-US-Standard-D", "English US, male", "en-US"),
                    new Voice("de-DE-Standard-A", "German, female", "de-DE"), new Voice("de-DE-Standard-B", "German, male", "de-DE"),
                    new Voice("fr-FR-Standard-A", "French, female", "fr-FR"), new Voice("es-ES-Standard-A", "Spanish, female", "es-ES")),
                    http, key, url);
        }

        @Override
        protected Speech request(String text, String voice) throws TtsException {
            String[] parts = voice.split("-");
            String language = parts.length >= 2 ? parts[0] + "-" + parts[1] : "en-US";
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(url.get() + "?key=" + enc(key.get())))
                    .header("Content-Type", "application/json")
                    .POST(json(Map.of("input", Map.of("text", text), "voice", Map.of("languageCode", language, "name", voice),
                            "audioConfig", Map.of("audioEncoding", "MP3")))));
            return base64(parse(response.body()).get("audioContent"));
        }
    }

    /** ElevenLabs: an API key; voices by their id. */
    public static final class ElevenLabs extends CloudTts {
        public ElevenLabs(HttpClient http, Supplier<String> key, Supplier<String> url) {
            super("elevenlabs", "ElevenLabs", "an API key", List.of(
                    new Voice("21m00Tcm4TlvDq8ikWAM", "Rachel", "multi"), new Voice("EXAVITQu4vr4xnSDxMaL", "Bella", "multi"),
                    new Voice("ErXwobaYiN019PkySvjV", "Antoni", "multi"), new Voice("TxGEqnHWrfWFTfGW9XjX", "Josh", "multi")),
                    http, key, url);
        }

        @Override
        protected Speech request(String text, String voice) throws TtsException {
            String base = url.get();
            return audio(send(HttpRequest.newBuilder(uri(base + (base.endsWith("/") ? "" : "/") + enc(voice)))
                    .header("xi-api-key", key.get()).header("Content-Type", "application/json").header("Accept", "audio/mpeg")
                    .POST(json(Map.of("text", text, "model_id", "eleven_multilingual_v2")))));
        }
    }

    /** OpenAI: an API key; six voices. */
    public static final class OpenAi extends CloudTts {
        public OpenAi(HttpClient http, Supplier<String> key, Supplier<String> url) {
            super("openai", "OpenAI voices", "an API key", List.of(new Voice("alloy", "Alloy", "multi"),
                    new Voice("echo", "Echo", "multi"), new Voice("fable", "Fable", "multi"), new Voice("onyx", "Onyx", "multi"),
                    new Voice("nova", "Nova", "multi"), new Voice("shimmer", "Shimmer", "multi")), http, key, url);
        }

        @Override
        protected Speech request(String text, String voice) throws TtsException {
            return audio(send(HttpRequest.newBuilder(uri(url.get()))
                    .header("Authorization", "Bearer " + key.get()).header("Content-Type", "application/json")
                    .POST(json(Map.of("model", "tts-1", "voice", voice, "input", text)))));
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
