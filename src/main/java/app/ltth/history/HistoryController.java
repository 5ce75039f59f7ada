package app.ltth.history;

import app.ltth.events.EventType;
import app.ltth.input.ValidationException;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * REST for the stored history of the open profile.
 *
 * <pre>
 * GET /api/events?type=&user=&since=&until=&limit=&cursor=   newest first; nextCursor pages on
 * GET /api/events/export?format=csv|jsonl&type=&user=&since=&until=
 * GET /api/gifts                                             the gift catalog
 * GET /api/users/top?by=coins|chats|likes&limit=             per-user totals (likes are estimates)
 * </pre>
 * Times are epoch milliseconds or ISO-8601 instants ({@code 2026-11-22T18:00:00Z}).
 */
public final class HistoryController implements ProfileManager.Listener {

    static final int MAX_LIMIT = 1_000;

    private volatile EventRepository events;
    private volatile UserStatsRepository users;

    @Override
    public void profileOpened(String profile, Database database) {
        events = new EventRepository(database);
        users = new UserStatsRepository(database);
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/events", ctx -> ctx.json(events.page(query(ctx, true))));
        routes.get("/api/events/export", this::export);
        routes.get("/api/gifts", ctx -> ctx.json(Map.of("gifts", users.giftCatalog())));
        routes.get("/api/users/top", ctx -> {
            UserStatsRepository.Ranking by = enumParam(ctx, "by", UserStatsRepository.Ranking.class,
                    UserStatsRepository.Ranking.COINS);
            int limit = longParam(ctx, "limit", 10L, 1, 100).intValue();
            ctx.json(Map.of("by", by.name().toLowerCase(Locale.ROOT), "likesAreEstimates", true,
                    "users", users.top(by, limit)));
        });
    }

    private void export(Context ctx) throws Exception {
        EventRepository.Format format = enumParam(ctx, "format", EventRepository.Format.class, EventRepository.Format.JSONL);
        EventRepository.Query query = query(ctx, false);
        String extension = format == EventRepository.Format.CSV ? "csv" : "jsonl";
        ctx.contentType(format == EventRepository.Format.CSV ? "text/csv; charset=utf-8" : "application/x-ndjson");
        ctx.header("Content-Disposition", "attachment; filename=\"ltth-events." + extension + "\"");
        events.export(query, format, ctx.outputStream());
    }

    private static EventRepository.Query query(Context ctx, boolean paged) {
        String type = ctx.queryParam("type");
        if (type != null && EventType.fromWireName(type).isEmpty()) {
            throw new ValidationException("type", "Unknown event type '" + type + "'");
        }
        String user = ctx.queryParam("user");
        if (user != null && (user.isBlank() || user.length() > 100)) {
            throw new ValidationException("user", "user must be a TikTok username of at most 100 characters");
        }
        Long since = time(ctx, "since");
        Long until = time(ctx, "until");
        if (since != null && until != null && since >= until) {
            throw new ValidationException("until", "until must be later than since");
        }
        int limit = paged ? longParam(ctx, "limit", 100L, 1, MAX_LIMIT).intValue() : Integer.MAX_VALUE;
        Long cursor = paged ? longParam(ctx, "cursor", null, 1, Long.MAX_VALUE) : null;
        return new EventRepository.Query(type, user == null ? null : user.replaceFirst("^@", ""), since, until, limit, cursor);
    }

    private static Long time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(raw).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new ValidationException(name, name + " must be epoch milliseconds or an ISO-8601 time such as "
                        + "2026-11-22T18:00:00Z, not '" + raw + "'");
            }
        }
    }

    private static Long longParam(Context ctx, String name, Long fallback, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ValidationException(name, name + " must be a whole number between " + min + " and " + max);
    }

    private static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type, E fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "Unknown " + name + " '" + raw + "'");
        }
    }
}
