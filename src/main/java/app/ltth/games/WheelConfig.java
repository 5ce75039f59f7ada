package app.ltth.games;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The wheels of fortune as the streamer set them up, and which gift spins which wheel. Each segment has its text,
 * colour, weight (how likely it is against the others) and prize: a text, points for the viewer who spun, a sound, a
 * flow to run. Pure: checked here, picked here with the round's randomness.
 */
public record WheelConfig(List<Wheel> wheels, List<GiftRule> rules, int queueMax) {

    static final int MAX_WHEELS = 10;
    static final int MAX_SEGMENTS = 24;
    static final int MAX_RULES = 30;
    private static final Set<String> FIELDS = Set.of("wheels", "rules", "queueMax");

    public record Prize(String text, long points, String sound, String flow) {
    }

    public record Segment(String text, String colour, int weight, Prize prize) {
    }

    /** @param spinSeconds how long the overlay spins before it shows the prize */
    public record Wheel(String id, String name, int spinSeconds, List<Segment> segments) {
        public Wheel {
            segments = List.copyOf(segments);
        }

        /** The segment the round's randomness lands on, by weight. */
        public int pick(SplittableRandom random) {
            return Weighted.pick(segments, Segment::weight, random);
        }
    }

    /** A gift by name, or any streak worth at least {@code minCoins}, spins {@code wheel} once per streak. */
    public record GiftRule(String gift, long minCoins, String wheel) {
        boolean matches(String giftName, long coins) {
            return Weighted.giftFits(gift, minCoins, giftName, coins);
        }
    }

    public WheelConfig {
        wheels = List.copyOf(wheels);
        rules = List.copyOf(rules);
    }

    /** A wheel that works on a fresh profile (Spin, !spin, flows): points, a dare and a jackpot. */
    public static WheelConfig defaults() {
        return new WheelConfig(List.of(new Wheel("main", "Wheel of fortune", 6, List.of(
                new Segment("10 points", "#4dabf7", 30, new Prize("10 points", 10, "", "")),
                new Segment("Try again", "#868e96", 25, new Prize("", 0, "", "")),
                new Segment("50 points", "#51cf66", 20, new Prize("50 points", 50, "", "")),
                new Segment("Sing a song", "#f783ac", 12, new Prize("Sing a song", 0, "", "")),
                new Segment("100 points", "#fcc419", 10, new Prize("100 points", 100, "", "")),
                new Segment("Jackpot!", "#ff6b6b", 3, new Prize("Jackpot: 500 points", 500, "", ""))))),
                List.of(), 20);   // no gift spins it until the streamer says which: a Rose storm would bury the stream
    }

    public Wheel wheel(String idOrName) {
        String wanted = idOrName == null ? "" : idOrName.trim();
        if (wanted.isEmpty()) return wheels.get(0);
        return wheels.stream().filter(w -> w.id().equalsIgnoreCase(wanted) || w.name().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new ValidationException("wheel", "there is no wheel '" + wanted + "'"));
    }

    /** The wheels a finished streak spins, once each per matching rule, in the rules' order. */
    public List<String> wheelsFor(String giftName, long coins) {
        return rules.stream().filter(r -> r.matches(giftName, coins)).map(GiftRule::wheel).toList();
    }

    /** This configuration with a change from the page or the API; a field left out stays as it is. */
    public WheelConfig with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use wheels, rules and queueMax");
        List<Wheel> ws = wheels;
        JsonNode w = f.node("wheels");
        if (w != null && !w.isNull()) {
            if (!w.isArray() || w.isEmpty() || w.size() > MAX_WHEELS) {
                throw new ValidationException("wheels", "wheels must be a list of 1 to " + MAX_WHEELS);
            }
            ws = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < w.size(); i++) {
                Wheel wheel = wheel(w.get(i), "wheels[" + i + "]");
                if (!ids.add(wheel.id())) throw new ValidationException("wheels[" + i + "].id", "two wheels are called " + wheel.id());
                ws.add(wheel);
            }
        }
        List<Wheel> known = ws;
        List<GiftRule> rs = rules;
        JsonNode r = f.node("rules");
        if (r != null && !r.isNull()) {
            if (!r.isArray() || r.size() > MAX_RULES) throw new ValidationException("rules", "rules must be a list of at most " + MAX_RULES);
            rs = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                JsonFields rf = new JsonFields(r.get(i), "rules[" + i + "]");
                rf.refuseUnknown(Set.of("gift", "minCoins", "wheel"), "key", "use gift, minCoins and wheel");
                String gift = rf.text("gift", "", 60);
                long minCoins = rf.number("minCoins", 0, 0, 1_000_000_000L);
                if (gift.isEmpty() && minCoins == 0) throw new ValidationException(rf.path("gift"), "name a gift, or the coins a gift needs at least");
                String wheel = rf.text("wheel", known.get(0).id(), 40);
                if (known.stream().noneMatch(k -> k.id().equals(wheel))) {
                    throw new ValidationException(rf.path("wheel"), "there is no wheel '" + wheel + "'");
                }
                rs.add(new GiftRule(gift, minCoins, wheel));
            }
        } else if (w != null && !w.isNull()) {   // rules that point to a wheel that is gone go with it
            rs = rules.stream().filter(rule -> known.stream().anyMatch(k -> k.id().equals(rule.wheel()))).toList();
        }
        return new WheelConfig(ws, rs, (int) f.number("queueMax", queueMax, 1, 200));
    }

    private static Wheel wheel(JsonNode node, String path) {
        JsonFields f = new JsonFields(node, path);
        f.refuseUnknown(Set.of("id", "name", "spinSeconds", "segments"), "key", "use id, name, spinSeconds and segments");
        String name = f.requiredText("name", 60);
        String id = f.text("id", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""), 40);
        if (!id.matches("[a-z0-9-]{1,40}")) throw new ValidationException(f.path("id"), "an id is 1 to 40 small letters, digits or '-'");
        JsonNode s = f.node("segments");
        if (s == null || !s.isArray() || s.size() < 2 || s.size() > MAX_SEGMENTS) {
            throw new ValidationException(f.path("segments"), "a wheel has 2 to " + MAX_SEGMENTS + " segments");
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            JsonFields sf = new JsonFields(s.get(i), f.path("segments") + "[" + i + "]");
            sf.refuseUnknown(Set.of("text", "colour", "weight", "prize"), "key", "use text, colour, weight and prize");
            JsonFields pf = new JsonFields(sf.node("prize"), sf.path("prize"));
            pf.refuseUnknown(Set.of("text", "points", "sound", "flow"), "key", "use text, points, sound and flow");
            segments.add(new Segment(sf.requiredText("text", 40), sf.color("colour", "#4dabf7"), (int) sf.number("weight", 1, 1, 10_000),
                    new Prize(pf.text("text", "", 120), pf.number("points", 0, -1_000_000, 1_000_000), pf.url("sound"),
                            pf.text("flow", "", 64))));
        }
        return new Wheel(id, name, (int) f.number("spinSeconds", 6, 1, 30), segments);
    }
}
