package app.ltth.customevents;

import app.ltth.events.CustomEvent;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a custom event from another program: {@code {"name": "deck.scene", "fields": {"scene": "Intro"}}}. Strict, as
 * everything from outside is: an unknown key, a nested value or a field name that would hide one of LTTH's own
 * placeholders is refused with the field at fault, never ignored. Pure: no I/O, no clock.
 */
public final class CustomEvents {

    /** The largest message taken: a datagram, a WebSocket message or an HTTP body. */
    public static final int MAX_BYTES = 8 * 1024;
    public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.:-]{0,63}");
    static final Pattern FIELD = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]{0,31}");
    static final int MAX_FIELDS = 32;
    static final int MAX_TEXT = 500;
    /** The placeholders every custom event has already: a field may not take their names. */
    static final Set<String> RESERVED = Set.of("type", "date", "time", "totalCoins", "name", "source");

    private CustomEvents() {
    }

    /**
     * @param allowed the keys this way in takes besides name and fields (e.g. "token")
     */
    public static CustomEvent read(JsonNode body, Set<String> allowed, String source, String id, long now) {
        if (body == null || !body.isObject()) {
            throw new ValidationException(null, "A custom event is a JSON object, e.g. "
                    + "{\"name\": \"deck.scene\", \"fields\": {\"scene\": \"Intro\"}}");
        }
        Set<String> known = new HashSet<>(allowed);
        known.addAll(Set.of("name", "fields"));
        new JsonFields(body, "").refuseUnknown(known, "key", "a custom event has name and fields");
        JsonNode nameNode = body.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : "";
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException("name", "name is required: 1-64 letters, digits, '.', ':', '_' or '-', "
                    + "starting with a letter or digit, e.g. deck.scene");
        }
        return new CustomEvent(id, now, name, source, fields(body.get("fields")));
    }

    private static Map<String, Object> fields(JsonNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (node == null || node.isNull()) return fields;
        if (!node.isObject()) throw new ValidationException("fields", "fields must be an object of names and values");
        if (node.size() > MAX_FIELDS) {
            throw new ValidationException("fields", "fields holds at most " + MAX_FIELDS + " values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String path = "fields." + key;
            if (!FIELD.matcher(key).matches()) {
                throw new ValidationException(path, "A field's name is up to 32 letters, digits or '_', starting with "
                        + "a letter; it becomes a placeholder, e.g. {scene}");
            }
            if (RESERVED.contains(key)) {
                throw new ValidationException(path, "'" + key + "' is taken by LTTH's own placeholder {" + key
                        + "}: name the field otherwise");
            }
            fields.put(key, value(e.getValue(), path));
        }
        return fields;
    }

    private static Object value(JsonNode v, String path) {
        if (v.isTextual()) {
            if (v.asText().length() > MAX_TEXT) {
                throw new ValidationException(path, path + " is longer than " + MAX_TEXT + " characters");
            }
            return v.asText();
        }
        if (v.isBoolean()) return v.asBoolean();
        if (v.isNull()) return "";   // a script's "nothing here": an empty placeholder
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.asLong();
        if (v.isNumber() && Double.isFinite(v.asDouble())) return v.asDouble();
        throw new ValidationException(path, path + " must be a text, a number or true/false");
    }
}
