package app.ltth.alerts;

import app.ltth.i18n.Texts;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one kind of alert looks and when it shows.
 *
 * @param type       gift, follow, subscribe, share, like (a milestone of the room's likes) or join
 * @param text       a template (see docs/flows.md for the placeholders); TikTok's values are HTML-escaped
 * @param sound      a sound to play: a web address or an uploaded file (/media/...); empty for none
 * @param media      an image, GIF or video shown with the text; empty for none
 * @param animation  how the alert comes in
 * @param style      its look: clean, neon or comic (each with its own way out)
 * @param minCoins   gifts: only streaks worth at least this many coins alert
 * @param likeStep   likes: one alert each time the room's likes pass a multiple of this
 * @param variations gifts: alerts of their own per gift name or coin range ({@link #forGift})
 */
public record AlertConfig(String type, boolean enabled, String text, String sound, double volume, String media,
                          int seconds, String animation, String style, long minCoins, long likeStep,
                          List<AlertVariation> variations) {

    public static final List<String> TYPES = List.of("gift", "follow", "subscribe", "share", "like", "join");
    public static final List<String> ANIMATIONS = List.of("slide", "fade", "zoom", "bounce");
    public static final List<String> STYLES = List.of("clean", "neon", "comic");
    /** The sounds LTTH ships (public/sounds, CC0): one per type, and each may be chosen for any alert. */
    public static final List<String> SOUNDS = TYPES.stream().map(AlertConfig::builtInSound).toList();
    static final int MAX_VARIATIONS = 50;

    static String builtInSound(String type) {
        return "/sounds/" + type + ".wav";
    }

    /**
     * The look for one gift streak: the first variation naming the gift, else the first whose coin range holds the
     * streak's coins, else this (the gift alert) itself.
     */
    public AlertConfig forGift(String giftName, long coins) {
        return variations.stream().filter(v -> v.matchesName(giftName)).findFirst()
                .or(() -> variations.stream().filter(v -> v.matchesCoins(coins)).findFirst())
                .map(v -> v.applyTo(this)).orElse(this);
    }

    /** The defaults of a type, its text in the streamer's language (locale key {@code alert.default.<type>}). */
    public static AlertConfig defaults(String type, Texts texts) {
        // Shares and joins come by the hundred in a busy LIVE: off until the streamer wants them.
        boolean on = !type.equals("join") && !type.equals("share");
        return new AlertConfig(type, on, texts.get("alert.default." + type), builtInSound(type), 0.8, "",
                type.equals("join") ? 3 : 5, "slide", "clean", 0, 1000, List.of());
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
                f.choice("animation", ANIMATIONS, "slide"), f.choice("style", STYLES, "clean"),
                f.number("minCoins", 0, 0, 10_000_000), f.number("likeStep", 1000, 1, 100_000_000), variations(f));
    }

    private static List<AlertVariation> variations(JsonFields f) {
        JsonNode list = f.node("variations");
        if (list == null || list.isNull()) return List.of();
        if (!list.isArray() || list.size() > MAX_VARIATIONS) {
            throw new ValidationException("variations", "variations must be a list of at most " + MAX_VARIATIONS,
                    "error.field.list", Map.of("max", MAX_VARIATIONS));
        }
        List<AlertVariation> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(AlertVariation.parse(new JsonFields(list.get(i), "variations[" + i + "]")));
        return List.copyOf(out);
    }
}
