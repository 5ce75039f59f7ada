package app.ltth.minecraft;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.triggers.EventTrigger;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the streamer set up the Minecraft bridge: how many actions go to the game per minute and how far apart, how many
 * may wait, whether the overlay shows them, and the mappings from live events to the mod's actions. Pure.
 *
 * @param perMinute at most this many actions in any minute
 * @param gapMillis at least this long between two actions
 * @param queueMax  what may wait; an action beyond is dropped (and counted)
 */
public record MinecraftConfig(int perMinute, int gapMillis, int queueMax, boolean overlay, List<Mapping> mappings) {

    static final int MAX_MAPPINGS = 100;
    static final int MAX_PARAMS = 20;
    static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Set<String> FIELDS = Set.of("perMinute", "gapMillis", "queueMax", "overlay", "mappings");

    /**
     * One mapping: when {@code when} fires, the mod's {@code action} runs with {@code params}, whose values may hold
     * placeholders ({@code {nickname}}, {@code {giftCount}}, ...). Written flat, as it is read.
     */
    public record Mapping(boolean enabled, @JsonUnwrapped EventTrigger when, String action, Map<String, String> params) {
        public Mapping {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));   // in the streamer's order
        }
    }

    public MinecraftConfig {
        mappings = List.copyOf(mappings);
    }

    public static MinecraftConfig defaults() {
        return new MinecraftConfig(30, 1000, 100, true, List.of());
    }

    /** This configuration with a change from the page or the API; a field left out stays as it is. */
    public MinecraftConfig with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use " + String.join(", ", FIELDS));
        return new MinecraftConfig((int) f.number("perMinute", perMinute, 1, 600), (int) f.number("gapMillis", gapMillis, 0, 60_000),
                (int) f.number("queueMax", queueMax, 1, 1000), f.bool("overlay", overlay), mappings(f.node("mappings")));
    }

    private List<Mapping> mappings(JsonNode list) {
        if (list == null || list.isNull()) return mappings;
        if (!list.isArray() || list.size() > MAX_MAPPINGS) {
            throw new ValidationException("mappings", "mappings must be a list of at most " + MAX_MAPPINGS);
        }
        List<Mapping> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(mapping(new JsonFields(list.get(i), "mappings[" + i + "]")));
        return out;
    }

    static Mapping mapping(JsonFields m) {
        List<String> known = new ArrayList<>(EventTrigger.FIELDS);
        known.addAll(List.of("enabled", "action", "params"));
        m.refuseUnknown(Set.copyOf(known), "key", "use " + String.join(", ", known));
        EventTrigger when = EventTrigger.parse(m);
        String action = m.requiredText("action", 64);
        if (!ACTION.matcher(action).matches()) {
            throw new ValidationException(m.path("action"), "an action is the mod's name for it, such as spawn_entity (letters, digits, _ . : -)");
        }
        return new Mapping(m.bool("enabled", true), when, action, params(m));
    }

    /** The action's parameters: names to texts (placeholders allowed). */
    static Map<String, String> params(JsonFields m) {
        JsonNode p = m.node("params");
        Map<String, String> out = new LinkedHashMap<>();
        if (p == null || p.isNull()) return out;
        if (!p.isObject() || p.size() > MAX_PARAMS) {
            throw new ValidationException(m.path("params"), "params must map at most " + MAX_PARAMS + " names to values");
        }
        for (var it = p.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!ACTION.matcher(e.getKey()).matches() || !e.getValue().isValueNode() || e.getValue().asText().length() > 500) {
                throw new ValidationException(m.path("params") + "." + e.getKey(), "a parameter is a name (letters, digits, _) and a text of at most 500 characters");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
