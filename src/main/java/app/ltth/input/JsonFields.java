package app.ltth.input;

import app.ltth.i18n.Message;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the optional fields of a JSON object with a default for each, and says which field is wrong (and why) as a
 * {@link ValidationException}. Field names in messages carry {@code prefix}, e.g. {@code style.color}.
 */
public final class JsonFields {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");

    private final JsonNode json;
    private final String prefix;

    public JsonFields(JsonNode json, String prefix) {
        this.json = json == null || json.isNull() ? Json.MAPPER.createObjectNode() : json;
        this.prefix = prefix;
        if (!this.json.isObject()) throw new ValidationException(prefix.isEmpty() ? null : prefix, "must be a JSON object");
    }

    public JsonNode node(String field) {
        return json.get(field);
    }

    private String name(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** The field's full path, as error messages name it. */
    public String path(String field) {
        return name(field);
    }

    public String text(String field, String fallback, int maxLength) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.isTextual()) throw invalid(field, field + " must be a text", "error.field.text");
        String value = n.asText().trim();
        if (value.length() > maxLength) {
            throw invalid(field, field + " is longer than " + maxLength + " characters", "error.field.tooLong",
                    "max", maxLength);
        }
        return value;
    }

    public String requiredText(String field, int maxLength) {
        String value = text(field, "", maxLength);
        if (value.isEmpty()) throw invalid(field, field + " is required", "error.field.required");
        return value;
    }

    public long number(String field, long fallback, long min, long max) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw invalid(field, field + " must be a whole number from " + min + " to " + max, "error.field.wholeNumber",
                    "min", min, "max", max);
        }
        return n.asLong();
    }

    public long requiredNumber(String field, long min, long max) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            throw invalid(field, field + " is required: a whole number from " + min + " to " + max,
                    "error.field.wholeNumber", "min", min, "max", max);
        }
        return number(field, 0, min, max);
    }

    public double decimal(String field, double fallback, double min, double max) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
            throw invalid(field, field + " must be a number from " + min + " to " + max, "error.field.number",
                    "min", min, "max", max);
        }
        return n.asDouble();
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.isBoolean()) throw invalid(field, field + " must be true or false", "error.field.bool");
        return n.asBoolean();
    }

    public String choice(String field, List<String> allowed, String fallback) {
        String value = text(field, fallback, 64);
        if (value == null || !allowed.contains(value)) {   // null: missing, and there is no default
            throw invalid(field, field + " must be one of " + String.join(", ", allowed), "error.field.choice");
        }
        return value;
    }

    public String color(String field, String fallback) {
        String value = text(field, fallback, 9);
        if (!COLOR.matcher(value).matches()) {
            throw invalid(field, field + " must be a colour such as #ff0050", "error.field.colour");
        }
        return value;
    }

    /** A web address or a file LTTH serves (/media/...); empty when none. */
    public String url(String field) {
        String value = text(field, "", 2000);
        if (!value.isEmpty() && !value.matches("(https?://|/)\\S+")) {
            throw invalid(field, field + " must be a web address (http...) or an uploaded file (/media/...)",
                    "error.field.address");
        }
        return value;
    }

    /**
     * Refuses a field that is not one of {@code known}, rather than ignoring it: a typo never looks like a setting that
     * took. The message says "Unknown {@code kind} 'x'", then {@code hint} (e.g. what to use) when there is one.
     */
    public void refuseUnknown(Set<String> known, String kind, String hint) {
        for (Iterator<String> keys = json.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw new ValidationException(name(key), "Unknown " + kind + " '" + key + "'" + (hint.isEmpty() ? "" : ": " + hint));
            }
        }
    }

    /** A refused field: the English sentence for programs, and its locale key and values for the dashboard. */
    private ValidationException invalid(String field, String message, String key, Object... namesAndValues) {
        Message text = Message.of(key, namesAndValues);
        return new ValidationException(name(field), message, text.key(), text.params());
    }
}
