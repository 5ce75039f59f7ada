package app.ltth.openshock;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * OpenShock's HTTP API as its OpenAPI description has it: {@code GET /1/shockers/own} (hubs with their shockers) and
 * {@code POST /2/shockers/control} ({@code {"shocks": [{"id", "type", "intensity", "duration", "exclusive"}],
 * "customName"}}), both with the {@code OpenShockToken} header; a wrong token is 401. Every control body is kept.
 */
public final class FakeOpenShock implements AutoCloseable {

    public final BlockingQueue<JsonNode> controls = new LinkedBlockingQueue<>();
    private final Javalin server;

    public FakeOpenShock(String token) {
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.before(ctx -> {
                if (!token.equals(ctx.header("OpenShockToken"))) {
                    ctx.status(401).result("{\"message\":\"Invalid token\"}");
                    ctx.skipRemainingHandlers();
                }
            });
            cfg.routes.get("/1/shockers/own", ctx -> ctx.contentType("application/json").result("{\"message\":\"\",\"data\":["
                    + "{\"id\":\"hub-1\",\"name\":\"Desk hub\",\"createdOn\":\"2026-01-01T00:00:00Z\",\"shockers\":["
                    + "{\"id\":\"s1\",\"name\":\"Left arm\",\"rfId\":1,\"model\":\"CaiXianlin\",\"isPaused\":false},"
                    + "{\"id\":\"s2\",\"name\":\"Right arm\",\"rfId\":2,\"model\":\"CaiXianlin\",\"isPaused\":false},"
                    + "{\"id\":\"s3\",\"name\":\"Spare\",\"rfId\":3,\"model\":\"Petrainer\",\"isPaused\":true}]}]}"));
            cfg.routes.post("/2/shockers/control", ctx -> {
                controls.add(Json.MAPPER.readTree(ctx.body()));
                ctx.contentType("application/json").result("{\"message\":\"Successfully sent control messages\"}");
            });
        }).start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
