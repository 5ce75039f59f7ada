package app.ltth.history;

import app.ltth.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Per-user totals over all streams of a profile, and the gift catalog, as the event log keeps them. */
public final class UserStatsRepository {

    /** A viewer who shows up after this long without a sign of them comes for a new visit. */
    public static final long VISIT_GAP_MILLIS = 3 * 60 * 60 * 1000L;

    public enum Ranking {
        COINS("coins"), CHATS("chats"), LIKES("likes");

        final String column;

        Ranking(String column) {
            this.column = column;
        }
    }

    /**
     * @param likes   TikTok's per-user like figures are incomplete: an estimate, and labelled so
     * @param visits  times they came after {@link #VISIT_GAP_MILLIS} away
     * @param watchMs the time between their first and last sign in each visit, added up: an estimate, as TikTok tells
     *                when viewers join but not when they leave
     */
    public record UserTotals(String userId, String uniqueId, String nickname, long coins, long gifts, long likes,
                             long chats, long firstSeen, long lastSeen, long visits, long watchMs) {
    }

    public record Gift(long giftId, String name, int coins, String imageUrl, long firstSeen, long lastSeen) {
    }

    private final Database database;

    public UserStatsRepository(Database database) {
        this.database = database;
    }

    private static final String TOTALS = "SELECT user_id, unique_id, nickname, coins, gifts, likes, chats, first_seen, "
            + "last_seen, visits, watch_ms FROM user_stats ";

    public List<UserTotals> top(Ranking ranking, int limit) throws SQLException {
        return totals(TOTALS + "WHERE " + ranking.column + " > 0 ORDER BY " + ranking.column + " DESC, last_seen DESC "
                + "LIMIT ?", limit);
    }

    /** The totals of the viewer with this @handle (lower case, without @), the latest seen if TikTok reused it. */
    public Optional<UserTotals> byHandle(String handle) throws SQLException {
        return totals(TOTALS + "WHERE lower(unique_id) = ? ORDER BY last_seen DESC LIMIT 1", handle).stream().findFirst();
    }

    private List<UserTotals> totals(String sql, Object parameter) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    List<UserTotals> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new UserTotals(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                                rs.getLong(11)));
                    }
                    return out;
                }
            }
        });
    }

    public List<Gift> giftCatalog() throws SQLException {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT gift_id, name, coins, image_url, first_seen, last_seen FROM gift_catalog ORDER BY coins, name");
                 ResultSet rs = ps.executeQuery()) {
                List<Gift> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Gift(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                            rs.getLong(6)));
                }
                return out;
            }
        });
    }
}
