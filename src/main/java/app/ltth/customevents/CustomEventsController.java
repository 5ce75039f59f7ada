package app.ltth.customevents;

import app.ltth.customevents.CustomEventInput.Drop;
import app.ltth.customevents.CustomEventInput.Outcome;
import app.ltth.customevents.CustomEventInput.Way;
import app.ltth.json.Json;
import app.ltth.web.ApiError;
import app.ltth.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GET  /api/events/input        the ways in, the token, the counts
 * PUT  /api/events/input        {"udp": true, "udpPort": 3002, "websocket": true, "http": true, "perSecond": 20}
 * POST /api/events/input/token  a new token (open WebSockets are closed: they have the old one)
 * POST /api/events/custom       {"name", "fields"}: one custom event over HTTP
 * WS   /api/events/input?token= one custom event per message; each is answered {"ok", "id"} or {"ok", "error", "field"}
 */
public final class CustomEventsController {

    /** The WebSocket close code for "policy violation": the input was turned off or its token renewed. */
    private static final int POLICY = 1008;
    private static final int TOO_BIG = 1009;

    private final CustomEventInput input;
    private final Set<WsContext> sockets = ConcurrentHashMap.newKeySet();

    public CustomEventsController(CustomEventInput input) {
        this.input = input;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/events/input", ctx -> ctx.json(input.status()));
        routes.put("/api/events/input", ctx -> {
            Map<String, Object> status = input.update(JsonBody.object(ctx));
            if (!input.settings().websocket()) closeSockets("Custom events over WebSocket were turned off");
            ctx.json(status);
        });
        routes.post("/api/events/input/token", ctx -> {
            Map<String, Object> status = input.renewToken();
            closeSockets("The token was renewed: connect with the new one");
            ctx.json(status);
        });
        routes.post("/api/events/custom", this::http);
        routes.wsBeforeUpgrade("/api/events/input", ctx -> {
            if (!input.settings().websocket()) {
                input.refused(Way.WEBSOCKET, Drop.OFF);
                throw new HttpResponseException(403, "Custom events over WebSocket are off: turn them on on LTTH's "
                        + "Event input page");
            }
            if (!input.matches(ctx.queryParam("token"))) {
                input.refused(Way.WEBSOCKET, Drop.TOKEN);
                throw new HttpResponseException(401, "The token is missing or wrong: connect to "
                        + "/api/events/input?token=<the token on LTTH's Event input page>");
            }
        });
        routes.ws("/api/events/input", ws -> {
            ws.onConnect(sockets::add);
            ws.onMessage(ctx -> {
                Outcome o = input.receive(Way.WEBSOCKET, ctx.sessionId(), ctx.message().getBytes(StandardCharsets.UTF_8), true);
                if (o.drop() != Drop.RATE) ctx.send(Json.MAPPER.writeValueAsString(answer(o)));   // a flood gets no echo
            });
            ws.onClose(ctx -> {
                sockets.remove(ctx);
                input.forget(Way.WEBSOCKET, ctx.sessionId());
                if (ctx.status() == TOO_BIG) input.refused(Way.WEBSOCKET, Drop.SIZE);
            });
        });
    }

    private void http(Context ctx) {
        Outcome o = input.receive(Way.HTTP, ctx.req().getRemoteAddr(), ctx.bodyAsBytes(), true);
        if (o.accepted()) {
            ctx.status(202).json(Map.of("id", o.event().id()));
            return;
        }
        int status = switch (o.drop()) {
            case OFF -> 403;
            case TOKEN -> 401;
            case SIZE -> 413;
            case RATE -> 429;
            case JSON, FIELDS -> 400;
        };
        ctx.status(status).json(new ApiError(o.message(), o.field()));
    }

    private static Map<String, Object> answer(Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", o.accepted());
        if (o.accepted()) {
            out.put("id", o.event().id());
        } else {
            out.put("error", o.message());
            if (o.field() != null) out.put("field", o.field());
        }
        return out;
    }

    private void closeSockets(String reason) {
        for (WsContext ws : sockets) ws.closeSession(POLICY, reason);
        sockets.clear();
    }
}
