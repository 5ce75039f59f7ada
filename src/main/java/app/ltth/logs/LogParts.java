package app.ltth.logs;

import app.ltth.input.ValidationException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * LTTH's parts as the Logs page names them, each with the packages that log for it, and their levels: switched at
 * runtime (debug for the connector while hunting a problem), back to normal with the next start.
 */
public final class LogParts {

    static final Map<String, List<String>> PARTS = new LinkedHashMap<>();
    static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace");
    /** Lines of libraries (Jetty, Netty, ...). */
    static final String OTHER = "other";

    static {
        PARTS.put("connector", List.of("app.ltth.live"));
        PARTS.put("flows", List.of("app.ltth.flows"));
        PARTS.put("tts", List.of("app.ltth.tts", "app.ltth.audio", "app.ltth.sound"));
        PARTS.put("obs", List.of("app.ltth.obs", "app.ltth.osc", "app.ltth.multicam", "app.ltth.vdoninja"));
        PARTS.put("plugins", List.of("app.ltth.plugin"));
        PARTS.put("overlays", List.of("app.ltth.alerts", "app.ltth.goals", "app.ltth.leaderboard", "app.ltth.overlays"));
        PARTS.put("web", List.of("app.ltth.web", "app.ltth.lan", "app.ltth.pages"));
        PARTS.put("store", List.of("app.ltth.store", "app.ltth.history", "app.ltth.settings"));
        PARTS.put("app", List.of("app.ltth"));
    }

    private LogParts() {
    }

    /** The part a logger belongs to: the longest package that names one. */
    static String partOf(String logger) {
        String best = OTHER;
        int bestLength = -1;
        for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
            for (String prefix : part.getValue()) {
                if ((logger.equals(prefix) || logger.startsWith(prefix + ".")) && prefix.length() > bestLength) {
                    best = part.getKey();
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    /** Each part's level now (its first package's effective level). */
    static Map<String, String> levels() {
        Map<String, String> out = new LinkedHashMap<>();
        LoggerContext context = context();
        PARTS.forEach((part, packages) -> out.put(part, context == null ? "info"
                : context.getLogger(packages.get(0)).getEffectiveLevel().toString().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** Sets the levels of the parts named, e.g. {"connector": "debug"}; all or none. */
    static void set(Map<String, String> levels) {
        levels.forEach((part, level) -> {
            if (!PARTS.containsKey(part)) throw new ValidationException(part, "There is no part '" + part + "' to set a level for");
            if (level == null || !LEVELS.contains(level)) {
                throw new ValidationException(part, "The level must be one of " + LEVELS, "error.logs.level", Map.of("levels", String.join(", ", LEVELS)));
            }
        });
        LoggerContext context = context();
        if (context == null) return;
        levels.forEach((part, level) -> PARTS.get(part).forEach(p -> context.getLogger(p).setLevel(Level.toLevel(level))));
    }

    /** Logback's context, or null where logback is not the logger (then nothing is kept, listed or switched). */
    static LoggerContext context() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext c ? c : null;
    }
}
