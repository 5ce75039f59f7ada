package app.ltth.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a page asks for exists, in every language LTTH speaks, with the same placeholders. */
class LocalesTest {

    private static Set<String> keys(String lang) throws Exception {
        Set<String> keys = new TreeSet<>();
        Json.MAPPER.readTree(Path.of("locales", lang + ".json").toFile()).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void everyLanguageHasTheSameKeysAndPlaceholdersAsEnglish() throws Exception {
        JsonNode en = Json.MAPPER.readTree(Path.of("locales", "en.json").toFile());
        Pattern placeholder = Pattern.compile("\\{\\w+}");
        for (String lang : app.ltth.i18n.Locales.LANGUAGES) {
            assertThat(keys(lang)).as(lang).isEqualTo(keys("en"));
            JsonNode texts = Json.MAPPER.readTree(Path.of("locales", lang + ".json").toFile());
            en.fieldNames().forEachRemaining(key -> assertThat(placeholders(placeholder, texts.get(key).asText()))
                    .as(lang + " " + key).isEqualTo(placeholders(placeholder, en.get(key).asText())));
        }
    }

    private static Set<String> placeholders(Pattern placeholder, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = placeholder.matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }

    @Test
    void everyKeyThePagesNameIsTranslated() throws Exception {
        Set<String> used = new TreeSet<>();
        Pattern attribute = Pattern.compile("data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"");
        Pattern call = Pattern.compile("\\bt\\(['\"]([A-Za-z0-9_.]+)['\"]");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("public")), Files.walk(Path.of("src/main/jte")))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(html|js|jte)"))
                    .filter(p -> !p.toString().contains("vendor") && !p.endsWith("i18n.js")).toList()) {   // i18n.js documents the syntax
                String text = Files.readString(f);
                for (Pattern p : new Pattern[] {attribute, call}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        if (!m.group(1).endsWith(".")) used.add(m.group(1));   // "obs.state." + state is built at run time
                    }
                }
            }
        }
        assertThat(keys("en")).containsAll(used);
        JsonNode en = Json.MAPPER.readTree(Path.of("locales", "en.json").toFile());
        for (String state : new String[] {"connected", "connecting", "reconnecting", "disconnected", "auth_failed"}) {
            assertThat(en.has("obs.state." + state)).as(state).isTrue();
        }
        for (String theme : new String[] {"dark", "light", "contrast"}) assertThat(en.has("theme." + theme)).as(theme).isTrue();
        // Built at run time: the feed's type chips, the settings' labels and choices, the overlays' names.
        for (app.ltth.events.EventType type : app.ltth.events.EventType.values()) {
            assertThat(en.has("eventType." + type.wireName())).as(type.wireName()).isTrue();
        }
        for (app.ltth.settings.Setting s : app.ltth.settings.SettingsRegistry.all()) {
            assertThat(en.has("setting." + s.key())).as(s.key()).isTrue();
            assertThat(en.has("setting." + s.key() + ".help")).as(s.key()).isTrue();
            s.options().forEach(o -> assertThat(en.has("setting." + s.key() + "." + o)).as(s.key() + " " + o).isTrue());
        }
        app.ltth.settings.SettingsRegistry.sections().keySet().forEach(section -> {
            assertThat(en.has("settings.section." + section)).as(section).isTrue();
            assertThat(en.has("settings.section." + section + ".help")).as(section).isTrue();
        });
    }
}
