package app.ltth.i18n;

import java.util.Map;

/**
 * The texts of one language, English filling what it lacks. Placeholders are written {@code {name}}, as in the
 * pages' scripts.
 */
public final class Texts {

    private final String language;
    private final Map<String, String> texts;

    Texts(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    public String language() {
        return language;
    }

    /** The text of a key; the key itself when no language has it (visible, so that it gets noticed). */
    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    /** The text of a key with its {@code {placeholders}} filled. */
    public String get(String key, Map<String, ?> values) {
        String text = get(key);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return text;
    }

    /** Every text, for the page's scripts. */
    public Map<String, String> all() {
        return texts;
    }
}
