package app.ltth.streamerbot;

import app.ltth.json.Json;
import app.ltth.net.ChallengeAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Streamer.bot's WebSocket server as its documentation describes it: a Hello on connect (with {@code authentication}
 * {salt, challenge} when a password is set, answered by {@code Authenticate}), then {@code GetInfo}, {@code GetActions}
 * and {@code DoAction} ({@code action} {id} or {name}, {@code args}) answered with {@code status} ok or error and the
 * request's {@code id}. Requests before authentication are refused. Every DoAction it ran is kept.
 */
final class FakeStreamerBot implements AutoCloseable {

    record Action(String id, String name, String group) {
    }

    final BlockingQueue<JsonNode> ran = new LinkedBlockingQueue<>();
    private final int port;
    private final String password;
    private final List<Action> actions;
    private final Map<String, Boolean> authenticated = new ConcurrentHashMap<>();
    private Javalin server;

    FakeStreamerBot(int port, String password, List<Action> actions) {
        this.port = port;
        this.password = password;
        this.actions = actions;
        start();
    }

    void start() {
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.routes.ws("/", ws -> {
                ws.onConnect(ctx -> {
                    ObjectNode hello = Json.MAPPER.createObjectNode().put("request", "Hello")
                            .put("timestamp", "2026-12-01T00:00:00Z").put("session", ctx.sessionId());
                    hello.putObject("info").put("instanceId", "fake").put("name", "Streamer.bot").put("os", "windows")
                            .put("version", "0.2.6").put("source", "websocketServer");
                    if (!password.isEmpty()) {
                        hello.putObject("authentication").put("salt", "salt-" + ctx.sessionId()).put("challenge", "challenge-" + ctx.sessionId());
                    }
                    ctx.send(hello.toString());
                });
                ws.onMessage(ctx -> answer(ctx, Json.MAPPER.readTree(ctx.message())));
                ws.onClose(ctx -> authenticated.remove(ctx.sessionId()));
            });
        }).start();
    }

    void stop() {
        server.stop();
    }

    private void answer(WsContext ctx, JsonNode request) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("id", request.path("id").asText());
        String name = request.path("request").asText();
        boolean in = password.isEmpty() || authenticated.containsKey(ctx.sessionId());
        if (name.equals("Authenticate")) {
            boolean right = request.path("authentication").asText().equals(
                    ChallengeAnswer.answer(password, "salt-" + ctx.sessionId(), "challenge-" + ctx.sessionId()));
            if (right) authenticated.put(ctx.sessionId(), true);
            ctx.send((right ? out.put("status", "ok") : out.put("status", "error").put("error", "Authentication failed")).toString());
            if (!right) ctx.closeSession(1000, "Authentication failed");
            return;
        }
        if (!in) {
            ctx.send(out.put("status", "error").put("error", "Authentication required").toString());
            return;
        }
        switch (name) {
            case "GetInfo" -> out.put("status", "ok").putObject("info").put("version", "0.2.6");
            case "GetActions" -> {
                out.put("status", "ok").put("count", actions.size());
                var list = out.putArray("actions");
                actions.forEach(a -> list.addObject().put("enabled", true).put("group", a.group()).put("id", a.id())
                        .put("name", a.name()).put("subaction_count", 1));
            }
            case "DoAction" -> {
                JsonNode which = request.path("action");
                boolean known = actions.stream().anyMatch(a -> a.id().equals(which.path("id").asText())
                        || a.name().equals(which.path("name").asText()));
                if (known) {
                    ran.add(request);
                    out.put("status", "ok");
                } else {
                    out.put("status", "error").put("error", "Action not found");
                }
            }
            default -> out.put("status", "error").put("error", "Unknown request");
        }
        ctx.send(out.toString());
    }

    @Override
    public void close() {
        stop();
    }
}
