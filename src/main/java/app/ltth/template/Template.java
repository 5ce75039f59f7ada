package app.ltth.template;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The one placeholder language of LTTH (flows, alerts, TTS, overlays): {@code {username}}, {@code {coins}}, ... and
 * variables as {@code {var.name}}. A placeholder without a value stays as written, so a typo shows on stream as
 * {@code {usrname}} rather than as nothing, and {@link #unknown} lets the editor point it out first.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.:]{0,63})}");

    /** The placeholders every event offers (each event type fills those that apply to it). */
    public static final Set<String> KNOWN = Set.of("username", "nickname", "userId", "comment", "giftName", "giftId",
            "giftCount", "coins", "diamondCount", "totalCoins", "likeCount", "totalLikes", "viewerCount",
            "followerRole", "teamLevel", "question", "emoteId", "months", "reason", "type", "date", "time",
            "goalId", "goalName", "goalValue", "goalTarget", "goalPercent", "state", "source", "follower", "moderator",
            "subscriber", "final", "streakable", "phase", "battleId", "scores", "topScore", "goal",
            "progress", "target", "diamonds", "people", "superFan", "title", "options", "leader", "pinned", "kind",
            "subCount", "eventType", "name", "command", "args", "level", "levelName", "xp", "points", "oldLevel", "gained",
            "streakDays", "timerId", "timerName", "rounds", "game", "winner", "prize", "segment", "wheel", "slot", "multiplier", "stake");

    private Template() {
    }

    /** Fills the placeholders with plain text, for TTS, webhooks and logs. */
    public static String render(String template, Map<String, ?> values) {
        return fill(template, values, UnaryOperator.identity());
    }

    /**
     * Fills the placeholders escaped for the inside of a JSON string, for a JSON body written by hand:
     * {@code {"c": "{comment}"}} stays one string whatever the viewer typed, and {@code {"n": {coins}}} a number.
     */
    public static String renderJson(String template, Map<String, ?> values) {
        return fill(template, values, text -> new String(JsonStringEncoder.getInstance().quoteAsString(text)));
    }

    /**
     * The formatting a streamer may use in alert and overlay texts: bold, italics, colours and the like. No script,
     * no handler, no link, no picture: flows and profiles are shared as files, and their texts are untrusted.
     */
    private static final Safelist FORMATTING = Safelist.none()
            .addTags("b", "strong", "i", "em", "u", "s", "small", "big", "mark", "sub", "sup", "br", "span", "p", "div")
            .addAttributes(":all", "class")
            .addAttributes("span", "style");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    /** Templates cut down to {@link #FORMATTING}: a streamer has a few, and a like milestone must not parse HTML. */
    private static final Map<String, String> CLEANED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CLEANED_MAX = 1_000;

    /**
     * Keeps only {@link #FORMATTING} of the template, then fills the placeholders HTML-escaped: what reaches a page
     * can be inserted as HTML (TikTok's values are text, the streamer's own formatting stays, anything that could run
     * is gone). Escaped values cannot add markup, so cleaning the template once is enough.
     */
    public static String renderHtml(String template, Map<String, ?> values) {
        if (template == null) return "";
        if (CLEANED.size() > CLEANED_MAX) CLEANED.clear();
        return fill(CLEANED.computeIfAbsent(template, t -> Jsoup.clean(t, "", FORMATTING, COMPACT)), values,
                Template::escape);
    }

    private static String fill(String template, Map<String, ?> values, UnaryOperator<String> escape) {
        if (template == null) return "";
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            String text = value == null ? m.group() : String.valueOf(value);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? escape.apply(text) : text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Placeholders that are neither known fields nor variables ({@code var.*}): most likely typos. */
    public static Set<String> unknown(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        if (template == null) return unknown;
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (!KNOWN.contains(name) && !name.startsWith("var.") && !name.startsWith("timer:") && !name.matches("arg[1-9][0-9]?")) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
