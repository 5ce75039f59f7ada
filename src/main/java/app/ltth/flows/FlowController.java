package app.ltth.flows;

import app.ltth.events.EventType;
import app.ltth.events.LiveEvent;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.live.EventInjector;
import app.ltth.template.EventFields;
import app.ltth.template.Template;
import app.ltth.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <pre>
 * GET/POST /api/flows                 list; create (answers the flow and warnings, e.g. unknown placeholders)
 * GET/PUT/DELETE /api/flows/{id}
 * POST /api/flows/{id}/enable|disable|run
 * POST /api/flows/{id}/test           {"event": {...as /api/events/simulate...}} or nothing for a sample: step by step
 * GET  /api/flows/export  POST /api/flows/import
 * POST /api/flows/hooks/{token}       an incoming webhook; its JSON fields are the run's fields
 * GET  /api/flows/log                 the latest runs
 * GET  /api/flows/queues              every queue: mode, maxLength, overflow, waiting, running, the flows on it
 * PUT/DELETE /api/flows/queues/{name} {"mode": "serial|parallel", "maxLength": 1-10000, "overflow": "skip-new|drop-oldest"};
 *                                     DELETE makes it the standard queue again
 * </pre>
 */
public final class FlowController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final FlowEngine engine;
    private final EventInjector samples = new EventInjector();

    public FlowController(FlowEngine engine) {
        this.engine = engine;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/flows", ctx -> ctx.json(Map.of("flows", engine.list().stream().map(Flow::json).toList())));
        routes.post("/api/flows", ctx -> {
            Flow flow = Flow.parse(JsonBody.object(ctx), newId(JsonBody.object(ctx)), token());
            if (engine.get(flow.id()).isPresent()) throw new ValidationException("id", "A flow with the id " + flow.id() + " exists");
            engine.save(flow);
            ctx.status(201).json(answer(flow));
        });
        routes.get("/api/flows/export", ctx -> {
            ctx.header("Content-Disposition", "attachment; filename=\"ltth-flows.json\"");
            ctx.json(engine.list().stream().map(Flow::json).toList());
        });
        routes.post("/api/flows/import", this::importFlows);
        routes.get("/api/flows/log", ctx -> ctx.json(Map.of("runs", engine.recentRuns())));
        routes.get("/api/flows/queues", ctx -> ctx.json(Map.of("queues", engine.queueStatus())));
        routes.put("/api/flows/queues/{name}", ctx -> ctx.json(engine.configureQueue(ctx.pathParam("name"), JsonBody.object(ctx))));
        routes.delete("/api/flows/queues/{name}", ctx -> ctx.json(engine.resetQueue(ctx.pathParam("name"))));
        routes.post("/api/flows/hooks/{token}", ctx -> {
            Flow flow = engine.byToken(ctx.pathParam("token")).orElseThrow(() -> new NotFoundResponse("No flow has this webhook"));
            Map<String, Object> body = new LinkedHashMap<>();
            if (!ctx.body().isBlank()) JsonBody.object(ctx).properties().forEach(e -> body.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            engine.runWebhook(flow, body);
            ctx.status(202).json(Map.of("flow", flow.id()));
        });
        routes.get("/api/flows/{id}", ctx -> ctx.json(answer(flow(ctx))));
        routes.put("/api/flows/{id}", ctx -> {
            Flow old = flow(ctx);
            JsonNode body = JsonBody.object(ctx);
            Flow flow = Flow.parse(body, old.id(), old.trigger().token() != null ? old.trigger().token() : token());
            engine.save(flow);
            ctx.json(answer(flow));
        });
        routes.delete("/api/flows/{id}", ctx -> {
            engine.delete(flow(ctx).id());
            ctx.json(Map.of("deleted", ctx.pathParam("id")));
        });
        routes.post("/api/flows/{id}/enable", ctx -> ctx.json(answer(setEnabled(flow(ctx), true))));
        routes.post("/api/flows/{id}/disable", ctx -> ctx.json(answer(setEnabled(flow(ctx), false))));
        routes.post("/api/flows/{id}/run", ctx -> {
            engine.runManually(flow(ctx));
            ctx.status(202).json(Map.of("flow", ctx.pathParam("id")));
        });
        routes.post("/api/flows/{id}/test", this::test);
    }

    private Flow flow(Context ctx) {
        return engine.get(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("There is no flow " + ctx.pathParam("id")));
    }

    private Flow setEnabled(Flow flow, boolean enabled) throws Exception {
        ObjectNode json = flow.json().deepCopy();
        json.put("enabled", enabled);
        Flow changed = Flow.parse(json, flow.id(), flow.trigger().token());
        engine.save(changed);
        return changed;
    }

    /**
     * The flow and what the editor should point out (placeholders that are no known field: typos, most likely). A flow
     * started by another program (a custom event, a webhook) takes whatever fields that program sends: no warnings.
     */
    private static Map<String, Object> answer(Flow flow) {
        List<Map<String, String>> warnings = new ArrayList<>();
        boolean sendersFields = Set.of("custom", "webhook").contains(flow.trigger().type());
        for (int i = 0; i < flow.actions().size() && !sendersFields; i++) {
            int index = i;
            flow.actions().get(i).params().properties().forEach(e -> {
                if (!e.getValue().isTextual()) return;
                for (String unknown : Template.unknown(e.getValue().asText())) {
                    warnings.add(Map.of("field", "actions[" + index + "]." + e.getKey(),
                            "message", "{" + unknown + "} is not a known placeholder"));
                }
            });
        }
        return Map.of("flow", flow.json(), "warnings", warnings);
    }

    private void test(Context ctx) {
        Flow flow = flow(ctx);
        JsonNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : JsonBody.object(ctx);
        JsonNode eventJson = body.get("event");
        EventType type = flow.trigger().event() != null ? flow.trigger().event() : EventType.CHAT;
        LiveEvent event = eventJson == null ? samples.sample(type) : samples.parse(eventJson);
        ctx.json(engine.test(flow, EventFields.of(event, 0, ZoneId.systemDefault())));
    }

    private void importFlows(Context ctx) throws Exception {
        JsonNode body = Json.MAPPER.readTree(ctx.body().isBlank() ? "null" : ctx.body());
        if (body == null || !body.isArray()) throw new ValidationException(null, "Send a JSON list of flows, as the export gives it");
        List<Flow> parsed = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode f = body.get(i);
            try {
                parsed.add(Flow.parse(f, newId(f), token()));
            } catch (ValidationException e) {
                throw new ValidationException("[" + i + "]." + (e.field() == null ? "" : e.field()), "Flow " + (i + 1) + ": " + e.getMessage());
            }
        }
        for (Flow f : parsed) engine.save(f);   // all valid: only then anything is saved
        ctx.json(Map.of("imported", parsed.size()));
    }

    private static String newId(JsonNode body) {
        JsonNode id = body.get("id");
        if (id != null && id.isTextual() && !id.asText().isBlank()) return id.asText();
        return "flow-" + Long.toString(System.currentTimeMillis(), 36) + RANDOM.nextInt(1000);
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
