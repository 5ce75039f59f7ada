package app.ltth.goals;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A goal as the streamer set it up, and how far it is. {@code target} is the target the streamer set;
 * {@code currentTarget} is where it stands now (doubling and raising move it, a reset brings it back).
 *
 * @param metric    coins, likes, followers, shares, subscribers, or custom (moved only by REST and flows)
 * @param label     a template: {name}, {current}, {target}, {percent}, {remaining}
 * @param onReached keep (stay full and keep counting), hide, reset (to zero), double (the target), raise (by raiseBy)
 */
public record Goal(String id, String name, String metric, long target, String label, Style style, String onReached,
                   long raiseBy, boolean resetOnNewStream, long current, long currentTarget, boolean reached) {

    public static final List<String> METRICS = List.of("coins", "likes", "followers", "shares", "subscribers", "custom");
    public static final List<String> ON_REACHED = List.of("keep", "hide", "reset", "double", "raise");
    public static final long MAX = 1_000_000_000_000L;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Colours and shape (the overlay's templates); the overlay draws it. */
    public record Style(String kind, String color, String background, String textColor) {
        public static final List<String> KINDS = List.of("bar", "ring", "counter", "pill", "band", "thermometer");
    }

    /** Whether flows naming a goal mean this one: by its id, or by its name in any case. */
    public boolean isCalled(String idOrName) {
        return id.equals(idOrName) || name.equalsIgnoreCase(idOrName);
    }

    @JsonProperty("percent")
    public double percent() {
        return currentTarget <= 0 ? 0 : Math.min(100.0, current * 100.0 / currentTarget);
    }

    /**
     * Reads a goal from JSON, on top of {@code previous} (null for a new goal) so that an update may name only
     * what changes. Progress ({@code current}) is not set this way: it has its own operations.
     */
    public static Goal parse(JsonNode json, String id, Goal previous) {
        if (json == null || !json.isObject()) throw new ValidationException(null, "A goal is a JSON object");
        ObjectNode merged = previous == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.valueToTree(previous);
        merged.setAll((ObjectNode) json);
        JsonFields f = new JsonFields(merged, "");
        String name = f.requiredText("name", 80);
        String metric = f.choice("metric", METRICS, "coins");
        long target = f.number("target", 0, 1, MAX);
        if (target == 0) throw new ValidationException("target", "target is required: a whole number of 1 or more");
        JsonFields s = new JsonFields(merged.get("style"), "style");
        Style style = new Style(s.choice("kind", Style.KINDS, "bar"), s.color("color", "#ff0050"),
                s.color("background", "#1a1a2ecc"), s.color("textColor", "#ffffff"));
        String onReached = f.choice("onReached", ON_REACHED, "keep");
        long raiseBy = f.number("raiseBy", 100, 1, MAX);
        boolean targetChanged = previous == null || previous.target() != target;
        long current = previous == null ? 0 : previous.current();
        long currentTarget = targetChanged ? target : previous.currentTarget();
        return new Goal(id, name, metric, target, f.text("label", "{name}", 200), style, onReached,
                raiseBy, f.bool("resetOnNewStream", true), current, currentTarget,
                current >= currentTarget && previous != null && previous.reached());
    }

    /** The definition only, as the database keeps it. */
    String definitionJson() {
        ObjectNode json = Json.MAPPER.valueToTree(this);
        for (String runtime : List.of("id", "current", "currentTarget", "reached", "percent")) json.remove(runtime);
        return json.toString();
    }

    Goal withProgress(long newCurrent, long newTarget, boolean newReached) {
        return new Goal(id, name, metric, target, label, style, onReached, raiseBy, resetOnNewStream, newCurrent,
                newTarget, newReached);
    }
}
