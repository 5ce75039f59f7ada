package app.ltth.i18n;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sentence by its locale key and the values of its placeholders, for a page to say in its own language (the server
 * keeps its English words for logs and programs).
 */
public record Message(String key, Map<String, Object> params) {

    public Message {
        params = Map.copyOf(params);
    }

    /** @param namesAndValues placeholder name, value, name, value, ... */
    public static Message of(String key, Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return new Message(key, params);
    }
}
