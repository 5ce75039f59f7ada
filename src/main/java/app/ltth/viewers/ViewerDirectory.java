package app.ltth.viewers;

import app.ltth.events.User;
import app.ltth.history.Csv;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.store.SingleJsonRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every viewer a profile has seen, for the Viewers page, its CSV export and the all-time top-viewers board: their
 * totals from the event log (coins, gifts, likes, chats, visits, watch time, first and last seen), their XP, level
 * and points, the streamer's VIP mark and note, and the VIP tier their coins and visits grant.
 */
public final class ViewerDirectory implements ProfileManager.Listener {

    public static final List<String> SORTS = List.of("xp", "points", "level", "recent", "coins", "visits", "chats",
            "likes", "gifts", "firstSeen", "name");
    static final int MAX_TIERS = 10;
    private static final SingleJsonRow STORED = new SingleJsonRow("vip_tiers", "tiers");
    private static final Set<String> TIER_FIELDS = Set.of("name", "coins", "visits");

    /** A VIP tier: granted to a viewer with at least these coins and visits (a 0 asks nothing). */
    public record Tier(String name, long coins, long visits) {
        boolean grantedTo(long viewerCoins, long viewerVisits) {
            return viewerCoins >= coins && viewerVisits >= visits;
        }
    }

    private final ProfileManager profiles;
    private final XpService xp;
    private volatile List<Tier> tiers = List.of();

    public ViewerDirectory(ProfileManager profiles, XpService xp) {
        this.profiles = profiles;
        this.xp = xp;
    }

    @Override
    public void profileOpened(String profile, Database database) throws Exception {
        tiers = database.read(STORED::read).map(json -> {
            try {
                return List.of(Json.MAPPER.readValue(json, Tier[].class));
            } catch (IOException e) {
                return List.<Tier>of();   // unreadable (written by hand): as if none were set
            }
        }).orElse(List.of());
    }

    public List<Tier> tiers() {
        return tiers;
    }

    /** The page's tiers, {@code {"tiers": [{"name": "Gold", "coins": 5000, "visits": 0}]}}, the first met wins. */
    public synchronized List<Tier> setTiers(JsonNode body) throws SQLException, IOException {
        new JsonFields(body, "").refuseUnknown(Set.of("tiers"), "key", "use tiers");
        JsonNode list = body.get("tiers");
        if (list == null || !list.isArray() || list.size() > MAX_TIERS) {
            throw new ValidationException("tiers", "tiers must be a list of at most " + MAX_TIERS + " tiers");
        }
        List<Tier> next = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonFields f = new JsonFields(list.get(i), "tiers[" + i + "]");
            f.refuseUnknown(TIER_FIELDS, "key", "use name, coins and visits");
            String name = f.requiredText("name", 30);
            if (name.isEmpty() || !names.add(name.toLowerCase(Locale.ROOT))) {
                throw new ValidationException(f.path("name"), "each tier needs a name of its own");
            }
            long coins = f.number("coins", 0, 0, 1_000_000_000);
            long visits = f.number("visits", 0, 0, 100_000);
            if (coins == 0 && visits == 0) throw new ValidationException(f.path("coins"), "a tier needs coins or visits above 0");
            next.add(new Tier(name, coins, visits));
        }
        String json = Json.MAPPER.writeValueAsString(next);
        profiles.withDatabase(c -> STORED.write(c, json));
        tiers = List.copyOf(next);
        return tiers;
    }

    /** The first tier the viewer meets, or empty. */
    static String tierOf(List<Tier> tiers, long coins, long visits) {
        for (Tier t : tiers) if (t.grantedTo(coins, visits)) return t.name();
        return "";
    }

    private static final String SELECT = "SELECT s.user_id, s.unique_id, s.nickname, s.coins, s.gifts, s.likes, s.chats, "
            + "s.visits, s.watch_ms, s.first_seen, s.last_seen, x.xp, x.points, x.level, x.last_chat_xp, x.last_visit, "
            + "x.streak_days, f.vip, f.note FROM user_stats s "
            + "LEFT JOIN viewer_xp x ON x.handle = lower(s.unique_id) LEFT JOIN viewer_flags f ON f.handle = lower(s.unique_id) "
            + "WHERE lower(s.unique_id) LIKE ? ESCAPE '\\' OR lower(s.nickname) LIKE ? ESCAPE '\\' ";

    /** Viewers whose handle or name contains {@code query}, by {@code sort} (one of {@link #SORTS}; else the latest seen). */
    public List<Map<String, Object>> list(String query, String sort, int limit) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        each(query, sort, limit, out::add);
        return out;
    }

    /** Every viewer the query finds, as CSV for spreadsheets (names from TikTok made harmless). */
    public void exportCsv(String query, String sort, OutputStream out) throws SQLException, IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("handle,nickname,level,level_name,xp,points,coins,gifts,likes,chats,visits,watch_minutes,first_seen,"
                + "last_seen,vip,tier,note\r\n");
        try {
            each(query, sort, Integer.MAX_VALUE, v -> {
                try {
                    w.write(String.join(",", Csv.cell((String) v.get("handle")), Csv.cell((String) v.get("nickname")),
                            str(v.get("level")), Csv.cell((String) v.get("levelName")), str(v.get("xp")), str(v.get("points")),
                            str(v.get("coins")), str(v.get("gifts")), str(v.get("likes")), str(v.get("chats")),
                            str(v.get("visits")), str((Long) v.get("watchMs") / 60_000),
                            Instant.ofEpochMilli((Long) v.get("firstSeen")).toString(),
                            Instant.ofEpochMilli((Long) v.get("lastSeen")).toString(), str(v.get("vip")),
                            Csv.cell((String) v.get("tier")), Csv.cell((String) v.get("note"))) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    private static String str(Object o) {
        return String.valueOf(o);
    }

    private void each(String query, String sort, int limit, Consumer<Map<String, Object>> row) throws SQLException {
        xp.flush();   // XP is written once a second: what was earned a moment ago counts
        String order = switch (sort) {
            case "xp" -> "COALESCE(x.xp, 0) DESC";
            case "points" -> "COALESCE(x.points, 0) DESC";
            case "level" -> "COALESCE(x.level, 1) DESC, COALESCE(x.xp, 0) DESC";
            case "coins" -> "s.coins DESC";
            case "visits" -> "s.visits DESC";
            case "chats" -> "s.chats DESC";
            case "likes" -> "s.likes DESC";
            case "gifts" -> "s.gifts DESC";
            case "firstSeen" -> "s.first_seen ASC";
            case "name" -> "lower(s.nickname) ASC";
            default -> "s.last_seen DESC";
        };
        String like = "%" + query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Tier> tiersNow = tiers;
        profiles.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY " + order + ", s.last_seen DESC, s.user_id LIMIT ?")) {
                ps.setString(1, like);
                ps.setString(2, like);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) row.accept(describe(rs, tiersNow));
                }
                return null;
            }
        });
    }

    private Map<String, Object> describe(ResultSet rs, List<Tier> tiersNow) throws SQLException {
        String handle = User.handle(rs.getString(2));
        String visit = rs.getString(16);
        ViewerXp v = rs.getObject(12) == null ? ViewerXp.first(handle, rs.getString(1), rs.getString(3))
                : new ViewerXp(handle, rs.getString(1), rs.getString(3), rs.getLong(12), rs.getLong(13), rs.getInt(14),
                rs.getLong(15), visit == null ? null : LocalDate.parse(visit), rs.getInt(17), List.of());
        Map<String, Object> m = new LinkedHashMap<>(xp.describe(v));
        m.put("uniqueId", rs.getString(2));
        long coins = rs.getLong(4);
        long visits = rs.getLong(8);
        m.put("coins", coins);
        m.put("gifts", rs.getLong(5));
        m.put("likes", rs.getLong(6));
        m.put("chats", rs.getLong(7));
        m.put("visits", visits);
        m.put("watchMs", rs.getLong(9));
        m.put("firstSeen", rs.getLong(10));
        m.put("lastSeen", rs.getLong(11));
        m.put("vip", rs.getInt(18) != 0);
        m.put("note", rs.getString(19) == null ? "" : rs.getString(19));
        m.put("tier", tierOf(tiersNow, coins, visits));
        return m;
    }

    /** The tier of one viewer by their totals, for the viewer's own page. */
    public String tierOf(long coins, long visits) {
        return tierOf(tiers, coins, visits);
    }
}
