package app.ltth.health;

import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;

/**
 * GET /api/health   the health panel's numbers (JSON)
 * GET /api/metrics  the same in Prometheus' text format, for a scraper or a quick look
 */
public final class HealthController {

    private final Supplier<HealthReport> report;

    public HealthController(Supplier<HealthReport> report) {
        this.report = report;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/health", ctx -> ctx.json(report.get()));
        routes.get("/api/metrics", ctx -> ctx.contentType(PrometheusText.CONTENT_TYPE).result(PrometheusText.render(report.get())));
    }
}
