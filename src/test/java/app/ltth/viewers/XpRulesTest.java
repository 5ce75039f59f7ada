package app.ltth.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.json.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class XpRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final XpConfig config = XpConfig.defaults();

    private static long at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant().toEpochMilli();
    }

    private XpRules.Outcome act(ViewerXp v, XpRules.Action action, long coins, long now) {
        return XpRules.apply(config, v, action, coins, now, BERLIN);
    }

    private final ViewerXp fresh = ViewerXp.first("anna", "1", "Anna");

    @Test
    void theFirstActionOfADayBringsTheDailyBonusAndChatEarnsOnceInThirtySeconds() {
        long t = at("2026-12-01T20:00:00");
        XpRules.Outcome first = act(fresh, XpRules.Action.CHAT, 0, t);
        assertThat(first.dailyBonus()).isTrue();
        assertThat(first.xpGained()).isEqualTo(5 + 20);
        assertThat(first.next().points()).isEqualTo(25);
        XpRules.Outcome again = act(first.next(), XpRules.Action.CHAT, 0, t + 29_000);
        assertThat(again.changed()).as("within the chat cooldown, the same day").isFalse();
        XpRules.Outcome later = act(first.next(), XpRules.Action.CHAT, 0, t + 30_000);
        assertThat(later.xpGained()).isEqualTo(5);
        assertThat(later.dailyBonus()).isFalse();
    }

    @Test
    void freeXpIsCappedPerFiveMinutesAndPerHourGiftsAndFollowsAreNot() {
        XpConfig tight = config.with(Json.MAPPER.createObjectNode().put("shareXp", 60).put("capPer5Minutes", 100)
                .put("capPerHour", 150).put("dailyBonus", 0));
        long t = at("2026-12-01T20:00:00");
        ViewerXp v = fresh;
        long gained = 0;
        for (int i = 0; i < 5; i++) {
            XpRules.Outcome o = XpRules.apply(tight, v, XpRules.Action.SHARE, 0, t + i * 1000L, BERLIN);
            gained += o.xpGained();
            v = o.next();
        }
        assertThat(gained).as("60 + 40, then the 5-minute cap").isEqualTo(100);
        XpRules.Outcome afterFive = XpRules.apply(tight, v, XpRules.Action.SHARE, 0, t + 5 * 60_000, BERLIN);
        assertThat(afterFive.xpGained()).as("what is left of the hour's 150").isEqualTo(50);
        v = afterFive.next();
        assertThat(XpRules.apply(tight, v, XpRules.Action.SHARE, 0, t + 11 * 60_000, BERLIN).xpGained()).isZero();
        XpRules.Outcome gift = XpRules.apply(tight, v, XpRules.Action.GIFT, 500, t + 12 * 60_000, BERLIN);
        assertThat(gift.xpGained()).as("gifts are paid for: no cap").isEqualTo(500);
        assertThat(XpRules.apply(tight, gift.next(), XpRules.Action.FOLLOW, 0, t + 12 * 60_000, BERLIN).xpGained()).isEqualTo(50);
        assertThat(XpRules.apply(tight, v, XpRules.Action.SHARE, 0, t + 61 * 60_000, BERLIN).xpGained())
                .as("an hour after the first share").isEqualTo(60);
    }

    @Test
    void aStreakCountsDaysInARowInTheStreamersTimeZone() {
        // 23:50 and 00:10 in Berlin are two days, though both are the same UTC day in winter
        XpRules.Outcome day1 = act(fresh, XpRules.Action.FOLLOW, 0, at("2026-12-01T23:50:00"));
        assertThat(day1.next().streakDays()).isEqualTo(1);
        assertThat(day1.next().lastVisit()).isEqualTo(LocalDate.of(2026, 12, 1));
        XpRules.Outcome day2 = act(day1.next(), XpRules.Action.CHAT, 0, at("2026-12-02T00:10:00"));
        assertThat(day2.dailyBonus()).isTrue();
        assertThat(day2.next().streakDays()).isEqualTo(2);
        assertThat(day2.xpGained()).isEqualTo(5 + 20 + 10);
        XpRules.Outcome sameDay = act(day2.next(), XpRules.Action.SHARE, 0, at("2026-12-02T22:00:00"));
        assertThat(sameDay.dailyBonus()).isFalse();
        assertThat(sameDay.next().streakDays()).isEqualTo(2);
        XpRules.Outcome gap = act(sameDay.next(), XpRules.Action.SHARE, 0, at("2026-12-04T12:00:00"));
        assertThat(gap.next().streakDays()).as("a day missed starts again").isEqualTo(1);
        ViewerXp long_ = new ViewerXp("anna", "1", "Anna", 0, 0, 1, 0, LocalDate.of(2026, 12, 19), 20, java.util.List.of());
        assertThat(act(long_, XpRules.Action.SHARE, 0, at("2026-12-20T12:00:00")).xpGained())
                .as("the streak bonus stops growing after a week").isEqualTo(25 + 20 + 10 * 6);
    }

    @Test
    void theLevelCurveAndTheNames() {
        assertThat(config.xpFor(1)).isZero();
        assertThat(config.xpFor(2)).isEqualTo(100);
        assertThat(config.xpFor(5)).isEqualTo(800);
        assertThat(config.levelOf(0)).isEqualTo(1);
        assertThat(config.levelOf(99)).isEqualTo(1);
        assertThat(config.levelOf(100)).isEqualTo(2);
        assertThat(config.levelOf(799)).isEqualTo(4);
        assertThat(config.levelOf(800)).isEqualTo(5);
        for (int level = 1; level < 300; level++) {
            assertThat(config.levelOf(config.xpFor(level))).as("level %d", level).isEqualTo(level);
            if (level > 1) assertThat(config.levelOf(config.xpFor(level) - 1)).isEqualTo(level - 1);
        }
        assertThat(config.nameOf(1)).isEqualTo("Newcomer");
        assertThat(config.nameOf(7)).isEqualTo("Regular");
        assertThat(config.nameOf(99)).isEqualTo("Legend");
        XpRules.Outcome up = act(fresh, XpRules.Action.GIFT, 100, at("2026-12-01T20:00:00"));
        assertThat(up.levelUp()).isTrue();
        assertThat(up.next().level()).isEqualTo(2);
    }
}
