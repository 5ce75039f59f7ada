package app.ltth.settings;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.store.SettingsRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active profile's settings, typed and validated. Secrets are kept but shown only as {@link #MASK}; writing the
 * mask back leaves the secret as it was.
 */
public final class SettingsService implements ProfileManager.Listener {

    public static final String MASK = "********";
    private static final Pattern ORIGIN = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^/?#]*)");
    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    private volatile SettingsRepository repository;
    private volatile Map<String, Object> values = Map.of();
    private final List<Consumer<SettingsService>> changeListeners = new CopyOnWriteArrayList<>();

    @Override
    public void profileOpened(String profile, Database database) {
        repository = new SettingsRepository(database);
        reload();
        changeListeners.forEach(l -> l.accept(this));
    }

    /** Runs now and after every change (and profile switch). */
    public void onChange(Consumer<SettingsService> listener) {
        changeListeners.add(listener);
        listener.accept(this);
    }

    private void reload() {
        Map<String, Object> loaded = new LinkedHashMap<>();
        Map<String, String> stored = repository.all();
        for (Setting s : SettingsRegistry.all()) {
            Object value = s.defaultValue();
            String raw = stored.get(s.key());
            if (raw != null) {
                try {
                    value = s.validate(Json.MAPPER.readTree(raw));
                } catch (JsonProcessingException | ValidationException e) {
                    log.warn("Setting {} holds an invalid value; using the default", s.key());
                }
            }
            loaded.put(s.key(), value);
        }
        values = Map.copyOf(loaded);
    }

    public String text(String key) {
        return (String) values.get(key);
    }

    public long number(String key) {
        return (Long) values.get(key);
    }

    public boolean bool(String key) {
        return (Boolean) values.get(key);
    }

    /** Every setting, secrets masked: what the API and the dashboard may see. */
    public Map<String, Object> masked() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Setting s : SettingsRegistry.all()) {
            Object v = values.get(s.key());
            out.put(s.key(), s.secret() ? (v == null || v.toString().isEmpty() ? "" : MASK) : v);
        }
        return out;
    }

    /** For profile exports without keys: every secret setting of a database copy, emptied. */
    public static void removeSecrets(java.sql.Connection copy) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = copy.prepareStatement("UPDATE settings SET value = '\"\"' WHERE key = ?")) {
            for (Setting s : SettingsRegistry.all()) {
                if (!s.secret()) continue;
                ps.setString(1, s.key());
                ps.executeUpdate();
            }
        }
    }

    /** A service address that now points at another host loses its secret, unless this update brings a new one. */
    private void clearSecretIfMoved(String key, String newUrl, JsonNode partial, Map<String, String> toStore) {
        String secret = SettingsRegistry.SECRET_OF_URL.get(key);
        if (secret == null || origin(newUrl).equals(origin(text(key)))) return;
        JsonNode given = partial.get(secret);
        if (given != null && !MASK.equals(given.asText())) return;
        toStore.put(secret, "\"\"");
    }

    /** Scheme, host and port of an address that may hold placeholders: {@code https://api.openai.com}. */
    static String origin(String url) {
        Matcher m = ORIGIN.matcher(url);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : url;
    }

    /**
     * Applies a partial update: every field is checked first, then all are saved in one transaction, or none.
     */
    public void update(JsonNode partial) {
        if (partial == null || !partial.isObject()) throw new ValidationException(null, "Send a JSON object of settings");
        Map<String, String> toStore = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : partial.properties()) {
            Setting setting = SettingsRegistry.find(field.getKey())
                    .orElseThrow(() -> new ValidationException(field.getKey(), "Unknown setting '" + field.getKey() + "'"));
            if (setting.secret() && MASK.equals(field.getValue().asText())) continue;
            Object value = setting.validate(field.getValue());
            if (setting.key().equals(SettingsRegistry.TIKTOK_USERNAME) && value instanceof String name
                    && name.startsWith("@")) {
                value = name.substring(1);
            }
            toStore.put(setting.key(), Json.MAPPER.valueToTree(value).toString());
            clearSecretIfMoved(setting.key(), String.valueOf(value), partial, toStore);
        }
        if (toStore.isEmpty()) return;
        repository.putAll(toStore);
        reload();
        log.info("Settings changed: {}", String.join(", ", toStore.keySet()));   // names only: values may be secret
        changeListeners.forEach(l -> l.accept(this));
    }
}
