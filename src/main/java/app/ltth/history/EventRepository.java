package app.ltth.history;

import app.ltth.store.Database;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the event log: pages for the dashboard and the API, and whole exports. */
public final class EventRepository {

    /**
     * What to read. Null fields do not filter.
     *
     * @param since  from this time on (epoch ms, inclusive)
     * @param until  before this time (epoch ms, exclusive)
     * @param cursor for paging: only events older than this one (a {@link Row#seq()} from the previous page)
     */
    public record Query(String type, String user, Long since, Long until, int limit, Long cursor) {
    }

    /** One stored event; {@code data} is the event as JSON, exactly as the socket sends it. */
    public record Row(long seq, String id, String type, long timestamp, String userId, String uniqueId,
                      @JsonRawValue String data) {
    }

    /** @param nextCursor pass as {@code cursor} to read the next, older page; null when this was the last */
    public record Page(List<Row> events, @JsonInclude(JsonInclude.Include.ALWAYS) Long nextCursor) {
    }

    public enum Format { CSV, JSONL }

    private final Database database;

    public EventRepository(Database database) {
        this.database = database;
    }

    /** Newest first. */
    public Page page(Query q) throws SQLException {
        List<Row> rows = select(q, q.cursor(), true, q.limit() + 1);
        Long next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            next = rows.get(rows.size() - 1).seq();
        }
        return new Page(List.copyOf(rows), next);
    }

    /** Writes every matching event, oldest first, reading in chunks so any size of log fits in memory. */
    public long export(Query q, Format format, OutputStream out) throws SQLException, IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == Format.CSV) writer.write("seq,id,type,time,user_id,unique_id,data\r\n");
        long count = 0;
        Long after = null;
        while (true) {
            List<Row> chunk = select(q, after, false, 1_000);
            for (Row r : chunk) {
                writer.write(format == Format.CSV ? csv(r) : r.data() + "\n");
                count++;
            }
            if (chunk.size() < 1_000) break;
            after = chunk.get(chunk.size() - 1).seq();
        }
        writer.flush();
        return count;
    }

    public long count() throws SQLException {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private List<Row> select(Query q, Long seqBound, boolean newestFirst, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT seq, id, type, ts, user_id, unique_id, data FROM events WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.type() != null) {
            sql.append(" AND type = ?");
            args.add(q.type());
        }
        if (q.user() != null) {
            sql.append(" AND unique_id = ?");
            args.add(q.user());
        }
        if (q.since() != null) {
            sql.append(" AND ts >= ?");
            args.add(q.since());
        }
        if (q.until() != null) {
            sql.append(" AND ts < ?");
            args.add(q.until());
        }
        if (seqBound != null) {
            sql.append(newestFirst ? " AND seq < ?" : " AND seq > ?");
            args.add(seqBound);
        }
        sql.append(newestFirst ? " ORDER BY seq DESC" : " ORDER BY seq ASC").append(" LIMIT ?");
        args.add(limit);
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    List<Row> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                    return rows;
                }
            }
        });
    }

    private static String csv(Row r) {
        return String.join(",", String.valueOf(r.seq()), Csv.cell(r.id()), Csv.cell(r.type()),
                Instant.ofEpochMilli(r.timestamp()).toString(), Csv.cell(r.userId()), Csv.cell(r.uniqueId()), Csv.cell(r.data()))
                + "\r\n";
    }


}
