package app.ltth.effects;

import app.ltth.events.User;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the streamer set up the effects overlays and the emoji rain: the particle cap, what a start without numbers
 * lasts and how strong it is, which effects {@code !weather} may start, the gift rules, the fireworks finale on a
 * reached goal, and the emoji rain's sets, fixed emoji per viewer, bursts and preset. Every field checked; pure.
 *
 * @param maxParticles   what the effects overlay draws at most at once, all effects together
 * @param commandEffects what {@code !weather NAME} may start (the command's permission and cooldowns are on the
 *                       Commands page)
 */
public record EffectsConfig(int maxParticles, int seconds, double intensity, List<String> commandEffects,
                            List<GiftRule> rules, boolean goalFinale, EmojiRain emoji) {

    /** Weather and the rest, as the overlay knows them. */
    public static final List<String> WEATHER = List.of("rain", "snow", "storm", "fog", "sunbeam", "glitch");
    public static final List<String> EFFECTS = List.of("rain", "snow", "storm", "fog", "sunbeam", "glitch", "fireworks", "flame");
    public static final List<String> PRESETS = List.of("gentle", "storm", "celebration");
    static final int MAX_RULES = 30;
    static final int MAX_EMOJIS = 40;
    static final int MAX_VIEWERS = 500;
    private static final Set<String> FIELDS = Set.of("maxParticles", "seconds", "intensity", "commandEffects", "rules",
            "goalFinale", "emoji");
    private static final Set<String> RULE_FIELDS = Set.of("gift", "minCoins", "effect", "seconds", "intensity");
    private static final Set<String> EMOJI_FIELDS = Set.of("gift", "like", "perViewer", "viewers", "burstCoins",
            "burstCount", "preset");

    /**
     * A gift that starts an effect: by its name ({@code gift}), or any gift streak worth at least {@code minCoins}
     * when no name is given. Fireworks send one rocket per gift of the streak (a combo is a volley).
     */
    public record GiftRule(String gift, long minCoins, String effect, int seconds, double intensity) {
        boolean matches(String giftName, long coins) {
            return gift.isEmpty() ? coins >= minCoins : gift.equalsIgnoreCase(giftName) && coins >= minCoins;
        }
    }

    /**
     * The emoji rain: what falls for gifts and for likes (emoji, or pictures by address), whether each viewer keeps
     * one emoji (assigned in {@code viewers}, otherwise picked from the set by their name), the burst a streak of at
     * least {@code burstCoins} brings (0: none), and the preset it falls in.
     */
    public record EmojiRain(List<String> gift, List<String> like, boolean perViewer, Map<String, String> viewers,
                            long burstCoins, int burstCount, String preset) {
        public EmojiRain {
            gift = List.copyOf(gift);
            like = List.copyOf(like);
            viewers = Map.copyOf(viewers);
        }
    }

    public EffectsConfig {
        commandEffects = List.copyOf(commandEffects);
        rules = List.copyOf(rules);
    }

    public static EffectsConfig defaults() {
        return new EffectsConfig(400, 15, 0.7, WEATHER, List.of(), true,
                new EmojiRain(List.of("🌹", "💎", "🎁", "⭐", "🔥"), List.of("❤️", "💖", "💗", "💕"), false, Map.of(),
                        1000, 60, "gentle"));
    }

    /** The rules a finished streak of {@code giftName} worth {@code coins} sets off, in the order they are listed. */
    public List<GiftRule> rulesFor(String giftName, long coins) {
        return rules.stream().filter(r -> r.matches(giftName, coins)).toList();
    }

    /** This configuration with a change from the page or the API; a field left out stays as it is. */
    public EffectsConfig with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use " + String.join(", ", FIELDS));
        List<String> allowed = commandEffects;
        JsonNode ce = f.node("commandEffects");
        if (ce != null && !ce.isNull()) {
            if (!ce.isArray()) throw new ValidationException("commandEffects", "commandEffects must be a list of effects");
            allowed = new ArrayList<>();
            for (JsonNode n : ce) {
                String name = n.asText().toLowerCase(Locale.ROOT);
                if (!EFFECTS.contains(name)) {
                    throw new ValidationException("commandEffects", "'" + n.asText() + "' is no effect: use " + String.join(", ", EFFECTS));
                }
                if (!allowed.contains(name)) allowed.add(name);
            }
        }
        return new EffectsConfig((int) f.number("maxParticles", maxParticles, 50, 2000),
                (int) f.number("seconds", seconds, 1, 600), f.decimal("intensity", intensity, 0.1, 1), allowed,
                rules(f.node("rules")), f.bool("goalFinale", goalFinale), emoji(f.node("emoji")));
    }

    private List<GiftRule> rules(JsonNode r) {
        if (r == null || r.isNull()) return rules;
        if (!r.isArray() || r.size() > MAX_RULES) throw new ValidationException("rules", "rules must be a list of at most " + MAX_RULES);
        List<GiftRule> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            JsonFields rf = new JsonFields(r.get(i), "rules[" + i + "]");
            rf.refuseUnknown(RULE_FIELDS, "key", "use gift, minCoins, effect, seconds and intensity");
            String gift = rf.text("gift", "", 60);
            long minCoins = rf.number("minCoins", 0, 0, 1_000_000_000L);
            if (gift.isEmpty() && minCoins == 0) {
                throw new ValidationException(rf.path("gift"), "name a gift, or the coins a gift needs at least");
            }
            out.add(new GiftRule(gift, minCoins, rf.choice("effect", EFFECTS, null), (int) rf.number("seconds", seconds, 1, 600),
                    rf.decimal("intensity", intensity, 0.1, 1)));
        }
        return out;
    }

    private EmojiRain emoji(JsonNode e) {
        if (e == null || e.isNull()) return emoji;
        JsonFields ef = new JsonFields(e, "emoji");
        ef.refuseUnknown(EMOJI_FIELDS, "key", "use " + String.join(", ", EMOJI_FIELDS));
        List<String> gift = emojis(ef, "gift", emoji.gift());
        List<String> like = emojis(ef, "like", emoji.like());
        Map<String, String> viewers = emoji.viewers();
        JsonNode v = ef.node("viewers");
        if (v != null && !v.isNull()) {
            if (!v.isObject() || v.size() > MAX_VIEWERS) {
                throw new ValidationException(ef.path("viewers"), "viewers must map at most " + MAX_VIEWERS + " @names to an emoji");
            }
            viewers = new LinkedHashMap<>();
            for (var it = v.fields(); it.hasNext(); ) {
                var entry = it.next();
                String path = ef.path("viewers") + "." + entry.getKey();
                String handle = User.handle(entry.getKey());
                if (handle.isEmpty() || handle.length() > 64) throw new ValidationException(path, "a viewer's @name is 1 to 64 characters");
                viewers.put(handle, item(entry.getValue(), path));
            }
        }
        return new EmojiRain(gift, like, ef.bool("perViewer", emoji.perViewer()), viewers,
                ef.number("burstCoins", emoji.burstCoins(), 0, 1_000_000_000L), (int) ef.number("burstCount", emoji.burstCount(), 1, 300),
                ef.choice("preset", PRESETS, emoji.preset()));
    }

    private static List<String> emojis(JsonFields ef, String field, List<String> fallback) {
        JsonNode list = ef.node(field);
        if (list == null || list.isNull()) return fallback;
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_EMOJIS) {
            throw new ValidationException(ef.path(field), field + " must be a list of 1 to " + MAX_EMOJIS + " emoji or pictures");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode one : list) out.add(item(one, ef.path(field)));   // the field, so the page shows it there
        return out;
    }

    /** One thing that falls: an emoji (a few characters), or a picture by address (/media/... or http...). */
    static String item(JsonNode node, String path) {
        String value = node == null || !node.isTextual() ? "" : node.asText().trim();
        if (value.startsWith("/") || value.startsWith("http")) {
            if (value.length() > 2000 || !value.matches("(https?://|/)\\S+")) {
                throw new ValidationException(path, "a picture's address is http... or an uploaded file (/media/...)");
            }
            return value;
        }
        if (value.isEmpty() || value.codePointCount(0, value.length()) > 8) {
            throw new ValidationException(path, "an emoji is a few characters, or the address of a picture (/media/...)");
        }
        return value;
    }
}
