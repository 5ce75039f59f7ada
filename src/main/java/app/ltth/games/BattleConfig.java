package app.ltth.games;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the streamer set up coin battles: the match's length, solo or two teams (viewers join with {@code !join NAME}
 * or are put in the smaller team), the extension a late gift brings, the multiplier gift, and the points the winner
 * (solo) or each member of the winning team gets. Pure.
 *
 * @param lateSeconds   a gift this close to the end...
 * @param extendSeconds ...makes the match this much longer, at most {@code maxExtensions} times
 */
public record BattleConfig(int seconds, String mode, List<Team> teams, String assign, int lateSeconds, int extendSeconds,
                           int maxExtensions, String multiplierGift, int multiplierFactor, int multiplierSeconds,
                           long winnerPoints) {

    public static final List<String> MODES = List.of("solo", "teams");
    public static final List<String> ASSIGN = List.of("auto", "join");
    private static final Set<String> FIELDS = Set.of("seconds", "mode", "teams", "assign", "lateSeconds", "extendSeconds",
            "maxExtensions", "multiplierGift", "multiplierFactor", "multiplierSeconds", "winnerPoints");

    public record Team(String name, String colour) {
    }

    public BattleConfig {
        teams = List.copyOf(teams);
    }

    public static BattleConfig defaults() {
        return new BattleConfig(300, "solo", List.of(new Team("Red", "#ff6b6b"), new Team("Blue", "#4dabf7")), "auto", 10, 20,
                10, "", 2, 30, 100);
    }

    /** This configuration with a change: the page's settings, or a match's own options (seconds, mode). */
    public BattleConfig with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use " + String.join(", ", FIELDS));
        List<Team> t = teams;
        JsonNode tn = f.node("teams");
        if (tn != null && !tn.isNull()) {
            if (!tn.isArray() || tn.size() != 2) throw new ValidationException("teams", "a battle has two teams");
            t = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                JsonFields tf = new JsonFields(tn.get(i), "teams[" + i + "]");
                tf.refuseUnknown(Set.of("name", "colour"), "key", "use name and colour");
                t.add(new Team(tf.requiredText("name", 24), tf.color("colour", i == 0 ? "#ff6b6b" : "#4dabf7")));
            }
            if (t.get(0).name().equalsIgnoreCase(t.get(1).name())) throw new ValidationException("teams[1].name", "the teams need two names");
        }
        return new BattleConfig((int) f.number("seconds", seconds, 10, 3 * 3600), f.choice("mode", MODES, mode), t,
                f.choice("assign", ASSIGN, assign), (int) f.number("lateSeconds", lateSeconds, 0, 120),
                (int) f.number("extendSeconds", extendSeconds, 0, 600), (int) f.number("maxExtensions", maxExtensions, 0, 100),
                f.text("multiplierGift", multiplierGift, 60), (int) f.number("multiplierFactor", multiplierFactor, 2, 10),
                (int) f.number("multiplierSeconds", multiplierSeconds, 5, 600), f.number("winnerPoints", winnerPoints, 0, 1_000_000));
    }
}
