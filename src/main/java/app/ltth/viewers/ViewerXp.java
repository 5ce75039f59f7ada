package app.ltth.viewers;

import java.time.LocalDate;
import java.util.List;

/**
 * One viewer's XP, points and level, and what the rules need to remember: when their last chat earned XP, the day of
 * their last visit and how many days in a row they came, and what free XP they earned in the last hour (for the caps;
 * kept in memory only).
 *
 * @param recentFree the free XP of the last hour, as pairs of epoch ms and amount, oldest first
 */
public record ViewerXp(String handle, String userId, String nickname, long xp, long points, int level,
                       long lastChatXpAt, LocalDate lastVisit, int streakDays, List<long[]> recentFree) {

    public ViewerXp {
        recentFree = List.copyOf(recentFree);
    }

    static ViewerXp first(String handle, String userId, String nickname) {
        return new ViewerXp(handle, userId, nickname, 0, 0, 1, 0, null, 0, List.of());
    }

    ViewerXp withPoints(long newPoints) {
        return new ViewerXp(handle, userId, nickname, xp, newPoints, level, lastChatXpAt, lastVisit, streakDays, recentFree);
    }

    ViewerXp withXp(long newXp, int newLevel) {
        return new ViewerXp(handle, userId, nickname, newXp, points, newLevel, lastChatXpAt, lastVisit, streakDays, recentFree);
    }
}
