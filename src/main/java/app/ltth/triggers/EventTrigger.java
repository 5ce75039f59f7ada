package app.ltth.triggers;

import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import java.util.List;
import java.util.Locale;

/**
 * What sets off a mapping of the bridges to other programs (Minecraft, OpenShock): a finished gift streak (by name,
 * or any from some coins), a follow, a share, a subscription, a chat (or one starting with some text, such as
 * {@code !creeper}), or every N likes of the stream. Pure.
 *
 * @param on       gift, follow, share, subscribe, chat or likes
 * @param gift     gifts: the gift's name, empty for any
 * @param minCoins gifts: the streak's coins at least
 * @param likes    likes: fires at every this many likes of the stream
 * @param text     chats: what the message starts with, empty for any
 */
public record EventTrigger(String on, String gift, long minCoins, long likes, String text) {

    public static final List<String> ON = List.of("gift", "follow", "share", "subscribe", "chat", "likes");
    public static final List<String> FIELDS = List.of("on", "gift", "minCoins", "likes", "text");
    /** A like burst never sets a mapping off more often than this at once. */
    static final int MAX_LIKE_FIRES = 10;

    /** The trigger's fields of a mapping being read ({@code f}: the mapping's fields, errors name the mapping's path). */
    public static EventTrigger parse(JsonFields f) {
        String on = f.choice("on", ON, null);
        String gift = f.text("gift", "", 60);
        long minCoins = f.number("minCoins", 0, 0, 1_000_000_000L);
        long likes = f.number("likes", 0, 0, 10_000_000L);
        if (on.equals("likes") && likes < 1) throw new ValidationException(f.path("likes"), "likes: every how many likes (1 or more)");
        return new EventTrigger(on, gift, minCoins, likes, f.text("text", "", 100));
    }

    /**
     * How often this event sets the trigger off: 0 or 1, and for likes the milestones crossed from
     * {@code likesBefore} to {@code likesAfter} (the stream's likes), at most {@value #MAX_LIKE_FIRES}.
     */
    public int fires(LiveEvent event, long likesBefore, long likesAfter) {
        switch (on) {
            case "gift" -> {
                return event instanceof GiftEvent g && g.isFinal() && g.coins() >= minCoins
                        && (gift.isEmpty() || gift.equalsIgnoreCase(g.giftName())) ? 1 : 0;
            }
            case "follow" -> {
                return event instanceof FollowEvent ? 1 : 0;
            }
            case "share" -> {
                return event instanceof ShareEvent ? 1 : 0;
            }
            case "subscribe" -> {
                return event instanceof SubscribeEvent ? 1 : 0;
            }
            case "chat" -> {
                return event instanceof ChatEvent c && c.comment().toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT)) ? 1 : 0;
            }
            case "likes" -> {
                if (!(event instanceof LikeEvent)) return 0;
                return (int) Math.min(MAX_LIKE_FIRES, Math.max(0, likesAfter / likes - likesBefore / likes));
            }
            default -> {
                return 0;
            }
        }
    }
}
