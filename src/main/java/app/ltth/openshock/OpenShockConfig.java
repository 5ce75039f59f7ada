package app.ltth.openshock;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.triggers.EventTrigger;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the streamer set up OpenShock: the hard limits every command is held to, the mappings from live events to a
 * command or a pattern, and the patterns (sequences of steps). A mapping or a step above the limits is refused when it
 * is saved, the field named; what is sent is clamped to the limits again, whatever asks. Pure.
 */
public record OpenShockConfig(Limits limits, List<Mapping> mappings, List<Pattern> patterns) {

    public static final List<String> TYPES = List.of("shock", "vibrate", "sound");
    /** OpenShock's own bounds of a command. */
    static final int MIN_DURATION_MS = 300;
    static final int MAX_DURATION_MS = 30_000;
    static final int MAX_MAPPINGS = 50;
    static final int MAX_PATTERNS = 20;
    static final int MAX_STEPS = 30;
    private static final Set<String> FIELDS = Set.of("limits", "mappings", "patterns");

    /**
     * @param maxIntensity        no command is stronger (percent, 1-100)
     * @param maxDurationMs       no command is longer
     * @param dailyShockSeconds   shocks of all kinds add up to at most this much a day (vibrations and sounds do not count)
     * @param cooldownSeconds     between two commands set off by live events
     * @param userCooldownSeconds between two commands set off by the same viewer
     */
    public record Limits(int maxIntensity, int maxDurationMs, int dailyShockSeconds, int cooldownSeconds, int userCooldownSeconds) {
    }

    /** One command: what, how strong (percent), how long, and the pause after it (in a pattern). */
    public record Step(String type, int intensity, int durationMs, int pauseMs) {
    }

    public record Pattern(String name, List<Step> steps) {
        public Pattern {
            steps = List.copyOf(steps);
        }
    }

    /**
     * When {@code when} fires: {@code pattern} (by name) when set, otherwise one command of {@code type} at
     * {@code intensity} for {@code durationMs}; on {@code shocker} (an id, or "all").
     */
    public record Mapping(boolean enabled, @JsonUnwrapped EventTrigger when, String shocker, String type, int intensity,
                          int durationMs, String pattern) {
    }

    public OpenShockConfig {
        mappings = List.copyOf(mappings);
        patterns = List.copyOf(patterns);
    }

    public static OpenShockConfig defaults() {
        return new OpenShockConfig(new Limits(30, 2000, 60, 5, 30), List.of(), List.of());
    }

    public Pattern pattern(String name) {
        return patterns.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** This configuration with a change; mappings and patterns are checked against the limits as they will be. */
    public OpenShockConfig with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use limits, mappings and patterns");
        Limits l = limits(f.node("limits"));
        List<Pattern> ps = f.node("patterns") == null || f.node("patterns").isNull() ? patterns : patterns(f.node("patterns"), l);
        List<Mapping> ms = f.node("mappings") == null || f.node("mappings").isNull() ? mappings : mappings(f.node("mappings"), l, ps);
        // Lower limits must hold for what is kept too.
        for (int i = 0; i < ps.size(); i++) {
            for (int s = 0; s < ps.get(i).steps().size(); s++) within(ps.get(i).steps().get(s), l, "patterns[" + i + "].steps[" + s + "]");
        }
        for (int i = 0; i < ms.size(); i++) {
            Mapping m = ms.get(i);
            if (m.pattern().isEmpty()) within(new Step(m.type(), m.intensity(), m.durationMs(), 0), l, "mappings[" + i + "]");
        }
        return new OpenShockConfig(l, ms, ps);
    }

    private Limits limits(JsonNode node) {
        if (node == null || node.isNull()) return limits;
        JsonFields f = new JsonFields(node, "limits");
        f.refuseUnknown(Set.of("maxIntensity", "maxDurationMs", "dailyShockSeconds", "cooldownSeconds", "userCooldownSeconds"), "key",
                "use maxIntensity, maxDurationMs, dailyShockSeconds, cooldownSeconds and userCooldownSeconds");
        return new Limits((int) f.number("maxIntensity", limits.maxIntensity(), 1, 100),
                (int) f.number("maxDurationMs", limits.maxDurationMs(), MIN_DURATION_MS, MAX_DURATION_MS),
                (int) f.number("dailyShockSeconds", limits.dailyShockSeconds(), 0, 3600),
                (int) f.number("cooldownSeconds", limits.cooldownSeconds(), 0, 3600),
                (int) f.number("userCooldownSeconds", limits.userCooldownSeconds(), 0, 86_400));
    }

    private static void within(Step s, Limits l, String path) {
        if (s.intensity() > l.maxIntensity()) {
            throw new ValidationException(path + ".intensity", "intensity " + s.intensity() + " is above your limit of " + l.maxIntensity());
        }
        if (s.durationMs() > l.maxDurationMs()) {
            throw new ValidationException(path + ".durationMs", "duration " + s.durationMs() + " ms is above your limit of " + l.maxDurationMs() + " ms");
        }
    }

    private static Step step(JsonFields f) {
        return new Step(f.choice("type", TYPES, "vibrate"), (int) f.number("intensity", 20, 1, 100),
                (int) f.number("durationMs", 1000, MIN_DURATION_MS, MAX_DURATION_MS), (int) f.number("pauseMs", 0, 0, 10_000));
    }

    private static List<Pattern> patterns(JsonNode list, Limits l) {
        if (!list.isArray() || list.size() > MAX_PATTERNS) throw new ValidationException("patterns", "patterns must be a list of at most " + MAX_PATTERNS);
        List<Pattern> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonFields p = new JsonFields(list.get(i), "patterns[" + i + "]");
            p.refuseUnknown(Set.of("name", "steps"), "key", "use name and steps");
            String name = p.requiredText("name", 40);
            if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) throw new ValidationException(p.path("name"), "another pattern has this name");
            JsonNode steps = p.node("steps");
            if (steps == null || !steps.isArray() || steps.isEmpty() || steps.size() > MAX_STEPS) {
                throw new ValidationException(p.path("steps"), "a pattern has 1 to " + MAX_STEPS + " steps");
            }
            List<Step> parsed = new ArrayList<>();
            for (int s = 0; s < steps.size(); s++) {
                JsonFields sf = new JsonFields(steps.get(s), p.path("steps") + "[" + s + "]");
                sf.refuseUnknown(Set.of("type", "intensity", "durationMs", "pauseMs"), "key", "use type, intensity, durationMs and pauseMs");
                parsed.add(step(sf));
            }
            out.add(new Pattern(name, parsed));
        }
        return out;
    }

    private static List<Mapping> mappings(JsonNode list, Limits l, List<Pattern> patterns) {
        if (!list.isArray() || list.size() > MAX_MAPPINGS) throw new ValidationException("mappings", "mappings must be a list of at most " + MAX_MAPPINGS);
        List<Mapping> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonFields m = new JsonFields(list.get(i), "mappings[" + i + "]");
            List<String> known = new ArrayList<>(EventTrigger.FIELDS);
            known.addAll(List.of("enabled", "shocker", "type", "intensity", "durationMs", "pattern"));
            m.refuseUnknown(Set.copyOf(known), "key", "use " + String.join(", ", known));
            EventTrigger when = EventTrigger.parse(m);
            String shocker = m.text("shocker", "all", 64);
            String pattern = m.text("pattern", "", 40);
            if (!pattern.isEmpty() && patterns.stream().noneMatch(p -> p.name().equalsIgnoreCase(pattern))) {
                throw new ValidationException(m.path("pattern"), "there is no pattern '" + pattern + "'");
            }
            Step s = step(m);
            out.add(new Mapping(m.bool("enabled", true), when, shocker.isEmpty() ? "all" : shocker, s.type(), s.intensity(), s.durationMs(), pattern));
        }
        return out;
    }
}
