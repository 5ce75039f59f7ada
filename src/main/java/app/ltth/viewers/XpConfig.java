package app.ltth.viewers;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How viewers earn XP and points, as the streamer sets it. The defaults are the original LTTH's: chat 5 XP (once in
 * 30 s), share 25, follow 50, a gift 1 XP per coin; free actions (chat, share, join) are capped per 5 minutes and per
 * hour against farming, gifts and follows are not. Points are earned alongside, {@code pointsPerXp} for each XP.
 *
 * @param levelBase     XP needed for level 2; level n needs {@code levelBase * (n - 1) ^ levelExponent} in all
 * @param levelNames    the name from a level on, e.g. {1: "Newcomer", 10: "Regular"}
 * @param dailyBonus    XP for the first visit of a day (in the streamer's time zone)
 * @param streakBonus   extra XP per day in a row, up to a week
 * @param rankAnswer    how !rank answers: the viewer card overlay ({@code card}), text to speech ({@code speech}) or
 *                      {@code both}
 */
public record XpConfig(long chatXp, int chatCooldownSeconds, long shareXp, long followXp, long joinXp, long xpPerCoin,
                       long capPer5Minutes, long capPerHour, double pointsPerXp, long dailyBonus, long streakBonus,
                       long levelBase, double levelExponent, Map<Integer, String> levelNames, String rankAnswer) {

    private static final Set<String> FIELDS = Set.of("chatXp", "chatCooldownSeconds", "shareXp", "followXp", "joinXp",
            "xpPerCoin", "capPer5Minutes", "capPerHour", "pointsPerXp", "dailyBonus", "streakBonus", "levelBase",
            "levelExponent", "levelNames", "rankAnswer");
    static final List<String> RANK_ANSWERS = List.of("both", "card", "speech");
    static final int MAX_LEVEL = 1000;

    public XpConfig {
        levelNames = Collections.unmodifiableMap(new TreeMap<>(levelNames));
    }

    public static XpConfig defaults() {
        return new XpConfig(5, 30, 25, 50, 1, 1, 200, 1000, 1.0, 20, 10, 100, 1.5,
                Map.of(1, "Newcomer", 5, "Regular", 10, "Fan", 20, "Superfan", 50, "Legend"), "both");
    }

    /** These settings with a change from the page or the API; all checked, an unknown field refused. */
    public XpConfig with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "");
        Map<Integer, String> names = levelNames;
        JsonNode n = f.node("levelNames");
        if (n != null && !n.isNull()) {
            if (!n.isObject() || n.size() > 100) {
                throw new ValidationException("levelNames", "levelNames must be levels and names, e.g. {\"1\": \"Newcomer\"}");
            }
            names = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int level;
                try {
                    level = Integer.parseInt(e.getKey());
                } catch (NumberFormatException ex) {
                    level = 0;
                }
                String name = e.getValue().asText("").strip();
                if (level < 1 || level > MAX_LEVEL || !e.getValue().isTextual() || name.isEmpty() || name.length() > 40) {
                    throw new ValidationException("levelNames", "'" + e.getKey() + "': a level from 1 to " + MAX_LEVEL
                            + " with a name of 1-40 characters");
                }
                names.put(level, name);
            }
        }
        return new XpConfig(f.number("chatXp", chatXp, 0, 10_000), (int) f.number("chatCooldownSeconds", chatCooldownSeconds, 0, 3600),
                f.number("shareXp", shareXp, 0, 10_000), f.number("followXp", followXp, 0, 10_000),
                f.number("joinXp", joinXp, 0, 10_000), f.number("xpPerCoin", xpPerCoin, 0, 1_000),
                f.number("capPer5Minutes", capPer5Minutes, 0, 1_000_000), f.number("capPerHour", capPerHour, 0, 10_000_000),
                f.decimal("pointsPerXp", pointsPerXp, 0, 100), f.number("dailyBonus", dailyBonus, 0, 100_000),
                f.number("streakBonus", streakBonus, 0, 100_000), f.number("levelBase", levelBase, 1, 1_000_000),
                f.decimal("levelExponent", levelExponent, 1, 3), names, f.choice("rankAnswer", RANK_ANSWERS, rankAnswer));
    }

    public boolean rankOnCard() {
        return !rankAnswer.equals("speech");
    }

    public boolean rankSpoken() {
        return !rankAnswer.equals("card");
    }

    /** The XP in all that level {@code level} needs. */
    public long xpFor(int level) {
        return level <= 1 ? 0 : Math.round(levelBase * Math.pow(level - 1, levelExponent));
    }

    /** The level {@code xp} reaches: the curve turned round, then put right where rounding moved it by one. */
    public int levelOf(long xp) {
        if (xp <= 0) return 1;
        int level = (int) Math.min(MAX_LEVEL, Math.floor(Math.pow((double) xp / levelBase, 1 / levelExponent)) + 1);
        while (level > 1 && xpFor(level) > xp) level--;
        while (level < MAX_LEVEL && xpFor(level + 1) <= xp) level++;
        return level;
    }

    /** The name of a level: the one set for the highest level at or below it, or empty. */
    public String nameOf(int level) {
        String name = "";
        for (Map.Entry<Integer, String> e : levelNames.entrySet()) if (e.getKey() <= level) name = e.getValue();
        return name;
    }
}
