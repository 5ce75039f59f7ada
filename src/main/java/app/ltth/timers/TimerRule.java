package app.ltth.timers;

import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one kind of live event does to a timer: adds seconds (negative removes), or sets it.
 *
 * @param on      gift (a gift by name, per gift in the streak), coins (per coin of any finished streak), likes (per
 *                {@code every} likes), follow, share, subscribe, or command (a chat message starting with
 *                {@code !command})
 * @param gift    for gift: the gift's name
 * @param command for command: its name, without the prefix
 * @param every   for likes: how many likes make one step
 * @param seconds what each step adds (negative removes), or the value to set
 * @param set     sets the timer to {@code seconds} instead of adding
 */
public record TimerRule(String on, String gift, String command, long every, long seconds, boolean set) {

    public static final List<String> ON = List.of("gift", "coins", "likes", "follow", "share", "subscribe", "command");
    private static final Set<String> FIELDS = Set.of("on", "gift", "command", "every", "seconds", "set");

    static TimerRule parse(JsonNode json, String prefix) {
        JsonFields f = new JsonFields(json, prefix);
        f.refuseUnknown(FIELDS, "key", "use on, gift, command, every, seconds and set");
        String on = f.choice("on", ON, null);
        String gift = f.text("gift", "", 60);
        if (on.equals("gift") && gift.isEmpty()) throw new ValidationException(f.path("gift"), "a gift rule needs the gift's name");
        String command = f.text("command", "", 40).replaceFirst("^[!/]", "").toLowerCase(Locale.ROOT);
        if (on.equals("command") && !command.matches("[\\p{L}\\p{N}_-]{1,40}")) {
            throw new ValidationException(f.path("command"), "a command rule needs the command's name, e.g. addtime");
        }
        return new TimerRule(on, gift, command, f.number("every", 1, 1, 1_000_000),
                f.number("seconds", 0, -TimerDef.MAX_SECONDS, TimerDef.MAX_SECONDS), f.bool("set", false));
    }

    /**
     * How many steps the event makes under this rule; {@code likesCarry} is what likes left over from before (likes
     * come in batches) and the result's remainder carries on.
     */
    long steps(LiveEvent event, String prefixes) {
        return switch (on) {
            case "gift" -> event instanceof GiftEvent g && g.isFinal() && g.giftName().equalsIgnoreCase(gift) ? g.repeatCount() : 0;
            case "coins" -> event instanceof GiftEvent g && g.isFinal() ? g.coins() : 0;
            case "follow" -> event instanceof FollowEvent ? 1 : 0;
            case "share" -> event instanceof ShareEvent ? 1 : 0;
            case "subscribe" -> event instanceof SubscribeEvent ? 1 : 0;
            case "command" -> event instanceof ChatEvent c && isCommand(c.comment(), prefixes) ? 1 : 0;
            default -> 0;   // likes: counted with their remainder by the timer, see LikeCounter
        };
    }

    private boolean isCommand(String comment, String prefixes) {
        String text = comment.strip();
        if (text.isEmpty() || prefixes.indexOf(text.charAt(0)) < 0) return false;
        String name = text.substring(1).split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return name.equals(command);
    }

    /** For likes rules: the likes of one event. */
    static long likes(LiveEvent event) {
        return event instanceof LikeEvent l ? l.likeCount() : 0;
    }
}
