package app.ltth.spotlights;

import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last follower, liker, chatter, sharer, gifter and subscriber, the stream's top gift (most coins in one streak)
 * and its longest streak (most gifts in one combo, counted while it runs): pure bookkeeping, no I/O. The last-of
 * spotlights stay from stream to stream; the top gift and the longest streak start over with each stream.
 */
final class Spotlights {

    static final List<String> KINDS = List.of("follower", "liker", "chatter", "sharer", "gifter", "subscriber", "topGift",
            "streak");
    static final Set<String> PER_STREAM = Set.of("topGift", "streak");

    private final Map<String, Spotlight> current = new HashMap<>();

    /** @return the kinds the event changed, or an empty set */
    Set<String> apply(LiveEvent event) {
        if (event instanceof FollowEvent f) return put(Spotlight.of("follower", f.user(), f.timestamp()));
        if (event instanceof ShareEvent s) return put(Spotlight.of("sharer", s.user(), s.timestamp()));
        if (event instanceof LikeEvent l) return put(Spotlight.of("liker", l.user(), l.timestamp()).withCount(l.likeCount()));
        if (event instanceof ChatEvent c) return put(Spotlight.of("chatter", c.user(), c.timestamp()).withComment(c.comment()));
        if (event instanceof SubscribeEvent s) return put(Spotlight.of("subscriber", s.user(), s.timestamp()).withCount(s.months()));
        if (event instanceof GiftEvent g) return gift(g);
        return Set.of();
    }

    private Set<String> gift(GiftEvent g) {
        Set<String> changed = new java.util.LinkedHashSet<>();
        Spotlight longest = current.get("streak");
        if (longest == null || g.repeatCount() > longest.count()) {
            current.put("streak", Spotlight.of("streak", g.user(), g.timestamp())
                    .withGift(g.giftName(), g.imageUrl(), g.repeatCount(), g.coins()));
            changed.add("streak");
        }
        if (!g.isFinal()) return changed;   // a streak's coins count once, when it ends
        current.put("gifter", Spotlight.of("gifter", g.user(), g.timestamp()).withGift(g.giftName(), g.imageUrl(),
                g.repeatCount(), g.coins()));
        changed.add("gifter");
        Spotlight top = current.get("topGift");
        if (top == null || g.coins() > top.coins()) {
            current.put("topGift", Spotlight.of("topGift", g.user(), g.timestamp())
                    .withGift(g.giftName(), g.imageUrl(), g.repeatCount(), g.coins()));
            changed.add("topGift");
        }
        return changed;
    }

    private Set<String> put(Spotlight s) {
        current.put(s.kind(), s);
        return Set.of(s.kind());
    }

    /** A new stream: the top gift and the longest streak start over. @return the kinds that were cleared */
    Set<String> newStream() {
        Set<String> cleared = new java.util.LinkedHashSet<>();
        for (String k : PER_STREAM) if (current.remove(k) != null) cleared.add(k);
        return cleared;
    }

    /** As stored, or after a restart. */
    void restore(Spotlight s) {
        if (KINDS.contains(s.kind())) current.put(s.kind(), s);
    }

    Spotlight get(String kind) {
        return current.get(kind);
    }

    /** The kinds someone is in, in order. */
    Map<String, Spotlight> all() {
        Map<String, Spotlight> out = new LinkedHashMap<>();
        for (String k : KINDS) if (current.containsKey(k)) out.put(k, current.get(k));
        return out;
    }
}
