package app.ltth.tts;

import app.ltth.events.User;
import app.ltth.i18n.Texts;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the TTS reads and how: who in chat, which events with which text, the default voice, and the moderation
 * (allow and block lists, word lists per language, length, links and emoji, per-user rate, duplicates, queue size).
 * Parsed field by field; an error names the field.
 *
 * @param who         everyone, followers, subscribers, moderators or nobody (chat is then not read)
 * @param prefix      when set, only chat messages starting with it are read, without it (e.g. !tts)
 * @param voice       the default voice, "engine:voice" (e.g. local:en); empty for the first engine that can speak
 * @param events      per event type (gift, follow, share, subscribe): the template read, or absent when not read
 * @param words       per language, the words filtered
 * @param wordAction  skip (the whole message) or replace (the word, with "beep")
 * @param perMinute   messages one viewer may have read per minute; 0 for no limit
 * @param duplicateSeconds the same viewer's same text within this time is read once; 0 reads every repeat
 */
public record TtsConfig(boolean enabled, String who, String prefix, String chatTemplate, String voice,
                        Map<String, String> events, long giftMinCoins, List<String> allow, List<String> block,
                        Map<String, List<String>> words, String wordAction, int maxLength, int perMinute,
                        int duplicateSeconds, int queueMax, int volume) {

    public static final List<String> WHO = List.of("everyone", "followers", "subscribers", "moderators", "nobody");
    /** How many messages may wait by default. */
    static final int QUEUE_MAX = 20;
    public static final List<String> EVENT_TYPES = List.of("gift", "follow", "share", "subscribe");

    /** The defaults, what is read for gifts and subscriptions in the streamer's language ({@code tts.default.<type>}). */
    public static TtsConfig defaults(Texts texts) {
        Map<String, String> events = new LinkedHashMap<>();
        events.put("gift", texts.get("tts.default.gift"));
        events.put("subscribe", texts.get("tts.default.subscribe"));
        // Chat is read only when a viewer asks with !tts, until the streamer decides otherwise: reading every line of a
        // busy chat aloud from the first start does harm.
        return new TtsConfig(true, "everyone", "!tts", "{comment}", "", events, 1, List.of(), List.of(), Map.of(),
                "replace", 200, 3, 60, QUEUE_MAX, 100);
    }

    /** This config for a message whose command (the prefix) was already taken off. */
    TtsConfig withoutPrefix() {
        return new TtsConfig(enabled, who, "", chatTemplate, voice, events, giftMinCoins, allow, block, words, wordAction,
                maxLength, perMinute, duplicateSeconds, queueMax, volume);
    }

    /** Reads a config; what it leaves out is taken from {@code d}. */
    public static TtsConfig parse(JsonNode json, TtsConfig d) {
        JsonFields f = new JsonFields(json, "");
        String template = f.text("chatTemplate", d.chatTemplate(), 200);
        checkTemplate("chatTemplate", template);
        Map<String, String> events = new LinkedHashMap<>();
        JsonNode e = f.node("events");
        if (e != null && !e.isNull()) {
            if (!e.isObject()) throw new ValidationException("events", "events must be an object such as {\"gift\": \"{nickname} sent {giftName}\"}");
            e.properties().forEach(entry -> {
                if (!EVENT_TYPES.contains(entry.getKey())) {
                    throw new ValidationException("events." + entry.getKey(), "TTS reads only " + String.join(", ", EVENT_TYPES));
                }
                if (entry.getValue().isNull()) return;
                if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank() || entry.getValue().asText().length() > 200) {
                    throw new ValidationException("events." + entry.getKey(), "events." + entry.getKey() + " must be a text of 1-200 characters");
                }
                checkTemplate("events." + entry.getKey(), entry.getValue().asText());
                events.put(entry.getKey(), entry.getValue().asText());
            });
        } else {
            events.putAll(d.events());
        }
        Map<String, List<String>> words = new LinkedHashMap<>();
        JsonNode w = f.node("words");
        if (w != null && !w.isNull()) {
            if (!w.isObject()) throw new ValidationException("words", "words must be lists per language, e.g. {\"en\": [\"badword\"]}");
            w.properties().forEach(entry -> {
                if (!entry.getKey().matches("[a-z]{2,3}|all")) {
                    throw new ValidationException("words", "'" + entry.getKey() + "' is not a language code such as en or de (or all)");
                }
                words.put(entry.getKey(), names(entry.getValue(), "words." + entry.getKey(), false));
            });
        }
        String voice = f.text("voice", "", 120);
        if (!voice.isEmpty() && !voice.contains(":")) {
            throw new ValidationException("voice", "voice must be written engine:voice, e.g. local:en or tiktok:en_us_001");
        }
        return new TtsConfig(f.bool("enabled", d.enabled()), f.choice("who", WHO, d.who()), f.text("prefix", "", 20).trim(),
                template, voice, Map.copyOf(events), f.number("giftMinCoins", d.giftMinCoins(), 0, 1_000_000),
                names(f.node("allow"), "allow", true), names(f.node("block"), "block", true), Map.copyOf(words),
                f.choice("wordAction", List.of("skip", "replace"), d.wordAction()),
                (int) f.number("maxLength", d.maxLength(), 10, 1000), (int) f.number("perMinute", d.perMinute(), 0, 600),
                (int) f.number("duplicateSeconds", d.duplicateSeconds(), 0, 3600),
                (int) f.number("queueMax", d.queueMax(), 1, 500), (int) f.number("volume", d.volume(), 0, 100));
    }

    private static void checkTemplate(String field, String template) {
        List<String> unknown = List.copyOf(Template.unknown(template));
        if (!unknown.isEmpty()) throw new ValidationException(field, "{" + unknown.get(0) + "} is not a known placeholder");
    }

    /** A list of texts; user names lose their @ and case. */
    private static List<String> names(JsonNode node, String field, boolean users) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw new ValidationException(field, field + " must be a list of texts");
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > 100) {
                throw new ValidationException(field, field + " must hold texts of 1-100 characters");
            }
            out.add(users ? User.handle(n.asText()) : n.asText().trim().toLowerCase(Locale.ROOT));
        }
        if (out.size() > 5000) throw new ValidationException(field, field + " may hold at most 5000 entries");
        return List.copyOf(out);
    }
}
