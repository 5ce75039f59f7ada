package app.ltth.timers;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A timer as the streamer set it up.
 *
 * @param mode         countdown (a subathon), countup (to {@code seconds}, or on and on when 0), stopwatch, loop (a
 *                     countdown that starts again) or interval (work {@code seconds}, then break {@code breakSeconds})
 * @param seconds      the countdown's start, the loop's round, the interval's work, the count-up's target
 * @param capSeconds   counting down: never more than this left (0: no cap)
 * @param rules        what live events do to it
 * @param likeSpeed    likes make it run faster or slower, or null
 * @param template     how its overlay draws it: plain, bar, circle, minimal or big
 */
public record TimerDef(String id, String name, String mode, long seconds, long breakSeconds, long capSeconds,
                       List<TimerRule> rules, LikeSpeed likeSpeed, String template) {

    public static final String COUNTDOWN = "countdown";
    public static final String COUNTUP = "countup";
    public static final String STOPWATCH = "stopwatch";
    public static final String LOOP = "loop";
    public static final String INTERVAL = "interval";
    public static final List<String> MODES = List.of(COUNTDOWN, COUNTUP, STOPWATCH, LOOP, INTERVAL);
    public static final List<String> TEMPLATES = List.of("plain", "bar", "circle", "minimal", "big");
    static final long MAX_SECONDS = 365L * 24 * 3600;
    static final int MAX_RULES = 50;
    private static final Set<String> FIELDS = Set.of("name", "mode", "seconds", "breakSeconds", "capSeconds", "rules",
            "likeSpeed", "template");

    /**
     * Likes move the clock: every {@code likes} likes in the last {@code windowSeconds} add {@code step} to its speed
     * (negative slows it down), between {@code min} and {@code max}.
     */
    public record LikeSpeed(long likes, double step, double min, double max, int windowSeconds) {
    }

    public TimerDef {
        rules = List.copyOf(rules);
    }

    public boolean countsDown() {
        return mode.equals(COUNTDOWN) || mode.equals(LOOP) || mode.equals(INTERVAL);
    }

    /** Whether a flow or a placeholder naming a timer means this one: by id, or by name in any case. */
    public boolean isCalled(String idOrName) {
        return id.equals(idOrName) || name.equalsIgnoreCase(idOrName);
    }

    /** Reads a timer from JSON on top of {@code previous} (null for a new one): an update names only what changes. */
    static TimerDef parse(JsonNode json, String id, TimerDef previous) {
        if (json == null || !json.isObject()) throw new ValidationException(null, "A timer is a JSON object");
        new JsonFields(json, "").refuseUnknown(FIELDS, "setting", "use " + String.join(", ", FIELDS));
        ObjectNode merged = previous == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.valueToTree(previous);
        merged.setAll((ObjectNode) json);
        JsonFields f = new JsonFields(merged, "");
        String mode = f.choice("mode", MODES, COUNTDOWN);
        long seconds = f.number("seconds", mode.equals(COUNTDOWN) || mode.equals(LOOP) || mode.equals(INTERVAL) ? 600 : 0,
                0, MAX_SECONDS);
        if ((mode.equals(LOOP) || mode.equals(INTERVAL)) && seconds == 0) {
            throw new ValidationException("seconds", "a " + mode + " needs seconds of 1 or more");
        }
        List<TimerRule> rules = new ArrayList<>();
        JsonNode r = merged.get("rules");
        if (r != null && !r.isNull()) {
            if (!r.isArray() || r.size() > MAX_RULES) throw new ValidationException("rules", "rules must be a list of at most " + MAX_RULES);
            for (int i = 0; i < r.size(); i++) rules.add(TimerRule.parse(r.get(i), "rules[" + i + "]"));
        }
        LikeSpeed speed = null;
        JsonNode s = merged.get("likeSpeed");
        if (s != null && !s.isNull()) {
            JsonFields sf = new JsonFields(s, "likeSpeed");
            sf.refuseUnknown(Set.of("likes", "step", "min", "max", "windowSeconds"), "key", "use likes, step, min, max, windowSeconds");
            double min = sf.decimal("min", 0.5, 0.1, 1);
            double max = sf.decimal("max", 2, 1, 10);
            speed = new LikeSpeed(sf.number("likes", 100, 1, 1_000_000), sf.decimal("step", 0.1, -1, 1), min, max,
                    (int) sf.number("windowSeconds", 10, 1, 300));
        }
        return new TimerDef(id, f.requiredText("name", 60), mode, seconds, f.number("breakSeconds", 0, 0, MAX_SECONDS),
                f.number("capSeconds", 0, 0, MAX_SECONDS), rules, speed, f.choice("template", TEMPLATES, "plain"));
    }
}
