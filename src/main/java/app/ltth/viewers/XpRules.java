package app.ltth.viewers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What one action of a viewer earns: XP and points by the streamer's amounts, the chat cooldown, the caps on free XP
 * per 5 minutes and per hour, the daily bonus on the first action of a day (in the streamer's time zone) with its
 * streak of days in a row, and the level that follows. Pure: the time and the zone are handed in.
 */
public final class XpRules {

    /** What a viewer did. {@code CHAT}, {@code SHARE} and {@code JOIN} are free, and capped. */
    public enum Action { CHAT, SHARE, FOLLOW, JOIN, GIFT }

    /** The new state and what happened on the way. */
    public record Outcome(ViewerXp next, long xpGained, long pointsGained, int oldLevel, boolean dailyBonus) {
        public boolean levelUp() {
            return next.level() > oldLevel;
        }

        public boolean changed() {
            return xpGained > 0 || pointsGained > 0 || dailyBonus;
        }
    }

    private static final long FIVE_MINUTES = 5 * 60_000;
    private static final long HOUR = 60 * 60_000;
    static final int STREAK_BONUS_DAYS = 7;

    private XpRules() {
    }

    /** @param coins the gift's coins (the whole streak), 0 for other actions */
    public static Outcome apply(XpConfig c, ViewerXp v, Action action, long coins, long now, ZoneId zone) {
        long earned = switch (action) {
            case CHAT -> now - v.lastChatXpAt() >= c.chatCooldownSeconds() * 1000L ? c.chatXp() : 0;
            case SHARE -> c.shareXp();
            case FOLLOW -> c.followXp();
            case JOIN -> c.joinXp();
            case GIFT -> coins * c.xpPerCoin();
        };
        List<long[]> recent = new ArrayList<>();
        for (long[] r : v.recentFree()) if (now - r[0] < HOUR) recent.add(r);
        boolean free = action == Action.CHAT || action == Action.SHARE || action == Action.JOIN;
        if (free && earned > 0) {
            long lastFive = 0;
            long lastHour = 0;
            for (long[] r : recent) {
                lastHour += r[1];
                if (now - r[0] < FIVE_MINUTES) lastFive += r[1];
            }
            earned = Math.max(0, Math.min(earned, Math.min(c.capPer5Minutes() - lastFive, c.capPerHour() - lastHour)));
            if (earned > 0) recent.add(new long[] {now, earned});
        }
        LocalDate today = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
        boolean firstToday = v.lastVisit() == null || v.lastVisit().isBefore(today);
        int streak = !firstToday ? v.streakDays() : v.lastVisit() != null && v.lastVisit().plusDays(1).equals(today)
                ? v.streakDays() + 1 : 1;
        long bonus = firstToday ? c.dailyBonus() + c.streakBonus() * (Math.min(streak, STREAK_BONUS_DAYS) - 1) : 0;
        long xp = v.xp() + earned + bonus;
        long points = Math.round((earned + bonus) * c.pointsPerXp());
        long lastChat = action == Action.CHAT && earned > 0 ? now : v.lastChatXpAt();
        ViewerXp next = new ViewerXp(v.handle(), v.userId(), v.nickname(), xp, v.points() + points, c.levelOf(xp),
                lastChat, today, streak, recent);
        return new Outcome(next, earned + bonus, points, v.level(), firstToday);
    }
}
