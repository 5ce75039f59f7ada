package app.ltth.alerts;

import app.ltth.i18n.Texts;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * How one kind of alert looks and when it shows.
 *
 * @param type       gift, follow, subscribe, share, like (a milestone of the room's likes) or join
 * @param text       a template (see docs/flows.md for the placeholders); TikTok's values are HTML-escaped
 * @param sound      a sound to play: a web address or an uploaded file (/media/...); empty for none
 * @param media      an image, GIF or video shown with the text; empty for none
 * @param minCoins   gifts: only streaks worth at least this many coins alert
 * @param likeStep   likes: one alert each time the room's likes pass a multiple of this
 */
public record AlertConfig(String type, boolean enabled, String text, String sound, double volume, String media,
                          int seconds, String animation, long minCoins, long likeStep) {

    public static final List<String> TYPES = List.of("gift", "follow", "subscribe", "share", "like", "join");
    public static final List<String> ANIMATIONS = List.of("slide", "fade", "zoom", "bounce");

    /** The defaults of a type, its text in the streamer's language (locale key {@code alert.default.<type>}). */
    public static AlertConfig defaults(String type, Texts texts) {
        // Shares and joins come by the hundred in a busy LIVE: off until the streamer wants them.
        boolean on = !type.equals("join") && !type.equals("share");
        return new AlertConfig(type, on, texts.get("alert.default." + type), "", 0.8, "", type.equals("join") ? 3 : 5,
                "slide", 0, 1000);
    }

    /** Reads a config from JSON on top of {@code previous}, so that an update may name only what changes. */
    public static AlertConfig parse(String type, JsonNode json, AlertConfig previous) {
        if (!TYPES.contains(type)) throw new ValidationException("type", "type must be one of " + String.join(", ", TYPES));
        if (json == null || !json.isObject()) throw new ValidationException(null, "An alert config is a JSON object");
        ObjectNode merged = Json.MAPPER.valueToTree(previous);
        merged.setAll((ObjectNode) json);
        JsonFields f = new JsonFields(merged, "");
        return new AlertConfig(type, f.bool("enabled", true), f.requiredText("text", 300), f.url("sound"),
                f.decimal("volume", 0.8, 0, 1), f.url("media"), (int) f.number("seconds", 5, 1, 60),
                f.choice("animation", ANIMATIONS, "slide"), f.number("minCoins", 0, 0, 10_000_000),
                f.number("likeStep", 1000, 1, 100_000_000));
    }
}
