package app.ltth.plugin;

import app.ltth.files.FileNames;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plugin's {@code plugin.json}: who it is and how to load it. Checked field by field when read; every refusal names
 * the field and says how to fix it.
 *
 * @param main             the class implementing {@link app.ltth.plugin.api.Plugin}
 * @param jar              the plugin's jar next to plugin.json; null for built-in plugins, whose classes are in LTTH
 * @param minAppVersion    the oldest LTTH it runs on, or null
 */
public record PluginManifest(String id, String name, String version, Map<String, String> description, String main,
                             String jar, boolean enabledByDefault, String minAppVersion) {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?([-+][0-9A-Za-z.-]+)?");
    private static final Pattern CLASS = Pattern.compile("([a-zA-Z_$][a-zA-Z0-9_$]*\\.)*[a-zA-Z_$][a-zA-Z0-9_$]*");
    private static final Pattern JAR = Pattern.compile("[A-Za-z0-9._-]{1,100}\\.jar");

    public static PluginManifest parse(byte[] json, String appVersion) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw refuse("plugin.json", "is not valid JSON (" + e.getMessage() + ")");
        }
        if (m == null || !m.isObject()) throw refuse("plugin.json", "must be a JSON object");
        String id = text(m, "id", true);
        if (!ID.matcher(id).matches() || !FileNames.isPortable(id)) {
            throw refuse("id", "'" + id + "' is not a plugin id: 2-40 lower-case letters, digits or '-', and not a "
                    + "name Windows keeps for devices such as con or nul");
        }
        String name = text(m, "name", true);
        if (name.length() > 80) throw refuse("name", "must be at most 80 characters");
        String version = text(m, "version", true);
        if (!VERSION.matcher(version).matches()) throw refuse("version", "'" + version + "' is not a version like 1.0.0");
        Map<String, String> description = new LinkedHashMap<>();
        JsonNode d = m.get("description");
        if (d != null && d.isTextual()) {
            description.put("en", d.asText());
        } else if (d != null && d.isObject()) {
            d.properties().forEach(e -> description.put(e.getKey(), e.getValue().asText()));
        } else if (d != null) {
            throw refuse("description", "must be a text or an object of texts per language, e.g. {\"en\": \"...\"}");
        }
        String main = text(m, "main", true);
        if (!CLASS.matcher(main).matches()) throw refuse("main", "'" + main + "' is not a Java class name");
        String jar = text(m, "jar", false);
        if (jar != null && !JAR.matcher(jar).matches()) {
            throw refuse("jar", "'" + jar + "' must be a file name ending in .jar, next to plugin.json");
        }
        JsonNode enabled = m.get("enabledByDefault");
        if (enabled != null && !enabled.isBoolean()) throw refuse("enabledByDefault", "must be true or false");
        String min = text(m, "minAppVersion", false);
        if (min != null) {
            if (!VERSION.matcher(min).matches()) throw refuse("minAppVersion", "'" + min + "' is not a version like 0.1.0");
            if (olderThan(appVersion, min)) {
                throw refuse("minAppVersion", "the plugin needs LTTH " + min + " or newer; this is " + appVersion
                        + ". Update LTTH");
            }
        }
        return new PluginManifest(id, name, version, Map.copyOf(description), main, jar,
                enabled != null && enabled.asBoolean(), min);
    }

    private static String text(JsonNode m, String field, boolean required) {
        JsonNode n = m.get(field);
        if (n == null || n.isNull()) {
            if (required) throw refuse(field, "is missing");
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) throw refuse(field, "must be a non-empty text");
        return n.asText().trim();
    }

    /** True when {@code version} is older than {@code minimum}; a development build ("dev") is never older. */
    static boolean olderThan(String version, String minimum) {
        if (!Character.isDigit(version.charAt(0))) return false;
        int[] v = numbers(version);
        int[] min = numbers(minimum);
        for (int i = 0; i < 3; i++) {
            if (v[i] != min[i]) return v[i] < min[i];
        }
        return false;
    }

    private static int[] numbers(String version) {
        String[] parts = version.split("[-+]")[0].split("\\.");
        int[] n = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) n[i] = Integer.parseInt(parts[i]);
        return n;
    }

    private static ValidationException refuse(String field, String why) {
        return new ValidationException(field, "plugin.json: '" + field + "' " + why + ".");
    }
}
