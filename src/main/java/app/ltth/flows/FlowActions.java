package app.ltth.flows;

import app.ltth.alerts.Alert;
import app.ltth.alerts.AlertService;
import app.ltth.effects.EffectService;
import app.ltth.games.GameOff;
import app.ltth.games.Game;
import app.ltth.goals.Goal;
import app.ltth.goals.GoalService;
import app.ltth.input.JsonFields;
import app.ltth.json.Json;
import app.ltth.obs.ObsConnection;
import app.ltth.obs.ObsService;
import app.ltth.osc.OscBridge;
import app.ltth.osc.OscConfig;
import app.ltth.plugin.FlowExtensions;
import app.ltth.sound.SoundboardService;
import app.ltth.minecraft.MinecraftService;
import app.ltth.openshock.OpenShockConfig;
import app.ltth.openshock.OpenShockService;
import app.ltth.streamerbot.StreamerBotService;
import app.ltth.template.Template;
import app.ltth.tts.TtsService;
import app.ltth.viewers.ViewerXp;
import app.ltth.timers.TimerService;
import app.ltth.viewers.XpService;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What each action does. An action whose module is switched off says so instead of pretending. */
final class FlowActions {

    /** The action could not run because the module behind it is missing: reported, never a fake success. */
    static final class NotAvailable extends Exception {
        NotAvailable(String message) {
            super(message);
        }
    }

    private final SocketServer sockets;
    private final FlowExtensions plugins;
    private final AlertService alerts;
    private final GoalService goals;
    private final TtsService tts;
    private final SoundboardService sounds;
    private final ObsService obs;
    private final OscBridge osc;
    private final XpService xp;
    private final TimerService timers;
    private final EffectService effects;
    private final java.util.List<Game> games;
    private final StreamerBotService streamerBot;
    private final MinecraftService minecraft;
    private final OpenShockService openShock;
    private final HttpClient http;
    private final Path logDir;
    private final BooleanSupplier allowPrivate;

    FlowActions(SocketServer sockets, FlowExtensions plugins, Modules modules, HttpClient http, Path logDir,
                BooleanSupplier allowPrivate) {
        this.sockets = sockets;
        this.plugins = plugins;
        this.alerts = modules.alerts();
        this.goals = modules.goals();
        this.tts = modules.tts();
        this.sounds = modules.sounds();
        this.obs = modules.obs();
        this.osc = modules.osc();
        this.xp = modules.xp();
        this.timers = modules.timers();
        this.effects = modules.effects();
        this.games = modules.games();
        this.streamerBot = modules.streamerBot();
        this.minecraft = modules.minecraft();
        this.openShock = modules.openShock();
        this.http = http;
        this.logDir = logDir;
        this.allowPrivate = allowPrivate;
    }

    /** Runs a self-contained action; variables, waits and nested flows are the engine's. */
    Object run(Flow.Action a, Map<String, Object> fields) throws Exception {
        switch (a.type()) {
            case "overlayText" -> {
                return overlay(Map.of("kind", "text", "html", Template.renderHtml(a.text("text", ""), fields),
                        "seconds", a.number("seconds", 5)));
            }
            case "overlayImage", "overlayVideo" -> {
                return overlay(Map.of("kind", a.type().equals("overlayImage") ? "image" : "video",
                        "url", a.text("url", ""), "seconds", a.number("seconds", 5)));
            }
            case "overlayEvent" -> {
                Object data = render(a.params().get("data"), fields);
                sockets.broadcast("flow:custom", Map.of("event", a.text("event", ""), "data", data == null ? Map.of() : data));
                return "sent " + a.text("event", "");
            }
            case "webhook" -> {
                return webhook(a, fields);
            }
            case "alert" -> {
                Alert alert = alerts.custom(a.text("text", ""), fields, (int) a.number("seconds", 5), a.text("sound", ""),
                        a.text("media", ""));
                return "queued alert " + alert.id();
            }
            case "goal" -> {
                return goal(a, fields);
            }
            case "addXp", "addPoints", "setLevel" -> {
                return xp(a, fields);
            }
            case "timerAdd", "timerSet", "timerPause", "timerStart" -> {
                return timer(a, fields);
            }
            case "gameStart" -> {
                return game(a, fields);
            }
            case "effect", "emojiRain" -> {
                return effect(a, fields);
            }
            case "streamerbot" -> {
                return streamerBot(a, fields);
            }
            case "minecraft" -> {
                return minecraft(a, fields);
            }
            case "openshock" -> {
                return openShock(a, fields);
            }
            case "tts" -> {
                String text = Template.render(a.text("text", ""), fields);
                try {
                    return "queued speech " + tts.speak(text, a.text("voice", ""));
                } catch (TtsService.NotActive e) {
                    throw new NotAvailable(e.getMessage());
                }
            }
            case "sound" -> {
                try {
                    String id = sounds.play(a.text("sound", ""), "flow");
                    if (id == null) throw new IllegalStateException("the sound queue is full");
                    return "queued sound " + id;
                } catch (SoundboardService.NotActive e) {
                    throw new NotAvailable(e.getMessage());
                }
            }
            case "log" -> {
                Files.createDirectories(logDir);
                String line = Template.render(a.text("line", ""), fields).replace('\n', ' ') + System.lineSeparator();
                Files.writeString(logDir.resolve(a.text("file", "flows") + ".log"), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return "logged";
            }
            case "plugin" -> {
                String key = a.text("action", "");
                FlowExtensions.Action action = plugins.action(key)
                        .orElseThrow(() -> new NotAvailable("no running plugin offers the action " + key));
                Map<String, Object> input = new LinkedHashMap<>(fields);
                Object extra = render(a.params().get("input"), fields);
                if (extra instanceof Map<?, ?> m) m.forEach((k, v) -> input.put(String.valueOf(k), v));
                return action.action().run(input);
            }
            case "obsScene" -> {
                String scene = Template.render(a.text("scene", ""), fields);
                obs(() -> {
                    obs.setScene(a.text("connection", ""), scene);
                    return scene;
                });
                return "switched to scene " + scene;
            }
            case "obsSource" -> {
                String scene = Template.render(a.text("scene", ""), fields);
                String source = Template.render(a.text("source", ""), fields);
                Boolean visible = ObsService.onOff(new JsonFields(a.params(), ""), "visible");
                boolean shown = obs(() -> obs.setSourceVisible(a.text("connection", ""), scene, source, visible));
                return (shown ? "showed " : "hid ") + source + " in " + scene;
            }
            case "obsFilter" -> {
                String source = Template.render(a.text("source", ""), fields);
                String filter = Template.render(a.text("filter", ""), fields);
                Boolean enabled = ObsService.onOff(new JsonFields(a.params(), ""), "enabled");
                boolean on = obs(() -> obs.setFilter(a.text("connection", ""), source, filter, enabled));
                return "filter " + filter + " on " + source + (on ? " on" : " off");
            }
            case "osc" -> {
                OscConfig.Command command = OscConfig.Command.parse(new JsonFields(a.params(), ""), osc.config().parameters());
                try {
                    return "sent " + osc.send(command, fields);
                } catch (OscBridge.NotActive e) {
                    throw new NotAvailable(e.getMessage());
                }
            }
            default -> throw new NotAvailable("the action " + a.type() + " is not known to this LTTH version");
        }
    }

    private interface ObsCall<T> {
        T call() throws Exception;
    }

    /** OBS not connected is "not available" (the run log says so), OBS refusing is an error with its words. */
    private static <T> T obs(ObsCall<T> call) throws Exception {
        try {
            return call.call();
        } catch (ObsConnection.NotConnected e) {
            throw new NotAvailable(e.getMessage());
        }
    }


    private String goal(Flow.Action a, Map<String, Object> fields) throws NotAvailable {
        String name = Template.render(a.text("goal", ""), fields);
        Goal goal = goals.find(name).orElseThrow(() -> new NotAvailable("there is no goal named " + name));
        String op = a.text("op", "add");
        if (op.equals("reset")) return "reset to " + goals.reset(goal.id()).orElseThrow().current();
        long value = value(a, fields);
        Goal after = (op.equals("set") ? goals.set(goal.id(), value) : goals.add(goal.id(), value)).orElseThrow();
        return goal.name() + " is at " + after.current() + " / " + after.currentTarget();
    }

    /** timerAdd, timerSet (seconds, may be a placeholder), timerPause, timerStart: the timer by id or name. */
    private String timer(Flow.Action a, Map<String, Object> fields) throws NotAvailable {
        String name = Template.render(a.text("timer", ""), fields).trim();
        String action = a.type().substring("timer".length()).toLowerCase(java.util.Locale.ROOT);
        long seconds = action.equals("add") || action.equals("set") ? number(a, "seconds", fields) : 0;
        Map<String, Object> after = timers.act(name, action, seconds)
                .orElseThrow(() -> new NotAvailable("there is no timer '" + name + "'"));
        return after.get("name") + ": " + after.get("text") + " (" + after.get("state") + ")";
    }

    /**
     * gameStart: a round of {@code game} (wheel: {@code wheel}, id or name; plinko: {@code stake}; coinbattle: {@code seconds}) for the run's viewer
     * ({username}; the streamer's when the run has none): their prize is paid, none of their points are at stake.
     */
    private String game(Flow.Action a, Map<String, Object> fields) throws NotAvailable {
        String id = a.text("game", "wheel");
        Game game = games.stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotAvailable("there is no game " + id));
        com.fasterxml.jackson.databind.node.ObjectNode options = Json.MAPPER.createObjectNode();
        if (id.equals("wheel")) options.put("wheel", Template.render(a.text("wheel", ""), fields).trim());
        if (id.equals("plinko") && a.params().hasNonNull("stake")) options.put("stake", number(a, "stake", fields));
        if (id.equals("coinbattle") && a.params().hasNonNull("seconds")) options.put("seconds", number(a, "seconds", fields));
        try {
            String user = String.valueOf(fields.getOrDefault("username", ""));
            return game.start(options, user, String.valueOf(fields.getOrDefault("nickname", user)), "flow")
                    .map(r -> "started round " + r.id())
                    .orElseThrow(() -> new IllegalStateException("the game's queue is full"));
        } catch (GameOff e) {
            throw new NotAvailable(e.getMessage());
        }
    }

    /**
     * effect (which, seconds, intensity, count: the rockets of fireworks, may be a placeholder such as {repeatCount})
     * and emojiRain (op start, preset, burst or clear).
     */
    private String effect(Flow.Action a, Map<String, Object> fields) throws NotAvailable {
        try {
            if (a.type().equals("effect")) {
                Integer seconds = a.params().hasNonNull("seconds") ? (int) number(a, "seconds", fields) : null;
                Double intensity = a.params().hasNonNull("intensity") ? a.number("intensity", 0.7) : null;
                int count = a.params().hasNonNull("count") ? (int) number(a, "count", fields) : 1;
                Map<String, Object> started = effects.start(a.text("effect", ""), seconds, intensity, count);
                return "started " + started.get("name") + " for " + started.get("seconds") + " s";
            }
            Integer seconds = a.params().hasNonNull("seconds") ? (int) number(a, "seconds", fields) : null;
            Integer count = a.params().hasNonNull("count") ? (int) number(a, "count", fields) : null;
            Map<String, Object> sent = effects.emoji(a.text("op", "start"), a.text("preset", ""), seconds, count,
                    Template.render(a.text("emoji", ""), fields));
            return "emoji rain: " + sent.get("op");
        } catch (EffectService.NotActive e) {
            throw new NotAvailable(e.getMessage());
        }
    }

    /**
     * streamerbot: runs a Streamer.bot action (its name or id, placeholders allowed) with arguments whose values may
     * be placeholders ({@code {"user": "{username}"}}); waits for Streamer.bot's answer so the run log says how it went.
     */
    private String streamerBot(Flow.Action a, Map<String, Object> fields) throws Exception {
        String action = Template.render(a.text("action", ""), fields);
        Map<String, String> args = new java.util.LinkedHashMap<>();
        a.params().path("args").fields().forEachRemaining(e -> args.put(e.getKey(), Template.render(e.getValue().asText(), fields)));
        try {
            return "Streamer.bot ran " + streamerBot.run(action, args).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StreamerBotService.NotConnected) throw new NotAvailable(e.getCause().getMessage());
            throw new IllegalStateException(e.getCause().getMessage());
        }
    }

    /** minecraft: queues the mod's action with parameters whose values may be placeholders. */
    private String minecraft(Flow.Action a, Map<String, Object> fields) throws Exception {
        String action = Template.render(a.text("action", ""), fields);
        Map<String, String> params = new java.util.LinkedHashMap<>();
        a.params().path("params").fields().forEachRemaining(e -> params.put(e.getKey(), Template.render(e.getValue().asText(), fields)));
        try {
            if (!minecraft.run(action, params, String.valueOf(fields.getOrDefault("nickname", "")))) {
                throw new IllegalStateException("the Minecraft queue is full; " + action + " was dropped");
            }
            return "queued Minecraft action " + action;
        } catch (MinecraftService.NotActive e) {
            throw new NotAvailable(e.getMessage());
        }
    }

    /**
     * openshock: a pattern by name, or one command (shock, vibrate or sound; intensity, durationMs) on a shocker (an id,
     * or all). The
     * streamer's limits and daily budget hold; refused while off or stopped (not available, with the reason).
     */
    private String openShock(Flow.Action a, Map<String, Object> fields) throws Exception {
        String pattern = Template.render(a.text("pattern", ""), fields);
        OpenShockConfig.Step step = new OpenShockConfig.Step(a.text("command", "vibrate"), (int) a.number("intensity", 20),
                (int) a.number("durationMs", 1000), 0);
        try {
            openShock.run("flow", String.valueOf(fields.getOrDefault("username", "")), a.text("shocker", "all"), step, pattern);
            return pattern.isEmpty() ? "queued OpenShock " + step.type() : "queued OpenShock pattern " + pattern;
        } catch (OpenShockService.Refused e) {
            throw new NotAvailable(e.getMessage());
        }
    }

    /** addXp, addPoints, setLevel: for the viewer of the run ({username}), or the one {@code user} names. */
    private String xp(Flow.Action a, Map<String, Object> fields) throws NotAvailable {
        if (!xp.active()) throw new NotAvailable("viewer levels are off: turn the plugin 'xp' on under Plugins");
        String user = Template.render(a.text("user", "{username}"), fields).trim();
        if (user.isEmpty() || user.equals("{username}")) throw new NotAvailable("this run has no viewer");
        long value = value(a, fields);
        String what = a.type().equals("addPoints") ? "points" : a.type().equals("setLevel") ? "level" : "xp";
        ViewerXp after = xp.change(user, what, value, "a flow").orElseThrow(() ->
                new NotAvailable("@" + user + " has no XP yet"));
        return "@" + after.handle() + ": level " + after.level() + ", " + after.xp() + " XP, " + after.points() + " points";
    }

    /** An action's "value": a number, or a template that gives one (e.g. {coins}), rounded. */
    private static long value(Flow.Action a, Map<String, Object> fields) {
        return number(a, "value", fields);
    }

    /** A number field of an action, which may be a placeholder such as {coins}. */
    private static long number(Flow.Action a, String field, Map<String, Object> fields) {
        String text = Template.render(a.text(field, ""), fields).trim();
        try {
            return Math.round(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a number");
        }
    }

    private String overlay(Map<String, Object> payload) {
        sockets.broadcast("flow:overlay", payload);
        return "shown";
    }

    /** Renders every text inside a JSON value as a template. */
    static Object render(JsonNode node, Map<String, Object> fields) {
        if (node == null || node.isNull()) return null;
        if (node.isTextual()) return Template.render(node.asText(), fields);
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), render(e.getValue(), fields)));
            return out;
        }
        return Json.MAPPER.convertValue(node, Object.class);
    }

    private String webhook(Flow.Action a, Map<String, Object> fields) throws Exception {
        URI uri = URI.create(a.text("url", ""));
        if (!allowPrivate.getAsBoolean()) {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    throw new IOException("refused: " + uri.getHost() + " is a private or local address (allow it with the "
                            + "setting flows.allowPrivateAddresses)");
                }
            }
        }
        String contentType = a.text("contentType", "application/json");
        String body = webhookBody(a.params().get("body"), contentType, fields);
        String method = a.text("method", "POST");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds((long) a.number("timeoutSeconds", 10)))
                .header("Content-Type", contentType)
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 400) throw new IOException("the server answered HTTP " + response.statusCode());
        return "HTTP " + response.statusCode();
    }

    /**
     * A body given as a JSON object or array is filled field by field and written by Jackson; a JSON body given as
     * text gets its placeholders JSON-escaped. Either way a viewer's quote cannot add a field of its own.
     */
    static String webhookBody(JsonNode body, String contentType, Map<String, Object> fields) throws IOException {
        if (body == null || body.isNull()) return "";
        if (body.isContainerNode()) return Json.MAPPER.writeValueAsString(render(body, fields));
        return contentType.toLowerCase(java.util.Locale.ROOT).contains("json")
                ? Template.renderJson(body.asText(), fields) : Template.render(body.asText(), fields);
    }

    static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || uniqueLocalV6 || (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
    }

}
