package app.ltth.settings;

import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One setting: its key, type, default and rules. Values are stored as JSON text and checked against these rules on
 * every change, so nothing invalid ever reaches the database.
 *
 * @param secret  stored, but never shown by the API or written to the log
 * @param min     for numbers: the smallest value allowed
 * @param max     for numbers: the largest value allowed
 * @param options for choices: the values allowed
 * @param pattern for text: what it must look like (empty is always allowed)
 * @param check   for text: a further check that throws {@link IllegalArgumentException} saying what is wrong, or null
 */
public record Setting(String key, Type type, Object defaultValue, boolean secret, long min, long max,
                      List<String> options, String pattern, String description, Consumer<String> check) {

    public enum Type { TEXT, NUMBER, BOOLEAN, CHOICE }

    static Setting text(String key, String defaultValue, String pattern, String description) {
        return new Setting(key, Type.TEXT, defaultValue, false, 0, 0, List.of(), pattern, description, null);
    }

    static Setting secret(String key, String description) {
        return new Setting(key, Type.TEXT, "", true, 0, 0, List.of(), null, description, null);
    }

    /** Text that must pass {@code check} when not empty (e.g. an address with placeholders). */
    static Setting checked(String key, String defaultValue, Consumer<String> check, String description) {
        return new Setting(key, Type.TEXT, defaultValue, false, 0, 0, List.of(), null, description, check);
    }

    static Setting number(String key, long defaultValue, long min, long max, String description) {
        return new Setting(key, Type.NUMBER, defaultValue, false, min, max, List.of(), null, description, null);
    }

    static Setting bool(String key, boolean defaultValue, String description) {
        return new Setting(key, Type.BOOLEAN, defaultValue, false, 0, 0, List.of(), null, description, null);
    }

    static Setting choice(String key, String defaultValue, List<String> options, String description) {
        return new Setting(key, Type.CHOICE, defaultValue, false, 0, 0, options, null, description, null);
    }

    /** Checks a new value from the outside and returns it as the Java value to keep. */
    Object validate(JsonNode node) {
        switch (type) {
            case TEXT -> {
                if (!node.isTextual()) throw invalid(key + " must be text", "error.setting.text", Map.of());
                String value = node.asText().trim();
                if (value.length() > 500) {
                    throw invalid(key + " must be at most 500 characters", "error.setting.tooLong", Map.of("max", 500));
                }
                if (pattern != null && !value.isEmpty() && !Pattern.matches(pattern, value)) {
                    throw invalid(description + ": '" + value + "' is not valid here", "error.setting.pattern",
                            Map.of("value", value));
                }
                if (check != null && !value.isEmpty()) {
                    try {
                        check.accept(value);
                    } catch (IllegalArgumentException e) {
                        throw invalid(description + ": " + e.getMessage(), "error.setting.address",
                                Map.of("detail", e.getMessage()));
                    }
                }
                return value;
            }
            case NUMBER -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw invalid(key + " must be a whole number", "error.setting.number", Map.of());
                }
                long value = node.asLong();
                if (value < min || value > max) {
                    throw invalid(key + " must be between " + min + " and " + max, "error.setting.range",
                            Map.of("min", min, "max", max));
                }
                return value;
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) throw invalid(key + " must be true or false", "error.setting.bool", Map.of());
                return node.asBoolean();
            }
            case CHOICE -> {
                if (!node.isTextual() || !options.contains(node.asText())) {
                    throw invalid(key + " must be one of " + String.join(", ", options), "error.setting.choice", Map.of());
                }
                return node.asText();
            }
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }

    private ValidationException invalid(String message, String textKey, Map<String, Object> values) {
        return new ValidationException(key, message, textKey, values);
    }
}
