package app.ltth.multicam;

import app.ltth.events.User;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The multi-cam switcher's settings: the cams (OBS scenes, or sources inside one scene of which one is shown at a
 * time), the chat command, gifts that switch, cooldowns, and who may switch.
 *
 * @param gifts gift name -> "1".."9", "next" or "prev"
 */
public record MultiCamConfig(String connection, String mode, String scene, List<String> cams, String command,
                             Map<String, String> gifts, int userCooldownSeconds, int globalCooldownSeconds,
                             boolean modsOnly, List<String> allowedUsers) {

    public static final int MAX_CAMS = 9;

    public static MultiCamConfig defaults() {
        return new MultiCamConfig("", "scenes", "", List.of(), "!cam", Map.of(), 30, 5, false, List.of());
    }

    public static MultiCamConfig parse(JsonNode json) {
        if (json == null || !json.isObject()) throw new ValidationException("", "Send the multi-cam settings as a JSON object");
        MultiCamConfig d = defaults();
        JsonFields f = new JsonFields(json, "");
        String mode = f.choice("mode", List.of("scenes", "sources"), d.mode());
        String scene = f.text("scene", "", 200);
        if (mode.equals("sources") && scene.isEmpty()) throw new ValidationException("scene", "Name the scene that holds the cam sources");
        List<String> cams = new ArrayList<>();
        JsonNode list = json.path("cams");
        if (list.size() > MAX_CAMS) throw new ValidationException("cams", "At most " + MAX_CAMS + " cams");
        for (int i = 0; i < list.size(); i++) {
            String cam = list.get(i).asText("").trim();
            if (cam.isEmpty() || cam.length() > 200) throw new ValidationException("cams[" + i + "]", "Name the OBS " + (mode.equals("scenes") ? "scene" : "source"));
            cams.add(cam);
        }
        String command = f.text("command", d.command(), 20);
        if (!command.matches("!?[A-Za-z0-9_]{1,19}")) throw new ValidationException("command", "A command is a word such as !cam");
        Map<String, String> gifts = new LinkedHashMap<>();
        json.path("gifts").properties().forEach(e -> {
            String target = e.getValue().asText("").trim().toLowerCase(Locale.ROOT);
            if (!target.matches("[1-9]|next|prev")) {
                throw new ValidationException("gifts." + e.getKey(), "A gift switches to a cam number, next or prev");
            }
            gifts.put(e.getKey(), target);
        });
        List<String> allowed = new ArrayList<>();
        json.path("allowedUsers").forEach(u -> {
            String handle = User.handle(u.asText(""));
            if (!handle.isEmpty() && !allowed.contains(handle)) allowed.add(handle);
        });
        return new MultiCamConfig(f.text("connection", "", 30), mode, scene, List.copyOf(cams), command.toLowerCase(Locale.ROOT),
                java.util.Collections.unmodifiableMap(gifts), (int) f.number("userCooldownSeconds", d.userCooldownSeconds(), 0, 3600),
                (int) f.number("globalCooldownSeconds", d.globalCooldownSeconds(), 0, 600), f.bool("modsOnly", d.modsOnly()),
                List.copyOf(allowed));
    }
}
