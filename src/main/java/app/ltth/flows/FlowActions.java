package app.ltth.flows;

import app.ltth.template.Template;
import app.ltth.Json;
import app.ltth.alerts.Alert;
import app.ltth.alerts.AlertService;
import app.ltth.goals.Goal;
import app.ltth.goals.GoalService;
import app.ltth.plugin.FlowExtensions;
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
import app.ltth.sound.SoundboardService;
import app.ltth.tts.TtsService;

/** What each action does. An action whose module LTTH does not have yet says so instead of pretending. */
final class FlowActions {

    /** The action could not run because the module behind it is missing: reported, never a fake success. */
    static final class NotAvailable extends Exception {
        NotAvailable(String message) {
            super(message);
        }
    }

    static final Map<String, String> MISSING = Map.of(
            "obsScene", "the OBS connection",
            "obsSource", "the OBS connection", "obsFilter", "the OBS connection", "osc", "the OSC bridge");

    private final SocketServer sockets;
    private final FlowExtensions plugins;
    private final AlertService alerts;
    private final GoalService goals;
    private final TtsService tts;
    private final SoundboardService sounds;
    private final HttpClient http;
    private final Path logDir;
    private final BooleanSupplier allowPrivate;

    FlowActions(SocketServer sockets, FlowExtensions plugins, AlertService alerts, GoalService goals, TtsService tts,
                SoundboardService sounds, HttpClient http, Path logDir, BooleanSupplier allowPrivate) {
        this.tts = tts;
        this.sounds = sounds;
        this.sockets = sockets;
        this.plugins = plugins;
        this.alerts = alerts;
        this.goals = goals;
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
            default -> throw new NotAvailable(MISSING.getOrDefault(a.type(), a.type())
                    + " is not part of this LTTH version yet, so this action did nothing");
        }
    }

    private String goal(Flow.Action a, Map<String, Object> fields) throws NotAvailable {
        String name = Template.render(a.text("goal", ""), fields);
        Goal goal = goals.find(name).orElseThrow(() -> new NotAvailable("there is no goal named " + name));
        String op = a.text("op", "add");
        if (op.equals("reset")) return "reset to " + goals.reset(goal.id()).orElseThrow().current();
        String text = Template.render(a.text("value", ""), fields).trim();
        long value;
        try {
            value = Math.round(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + text + "' is not a number");
        }
        Goal after = (op.equals("set") ? goals.set(goal.id(), value) : goals.add(goal.id(), value)).orElseThrow();
        return goal.name() + " is at " + after.current() + " / " + after.currentTarget();
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
        String body = Template.render(a.text("body", ""), fields);
        String method = a.text("method", "POST");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds((long) a.number("timeoutSeconds", 10)))
                .header("Content-Type", a.text("contentType", "application/json"))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 400) throw new IOException("the server answered HTTP " + response.statusCode());
        return "HTTP " + response.statusCode();
    }

    static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || uniqueLocalV6 || (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
    }

}
