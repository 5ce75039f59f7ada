package app.ltth.i18n;

import app.ltth.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * The translations in {@code locales/<language>.json}: packed into the jar, and overridable file by file from the
 * app's {@code locales/} folder (as the web server does for the pages), so a translation can be corrected without a
 * rebuild. A key missing in a language falls back to English.
 */
public final class Locales {

    /** The languages LTTH speaks, English first (the fallback). */
    public static final List<String> LANGUAGES = List.of("en", "de", "es", "fr");
    /** The setting value that means "the language of this computer". */
    public static final String AUTO = "auto";

    private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() { };

    private final Path overrides;
    private final Map<String, Texts> packed = new ConcurrentHashMap<>();

    /** @param overrides the app's {@code locales/} folder (it need not exist) */
    public Locales(Path overrides) {
        this.overrides = overrides;
    }

    /** The texts of a language (an unknown one gets English). */
    public Texts texts(String language) {
        String lang = LANGUAGES.contains(language) ? language : "en";
        Path override = overrides.resolve(lang + ".json");
        if (!Files.isRegularFile(override)) return packed.computeIfAbsent(lang, l -> merged(l, Map.of()));
        return merged(lang, read(override));
    }

    /** English, then the language's packed texts, then its override: the last one to have a key wins. */
    private Texts merged(String lang, Map<String, String> override) {
        Map<String, String> merged = new LinkedHashMap<>(lang.equals("en") ? Map.of() : texts("en").all());
        merged.putAll(packed(lang));
        merged.putAll(override);
        return new Texts(lang, merged);
    }

    /**
     * The language a setting names: one of {@link #LANGUAGES}, or {@code auto} for this computer's language (English
     * when LTTH does not speak it).
     */
    public static String resolve(String setting) {
        if (LANGUAGES.contains(setting)) return setting;
        String system = Locale.getDefault().getLanguage();
        return LANGUAGES.contains(system) ? system : "en";
    }

    private static Map<String, String> packed(String lang) {
        try (InputStream in = Locales.class.getResourceAsStream("/locales/" + lang + ".json")) {
            if (in == null) return Map.of();
            return Json.MAPPER.readValue(in, TEXTS);
        } catch (IOException e) {
            throw new UncheckedIOException("The packed translation " + lang + ".json cannot be read", e);
        }
    }

    private static Map<String, String> read(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), TEXTS);
        } catch (IOException e) {
            // A broken override must not take the dashboard down: the packed texts stand in.
            LoggerFactory.getLogger(Locales.class).warn("Ignoring {}: {}", file, e.getMessage());
            return Map.of();
        }
    }
}
