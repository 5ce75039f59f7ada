package app.ltth.commands;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the streamer set a command up: on or off, its aliases, who may use it (and from which team level and viewer
 * level), and its cooldowns for one viewer and for everyone.
 *
 * @param minLevel the viewer level (XP, the plugin xp) a viewer needs; 0 or 1 asks nothing
 */
public record CommandSettings(boolean enabled, List<String> aliases, Permission permission, int minTeamLevel,
                              int minLevel, int userCooldownSeconds, int globalCooldownSeconds) {

    private static final Set<String> FIELDS = Set.of("enabled", "aliases", "permission", "minTeamLevel",
            "minLevel", "userCooldownSeconds", "globalCooldownSeconds");
    static final int MAX_ALIASES = 10;

    public CommandSettings {
        aliases = List.copyOf(aliases);
    }

    public static CommandSettings everyone(int userCooldownSeconds) {
        return new CommandSettings(true, List.of(), Permission.EVERYONE, 0, 0, userCooldownSeconds, 0);
    }

    /** These settings with a change from the page or the API; every field checked, an unknown one refused. */
    public CommandSettings with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use " + String.join(", ", FIELDS));
        List<String> names = aliases;
        JsonNode a = f.node("aliases");
        if (a != null && !a.isNull()) {
            if (!a.isArray() || a.size() > MAX_ALIASES) {
                throw new ValidationException("aliases", "aliases must be a list of at most " + MAX_ALIASES + " names");
            }
            names = new ArrayList<>();
            for (JsonNode n : a) {
                String alias = n.asText("").strip().toLowerCase(Locale.ROOT).replaceFirst("^[!/]", "");
                if (!n.isTextual() || !CommandCall.NAME.matcher(alias).matches()) {
                    throw new ValidationException("aliases", "'" + n.asText() + "' is not a command name (letters, digits, '_' or '-')");
                }
                if (!names.contains(alias)) names.add(alias);
            }
        }
        String permissionName = f.choice("permission", Arrays.stream(Permission.values()).map(Permission::wireName).toList(),
                permission.wireName());
        return new CommandSettings(f.bool("enabled", enabled), names,
                Permission.valueOf(permissionName.toUpperCase(Locale.ROOT)), (int) f.number("minTeamLevel", minTeamLevel, 0, 50),
                (int) f.number("minLevel", minLevel, 0, 1000),
                (int) f.number("userCooldownSeconds", userCooldownSeconds, 0, 86_400),
                (int) f.number("globalCooldownSeconds", globalCooldownSeconds, 0, 86_400));
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", enabled);
        m.put("aliases", aliases);
        m.put("permission", permission.wireName());
        m.put("minTeamLevel", minTeamLevel);
        m.put("minLevel", minLevel);
        m.put("userCooldownSeconds", userCooldownSeconds);
        m.put("globalCooldownSeconds", globalCooldownSeconds);
        return m;
    }
}
