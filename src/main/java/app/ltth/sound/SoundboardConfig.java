package app.ltth.sound;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The soundboard's settings: a sound per gift (by name, as the gift catalog has it), per event type and per like
 * milestone; the anti-spam rules (one sound per streak or one per N gifts, cooldowns per viewer and per gift, a queue
 * with a maximum, sounds overlapping or one after another); the volume; and the dashboard's buttons with hotkeys.
 *
 * @param streak "once" (one sound per streak) or "every" (one per {@code everyN} gifts of a streak)
 * @param playback "overlap" (each sound at once) or "queue" (one after another)
 */
public record SoundboardConfig(boolean enabled, Map<String, String> gifts, Map<String, String> events, long likeEvery,
                               String likeSound, String streak, int everyN, int userCooldownSeconds,
                               int giftCooldownSeconds, String playback, int queueMax, int volume, List<Button> buttons) {

    public record Button(String name, String sound, String hotkey) {
    }

    public static final List<String> EVENT_TYPES = List.of("follow", "share", "subscribe", "join");
    /** A sound is an uploaded file, a cached MyInstants sound, or a web address. */
    /** An uploaded sound, a MyInstants download, one of LTTH's own (public/sounds) or a web address. */
    static final Pattern SOUND = Pattern.compile("/media/[A-Za-z0-9._-]+\\.(mp3|wav|ogg|m4a)|/api/soundboard/files/[A-Za-z0-9._-]+\\.mp3"
            + "|/sounds/[a-z0-9-]+\\.wav|https?://\\S+");
    private static final Pattern HOTKEY = Pattern.compile("[a-z0-9]|f([1-9]|1[0-2])");

    public static SoundboardConfig defaults() {
        return new SoundboardConfig(true, Map.of(), Map.of(), 0, "", "once", 5, 0, 0, "overlap", 10, 100, List.of());
    }

    public static SoundboardConfig parse(JsonNode json) {
        SoundboardConfig d = defaults();
        JsonFields f = new JsonFields(json, "");
        Map<String, String> gifts = sounds(f.node("gifts"), "gifts", null);
        Map<String, String> events = sounds(f.node("events"), "events", EVENT_TYPES);
        String likeSound = f.text("likeSound", "", 500);
        if (!likeSound.isEmpty()) sound(likeSound, "likeSound");
        List<Button> buttons = new ArrayList<>();
        JsonNode b = f.node("buttons");
        if (b != null && !b.isNull()) {
            if (!b.isArray() || b.size() > 100) throw new ValidationException("buttons", "buttons must be a list of at most 100");
            for (int i = 0; i < b.size(); i++) {
                JsonFields bf = new JsonFields(b.get(i), "buttons[" + i + "]");
                String hotkey = bf.text("hotkey", "", 3).toLowerCase(java.util.Locale.ROOT);
                if (!hotkey.isEmpty() && !HOTKEY.matcher(hotkey).matches()) {
                    throw new ValidationException("buttons[" + i + "].hotkey", "A hotkey is one letter, digit or F1-F12");
                }
                buttons.add(new Button(bf.requiredText("name", 40), sound(bf.requiredText("sound", 500), "buttons[" + i + "].sound"), hotkey));
            }
        }
        return new SoundboardConfig(f.bool("enabled", d.enabled()), gifts, events, f.number("likeEvery", 0, 0, 10_000_000),
                likeSound, f.choice("streak", List.of("once", "every"), d.streak()), (int) f.number("everyN", d.everyN(), 1, 10_000),
                (int) f.number("userCooldownSeconds", 0, 0, 3600), (int) f.number("giftCooldownSeconds", 0, 0, 3600),
                f.choice("playback", List.of("overlap", "queue"), d.playback()), (int) f.number("queueMax", d.queueMax(), 1, 200),
                (int) f.number("volume", d.volume(), 0, 100), List.copyOf(buttons));
    }

    private static Map<String, String> sounds(JsonNode node, String field, List<String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return Map.of();
        if (!node.isObject()) throw new ValidationException(field, field + " must be an object: name -> sound");
        node.properties().forEach(e -> {
            if (keys != null && !keys.contains(e.getKey())) {
                throw new ValidationException(field + "." + e.getKey(), "Sounds can play on " + String.join(", ", keys));
            }
            if (e.getKey().isBlank() || e.getKey().length() > 100) throw new ValidationException(field, "A gift name is 1-100 characters");
            if (!e.getValue().isTextual()) throw new ValidationException(field + "." + e.getKey(), "must be a sound address");
            out.put(e.getKey(), sound(e.getValue().asText(), field + "." + e.getKey()));
        });
        return Map.copyOf(out);
    }

    public static String sound(String value, String field) {
        String v = value.trim();
        if (v.length() > 500 || !SOUND.matcher(v).matches()) {
            throw new ValidationException(field, "A sound is an uploaded sound (/media/...mp3), a MyInstants sound, one of LTTH's own or a web address");
        }
        return v;
    }
}
