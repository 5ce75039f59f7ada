package app.ltth.input;

import java.util.Map;

/**
 * Input that cannot be accepted, naming the offending field so the dashboard can show the message next to it.
 * The message is English, for programs and the log; with a text key (and its values) the dashboard says it in the
 * streamer's language.
 */
public class ValidationException extends RuntimeException {
    private final String field;
    private final String key;
    private final Map<String, Object> params;

    public ValidationException(String field, String message) {
        this(field, message, null, Map.of());
    }

    /**
     * @param key    the locale key of the message, e.g. {@code error.setting.range}
     * @param params the values of its {@code {placeholders}}
     */
    public ValidationException(String field, String message, String key, Map<String, Object> params) {
        super(message);
        this.field = field;
        this.key = key;
        this.params = Map.copyOf(params);
    }

    /** The JSON field at fault, or null when the input as a whole is wrong. */
    public String field() {
        return field;
    }

    /** The locale key of the message, or null when there is none. */
    public String key() {
        return key;
    }

    public Map<String, Object> params() {
        return params;
    }
}
