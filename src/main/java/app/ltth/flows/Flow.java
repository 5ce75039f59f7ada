package app.ltth.flows;

import app.ltth.commands.CommandCall;
import app.ltth.customevents.CustomEvents;
import app.ltth.events.EventType;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.obs.ObsService;
import app.ltth.osc.OscConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A flow: when its trigger fires and its conditions hold, its actions run. Parsed from (and kept as) JSON; every rule
 * is checked when a flow is saved, with the JSON path of the field at fault. See docs/flows.md.
 *
 * @param queue  the named queue its runs wait in ({@link FlowQueues}: serial or parallel, with a maximum length)
 * @param random true: one action, picked at random; false: all actions in order
 */
public record Flow(String id, String name, boolean enabled, Trigger trigger, Condition conditions, int cooldownSeconds,
                   int userCooldownSeconds, int maxRunsPerMinute, String queue, boolean random, List<Action> actions,
                   ObjectNode json) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final Set<String> ACTIONS = Set.of("alert", "sound", "tts", "overlayText", "overlayImage",
            "overlayVideo", "obsScene", "obsSource", "obsFilter", "osc", "webhook", "goal", "variable", "wait", "runFlow",
            "overlayEvent", "log", "plugin", "addXp", "addPoints", "setLevel", "timerAdd", "timerSet", "timerPause", "timerStart",
            "effect", "emojiRain", "gameStart", "streamerbot", "minecraft", "openshock");

    /** What starts a flow. {@code name}: the goal (goal triggers) or the custom event's name (custom triggers). */
    public record Trigger(String type, EventType event, String state, int everySeconds, LocalTime at,
                          Set<DayOfWeek> days, String token, String plugin, String name, String on) {
    }

    public record Action(String type, JsonNode params) {
        public String text(String field, String fallback) {
            JsonNode n = params.get(field);
            return n == null || n.isNull() ? fallback : n.asText();
        }

        public double number(String field, double fallback) {
            JsonNode n = params.get(field);
            return n == null || !n.isNumber() ? fallback : n.asDouble();
        }
    }

    /** Parses and checks a flow. {@code id} and {@code token} are given by LTTH when the flow has none yet. */
    public static Flow parse(JsonNode node, String id, String newToken) {
        if (node == null || !node.isObject()) throw new ValidationException(null, "A flow must be a JSON object");
        ObjectNode json = ((ObjectNode) node).deepCopy();
        json.put("id", id);
        if (!ID.matcher(id).matches()) throw new ValidationException("id", "id must be 1-64 letters, digits, '_' or '-'");
        String name = required(json, "name").asText().trim();
        if (name.isEmpty() || name.length() > 100) throw new ValidationException("name", "name must be 1 to 100 characters");
        boolean enabled = !json.has("enabled") || bool(json, "enabled");
        if (!json.has("enabled")) json.put("enabled", true);
        Trigger trigger = trigger(required(json, "trigger"), json, newToken);
        Condition conditions = Condition.parse(json.get("conditions"), "conditions");
        int cooldown = intField(json, "cooldownSeconds", 0, 86_400);
        int userCooldown = intField(json, "userCooldownSeconds", 0, 86_400);
        int rate = intField(json, "maxRunsPerMinute", 0, 10_000);
        String queue = json.hasNonNull("queue") ? json.get("queue").asText() : "default";
        if (!FlowQueues.NAME.matcher(queue).matches()) {
            throw new ValidationException("queue", "queue must be a short name (up to 32 letters, digits, '_' or '-'), e.g. default");
        }
        String mode = json.hasNonNull("mode") ? json.get("mode").asText() : "all";
        if (!mode.equals("all") && !mode.equals("random")) throw new ValidationException("mode", "mode must be all or random");
        JsonNode actionsNode = required(json, "actions");
        if (!actionsNode.isArray() || actionsNode.isEmpty() || actionsNode.size() > 50) {
            throw new ValidationException("actions", "actions must be a list of 1 to 50 actions");
        }
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < actionsNode.size(); i++) actions.add(action(actionsNode.get(i), "actions[" + i + "]"));
        return new Flow(id, name, enabled, trigger, conditions, cooldown, userCooldown, rate, queue, mode.equals("random"),
                List.copyOf(actions), json);
    }

    private static Trigger trigger(JsonNode t, ObjectNode json, String newToken) {
        if (!t.isObject()) throw new ValidationException("trigger", "trigger must be an object, e.g. {\"type\": \"event\", \"event\": \"gift\"}");
        String type = t.path("type").asText("");
        switch (type) {
            case "event" -> {
                String name = t.path("event").asText("");
                if (name.equals("custom")) {
                    throw new ValidationException("trigger.event", "Other programs' events have a trigger of their own: "
                            + "{\"type\": \"custom\", \"name\": \"deck.scene\"}");
                }
                EventType event = EventType.fromWireName(name).filter(e -> e != EventType.CONNECTION && e != EventType.HISTORY)
                        .orElseThrow(() -> new ValidationException("trigger.event", "Unknown event '" + name
                                + "': use chat, gift, like, follow, share, subscribe, join, viewers, emote, question, "
                                + "streamEnd, battle, liveGoal, treasureChest, poll, pin, superFan or giftSub"));
                return new Trigger(type, event, null, 0, null, Set.of(), null, null, null, null);
            }
            case "connection" -> {
                String state = t.hasNonNull("state") ? t.get("state").asText() : null;
                if (state != null && !Set.of("connecting", "live", "reconnecting", "offline", "ended", "error").contains(state)) {
                    throw new ValidationException("trigger.state", "state must be connecting, live, reconnecting, offline, ended or error");
                }
                return new Trigger(type, null, state, 0, null, Set.of(), null, null, null, null);
            }
            case "timer" -> {
                if (t.has("everySeconds")) {
                    int every = t.get("everySeconds").asInt(0);
                    if (!t.get("everySeconds").isInt() || every < 5 || every > 86_400) {
                        throw new ValidationException("trigger.everySeconds", "everySeconds must be a whole number from 5 to 86400");
                    }
                    return new Trigger(type, null, null, every, null, Set.of(), null, null, null, null);
                }
                LocalTime at;
                try {
                    at = LocalTime.parse(t.path("at").asText(""));
                } catch (DateTimeParseException e) {
                    throw new ValidationException("trigger.at", "A timer needs everySeconds, or at (a time such as 20:00)");
                }
                Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
                if (t.has("days")) {
                    days = EnumSet.noneOf(DayOfWeek.class);
                    for (JsonNode d : t.get("days")) {
                        try {
                            days.add(DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            throw new ValidationException("trigger.days", "'" + d.asText() + "' is not a day: use MONDAY ... SUNDAY");
                        }
                    }
                }
                return new Trigger(type, null, null, 0, at, Set.copyOf(days), null, null, null, null);
            }
            case "manual" -> {
                return new Trigger(type, null, null, 0, null, Set.of(), null, null, null, null);
            }
            case "webhook" -> {
                String token = t.hasNonNull("token") ? t.get("token").asText() : newToken;
                if (!token.matches("[A-Za-z0-9_-]{16,64}")) throw new ValidationException("trigger.token", "token must be 16-64 letters or digits");
                ((ObjectNode) json.get("trigger")).put("token", token);
                return new Trigger(type, null, null, 0, null, Set.of(), token, null, null, null);
            }
            case "plugin" -> {
                String key = t.path("trigger").asText("");
                if (!key.matches("[a-z0-9-]+\\.[A-Za-z0-9_-]+")) {
                    throw new ValidationException("trigger.trigger", "A plugin trigger is named <plugin>.<trigger>, e.g. hello.tick");
                }
                return new Trigger(type, null, null, 0, null, Set.of(), null, key, null, null);
            }
            case "goal" -> {
                String on = t.path("on").asText("reached");
                if (!on.equals("reached") && !on.equals("progress")) {
                    throw new ValidationException("trigger.on", "on must be reached or progress");
                }
                String goal = t.path("goal").asText("").trim();
                return new Trigger(type, null, null, 0, null, Set.of(), null, null, goal.isEmpty() ? null : goal, on);
            }
            case "timerEnded" -> {
                String timer = t.path("timer").asText("").trim();
                return new Trigger(type, null, null, 0, null, Set.of(), null, null, timer.isEmpty() ? null : timer, null);
            }
            case "gameStarted", "gameEnded" -> {
                String game = t.path("game").asText("").trim();
                return new Trigger(type, null, null, 0, null, Set.of(), null, null, game.isEmpty() ? null : game, null);
            }
            case "xp" -> {
                String on = t.path("on").asText("levelUp");
                if (!Set.of("levelUp", "xpGained", "dailyBonus", "streak").contains(on)) {
                    throw new ValidationException("trigger.on", "on must be levelUp, xpGained, dailyBonus or streak");
                }
                return new Trigger(type, null, null, 0, null, Set.of(), null, null, null, on);
            }
            case "command" -> {
                String name = t.path("name").asText("").strip().toLowerCase(Locale.ROOT).replaceFirst("^[!/]", "");
                if (!CommandCall.NAME.matcher(name).matches()) {
                    throw new ValidationException("trigger.name", "A command trigger names its command: 1-32 letters, "
                            + "digits, '_' or '-', e.g. hug (chat then writes !hug)");
                }
                return new Trigger(type, EventType.CHAT, null, 0, null, Set.of(), null, null, name, null);
            }
            case "custom" -> {
                String name = t.path("name").asText("").trim();
                if (!name.isEmpty() && !CustomEvents.NAME.matcher(name).matches()) {
                    throw new ValidationException("trigger.name", "A custom event's name is 1-64 letters, digits, "
                            + "'.', ':', '_' or '-', e.g. deck.scene (or empty for every custom event)");
                }
                return new Trigger(type, EventType.CUSTOM, null, 0, null, Set.of(), null, null,
                        name.isEmpty() ? null : name, null);
            }
            default -> throw new ValidationException("trigger.type", "Unknown trigger type '" + type
                    + "': use event, command, custom, xp, timerEnded, gameStarted, gameEnded, connection, timer, manual, webhook, goal or plugin");
        }
    }

    private static Action action(JsonNode a, String path) {
        if (!a.isObject()) throw new ValidationException(path, path + " must be an object with a type");
        String type = a.path("type").asText("");
        if (!ACTIONS.contains(type)) throw new ValidationException(path + ".type", "Unknown action '" + type + "': use one of " + ACTIONS);
        switch (type) {
            case "overlayText" -> requireText(a, path, "text");
            case "tts" -> {
                requireText(a, path, "text");
                String voice = a.path("voice").asText("");
                if (!voice.isEmpty() && !voice.matches("[a-z]+:\\S+")) {
                    throw new ValidationException(path + ".voice", "voice is written engine:voice, e.g. local:en");
                }
            }
            case "sound" -> {
                requireText(a, path, "sound");
                app.ltth.sound.SoundboardConfig.sound(a.path("sound").asText(), path + ".sound");
            }
            case "overlayImage", "overlayVideo" -> requireUrl(a, path, "url", false);
            case "webhook" -> {
                requireUrl(a, path, "url", true);
                String method = a.path("method").asText("POST");
                if (!Set.of("GET", "POST", "PUT").contains(method)) throw new ValidationException(path + ".method", "method must be GET, POST or PUT");
                number(a, path, "timeoutSeconds", 1, 30);
            }
            case "variable" -> {
                requireText(a, path, "name");
                if (!a.path("name").asText().matches("[A-Za-z][A-Za-z0-9_]{0,31}")) {
                    throw new ValidationException(path + ".name", "A variable name is a letter, then letters, digits or '_'");
                }
                String op = a.path("op").asText("set");
                if (!op.equals("set") && !op.equals("add")) throw new ValidationException(path + ".op", "op must be set or add");
                if (!a.has("value")) throw new ValidationException(path + ".value", "value is required");
                if (op.equals("add") && !a.get("value").isNumber()) throw new ValidationException(path + ".value", "add needs a number");
            }
            case "wait" -> {
                if (!a.has("seconds")) throw new ValidationException(path + ".seconds", "seconds is required");
                number(a, path, "seconds", 0, 300);
            }
            case "runFlow" -> requireText(a, path, "flow");
            case "overlayEvent" -> requireText(a, path, "event");
            case "log" -> {
                requireText(a, path, "line");
                String file = a.path("file").asText("flows");
                if (!file.matches("[A-Za-z0-9_-]{1,40}") || !app.ltth.files.FileNames.isPortable(file)) throw new ValidationException(path + ".file", "file must be a short name such as flows");
            }
            case "plugin" -> requireText(a, path, "action");
            case "alert" -> {
                requireText(a, path, "text");
                number(a, path, "seconds", 1, 60);
                if (a.hasNonNull("sound")) requireUrl(a, path, "sound", false);
                if (a.hasNonNull("media")) requireUrl(a, path, "media", false);
            }
            case "goal" -> {
                requireText(a, path, "goal");
                String op = a.path("op").asText("add");
                if (!Set.of("set", "add", "reset").contains(op)) throw new ValidationException(path + ".op", "op must be set, add or reset");
                if (!op.equals("reset") && !a.hasNonNull("value")) {
                    throw new ValidationException(path + ".value", "value is required: a number, or a placeholder such as {coins}");
                }
            }
            case "timerAdd", "timerSet", "timerPause", "timerStart" -> {
                requireText(a, path, "timer");
                if ((type.equals("timerAdd") || type.equals("timerSet")) && !a.hasNonNull("seconds")) {
                    throw new ValidationException(path + ".seconds", "seconds is required: a number, or a placeholder such as {coins}");
                }
            }
            case "effect" -> {
                String effect = a.path("effect").asText("");
                if (!app.ltth.effects.EffectsConfig.EFFECTS.contains(effect)) {
                    throw new ValidationException(path + ".effect", "effect must be one of " + String.join(", ", app.ltth.effects.EffectsConfig.EFFECTS));
                }
                if (a.has("intensity")) number(a, path, "intensity", 0.1, 1);
            }
            case "openshock" -> {
                if (a.path("pattern").asText("").isEmpty()) {
                    String command = a.path("command").asText("vibrate");
                    if (!app.ltth.openshock.OpenShockConfig.TYPES.contains(command)) {
                        throw new ValidationException(path + ".command", "command must be shock, vibrate or sound (or name a pattern)");
                    }
                    number(a, path, "intensity", 1, 100);
                    number(a, path, "durationMs", 300, 30_000);
                }
            }
            case "minecraft" -> {
                requireText(a, path, "action");
                if (a.has("params") && !a.get("params").isObject()) {
                    throw new ValidationException(path + ".params", "params must be an object of names and values, such as {\"entity\": \"creeper\"}");
                }
            }
            case "streamerbot" -> {
                requireText(a, path, "action");
                if (a.has("args") && !a.get("args").isObject()) {
                    throw new ValidationException(path + ".args", "args must be an object of names and values, such as {\"user\": \"{username}\"}");
                }
            }
            case "gameStart" -> {
                String game = a.path("game").asText("wheel");
                if (!Set.of("wheel", "plinko", "coinbattle", "quiz").contains(game)) throw new ValidationException(path + ".game", "game must be wheel, plinko, coinbattle or quiz");
            }
            case "emojiRain" -> {
                String op = a.path("op").asText("start");
                if (!app.ltth.effects.EffectService.EMOJI_OPS.contains(op)) {
                    throw new ValidationException(path + ".op", "op must be start, preset, burst or clear");
                }
                String preset = a.path("preset").asText("");
                if (!preset.isEmpty() && !app.ltth.effects.EffectsConfig.PRESETS.contains(preset)) {
                    throw new ValidationException(path + ".preset", "preset must be gentle, storm or celebration");
                }
            }
            case "addXp", "addPoints", "setLevel" -> {
                if (!a.hasNonNull("value")) {
                    throw new ValidationException(path + ".value", "value is required: a number, or a placeholder such as {coins}");
                }
            }
            case "obsScene" -> requireText(a, path, "scene");
            case "obsSource" -> {
                requireText(a, path, "scene");
                requireText(a, path, "source");
                ObsService.onOff(new JsonFields(a, path), "visible");
            }
            case "obsFilter" -> {
                requireText(a, path, "source");
                requireText(a, path, "filter");
                ObsService.onOff(new JsonFields(a, path), "enabled");
            }
            case "osc" -> OscConfig.Command.parse(new JsonFields(a, path), OscConfig.defaults().parameters());
            default -> { }
        }
        return new Action(type, a);
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) throw new ValidationException(field, field + " is required");
        return n;
    }

    private static boolean bool(JsonNode json, String field) {
        if (!json.get(field).isBoolean()) throw new ValidationException(field, field + " must be true or false");
        return json.get(field).asBoolean();
    }

    private static int intField(JsonNode json, String field, int min, int max) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return 0;
        if (!n.isInt() || n.asInt() < min || n.asInt() > max) {
            throw new ValidationException(field, field + " must be a whole number from " + min + " to " + max);
        }
        return n.asInt();
    }

    private static void requireText(JsonNode a, String path, String field) {
        if (!a.path(field).isTextual() || a.path(field).asText().isBlank()) {
            throw new ValidationException(path + "." + field, field + " is required");
        }
        if (a.path(field).asText().length() > 2_000) throw new ValidationException(path + "." + field, field + " is too long");
    }

    private static void requireUrl(JsonNode a, String path, String field, boolean httpOnly) {
        requireText(a, path, field);
        String url = a.get(field).asText();
        if (!url.matches(httpOnly ? "https?://\\S+" : "(https?://|/)\\S+")) {
            throw new ValidationException(path + "." + field, field + " must be an http(s) address");
        }
    }

    private static void number(JsonNode a, String path, String field, double min, double max) {
        if (!a.has(field)) return;
        JsonNode n = a.get(field);
        if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
            throw new ValidationException(path + "." + field, field + " must be a number from " + (int) min + " to " + (int) max);
        }
    }

    public String toJson() {
        return json.toString();
    }
}
