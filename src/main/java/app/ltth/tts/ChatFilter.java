package app.ltth.tts;

import app.ltth.events.User;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a chat message is read and what exactly: who may be read, the command prefix, allow and block lists,
 * the word filter, links and emoji spam, the length, the per-viewer rate and duplicates. Pure apart from the clock
 * passed in; keeps only what the rate and duplicate rules need.
 *
 * <p>Duplicates are the same viewer's same text within the configured time: TikTok sometimes delivers a comment twice,
 * and spammers repeat. Two viewers both writing "gg", or one viewer repeating later, are read.
 */
public final class ChatFilter {

    /** {@code text} is what to read when {@code read}; otherwise {@code reason} says why not. */
    public record Verdict(boolean read, String text, String reason) {
        static Verdict skip(String reason) {
            return new Verdict(false, null, reason);
        }
    }

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\b[\\w-]+\\.(?:com|net|org|de|io|gg|tv|ly|me)(?:/\\S*)?\\b");
    private static final Pattern EMOJI = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{FE0F}\\x{200D}\\x{1F3FB}-\\x{1F3FF}]");
    private static final Pattern REPEATED_CHARS = Pattern.compile("(.)\\1{4,}");
    static final int MAX_EMOJI = 3;

    private final Map<String, Deque<Long>> recent = new HashMap<>();
    private final Map<String, Map<String, Long>> lastTexts = new HashMap<>();

    public synchronized Verdict check(TtsConfig config, User user, String comment, long now) {
        String name = User.handle(user.uniqueId());
        if (config.block().contains(name)) return Verdict.skip("blocked viewer");
        boolean allowed = config.allow().contains(name);
        if (!allowed && !mayBeRead(config.who(), user)) return Verdict.skip("not read: " + config.who() + " only");
        String text = comment == null ? "" : comment.strip();
        if (!config.prefix().isEmpty()) {
            if (!text.regionMatches(true, 0, config.prefix(), 0, config.prefix().length())) return Verdict.skip("no " + config.prefix());
            text = text.substring(config.prefix().length()).strip();
        }
        text = clean(text);
        String filtered = filterWords(config, text);
        if (filtered == null) return Verdict.skip("filtered word");
        text = filtered;
        if (text.isBlank()) return Verdict.skip("nothing left to read");
        if (text.length() > config.maxLength()) text = text.substring(0, config.maxLength()).strip();
        if (config.duplicateSeconds() > 0) {
            Map<String, Long> texts = lastTexts.computeIfAbsent(name, k -> new HashMap<>());
            texts.values().removeIf(t -> now - t >= config.duplicateSeconds() * 1000L);
            String key = text.toLowerCase(Locale.ROOT);
            if (texts.containsKey(key)) return Verdict.skip("duplicate");
            texts.put(key, now);
        }
        if (!allowed && config.perMinute() > 0) {
            Deque<Long> times = recent.computeIfAbsent(name, k -> new ArrayDeque<>());
            while (!times.isEmpty() && now - times.peekFirst() >= 60_000) times.pollFirst();
            if (times.size() >= config.perMinute()) return Verdict.skip("rate limit");
            times.addLast(now);
        }
        return new Verdict(true, text, null);
    }

    static boolean mayBeRead(String who, User user) {
        return switch (who) {
            case "everyone" -> true;
            case "followers" -> user.follower() || user.subscriber() || user.moderator();
            case "subscribers" -> user.subscriber() || user.moderator();
            case "moderators" -> user.moderator();
            default -> false;
        };
    }

    /** Links become "link"; emoji beyond the first few and long runs of one character go. */
    static String clean(String text) {
        String out = LINK.matcher(text).replaceAll("link");
        Matcher m = EMOJI.matcher(out);
        StringBuilder sb = new StringBuilder();
        int emoji = 0;
        while (m.find()) m.appendReplacement(sb, ++emoji <= MAX_EMOJI ? Matcher.quoteReplacement(m.group()) : "");
        m.appendTail(sb);
        out = REPEATED_CHARS.matcher(sb.toString()).replaceAll("$1$1$1");
        return out.replaceAll("\\s{2,}", " ").strip();
    }

    /** @return the text with filtered words replaced, or null when the message is to be skipped */
    static String filterWords(TtsConfig config, String text) {
        String out = text;
        for (List<String> words : config.words().values()) {
            for (String word : words) {
                Pattern p = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])");
                Matcher m = p.matcher(out);
                if (!m.find()) continue;
                if (config.wordAction().equals("skip")) return null;
                out = m.replaceAll("beep");
            }
        }
        return out;
    }

    public synchronized void forget() {
        recent.clear();
        lastTexts.clear();
    }
}
