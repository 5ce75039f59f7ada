package app.ltth.eventapi;

import app.ltth.events.ChatEvent;
import app.ltth.events.EmoteEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.JoinEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.QuestionEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.TreasureChestEvent;
import app.ltth.events.User;
import app.ltth.events.UserEvent;
import app.ltth.events.ViewerCountEvent;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Our live events as TikFinity's Event API sends them: {@code {"event": NAME, "data": DATA}}, where DATA is flat as
 * TikTok-Live-Connector's (legacy) event objects are: the user's fields beside the event's own. Pure; the table of
 * names and fields is docs/event-api.md.
 *
 * <p>Streaks as TikTok-Live-Connector has them: a streakable gift ({@code giftType} 1) comes once per update with
 * {@code repeatEnd} false and once more at its end with {@code repeatEnd} true and the final {@code repeatCount}.
 */
public final class EventApiShape {

    /** TikTok's gift type of gifts that run in streaks; other gifts come once. */
    static final int STREAKABLE = 1;
    static final int SINGLE = 2;

    private EventApiShape() {
    }

    /** The message for {@code event}, or empty for events the Event API has no name for. */
    public static Optional<ObjectNode> of(LiveEvent event) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        String name = fill(event, data);
        if (name == null) return Optional.empty();
        if (event instanceof UserEvent u) user(u.user(), data);
        data.put("msgId", event.id());
        data.put("createTime", Long.toString(event.timestamp()));
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("event", name);
        message.set("data", data);
        return Optional.of(message);
    }

    /** Puts the event's own fields into {@code data} and answers its name, or null when it has none. */
    private static String fill(LiveEvent event, ObjectNode data) {
        if (event instanceof ChatEvent c) {
            data.put("comment", c.comment());
            return "chat";
        }
        if (event instanceof GiftEvent g) {
            gift(g, data);
            return "gift";
        }
        if (event instanceof LikeEvent l) {
            data.put("likeCount", l.likeCount());
            data.put("totalLikeCount", l.totalLikes());
            return "like";
        }
        if (event instanceof FollowEvent) {
            social(data, "pm_main_follow_message_viewer_2", "{0:user} followed the host");
            return "follow";
        }
        if (event instanceof ShareEvent) {
            social(data, "pm_mt_guidance_share", "{0:user} shared the LIVE");
            return "share";
        }
        if (event instanceof JoinEvent) {
            data.put("actionId", 1);
            data.put("label", "{0:user} joined");
            return "member";
        }
        if (event instanceof SubscribeEvent s) {
            data.put("subMonth", s.months());
            return "subscribe";
        }
        if (event instanceof EmoteEvent e) {
            data.put("emoteId", e.emoteId());
            data.put("emoteImageUrl", e.imageUrl());
            return "emote";
        }
        if (event instanceof QuestionEvent q) {
            data.put("questionText", q.question());
            return "questionNew";
        }
        if (event instanceof ViewerCountEvent v) {
            data.put("viewerCount", v.viewerCount());
            return "roomUser";
        }
        if (event instanceof TreasureChestEvent t) {
            data.put("userId", t.senderId());
            data.put("uniqueId", t.senderName());
            data.put("nickname", t.senderName());
            data.put("coins", t.diamonds());
            data.put("canOpen", t.people());
            return "envelope";
        }
        if (event instanceof StreamEndEvent) {
            data.put("action", 3);
            return "streamEnd";
        }
        return null;
    }

    private static void gift(GiftEvent g, ObjectNode data) {
        int type = g.streakable() ? STREAKABLE : SINGLE;
        data.put("giftId", g.giftId());
        data.put("repeatCount", g.repeatCount());
        data.put("repeatEnd", g.repeatEnd());
        data.put("groupId", Long.toString(g.groupId()));
        data.put("giftType", type);
        data.put("giftName", g.giftName());
        data.put("diamondCount", g.diamondCount());
        data.put("describe", "sent " + g.giftName());
        data.put("giftPictureUrl", g.imageUrl());
        data.put("timestamp", g.timestamp());
        ObjectNode inner = data.putObject("gift");
        inner.put("gift_id", g.giftId());
        inner.put("repeat_count", g.repeatCount());
        inner.put("repeat_end", g.repeatEnd() ? 1 : 0);
        inner.put("gift_type", type);
    }

    private static void social(ObjectNode data, String displayType, String label) {
        data.put("displayType", displayType);
        data.put("label", label);
    }

    /** The user's fields as TikTok-Live-Connector flattens them into every event. */
    private static void user(User user, ObjectNode data) {
        data.put("userId", user.id());
        data.put("uniqueId", user.uniqueId());
        data.put("nickname", user.nickname());
        data.put("profilePictureUrl", user.avatarUrl());
        data.put("followRole", user.follower() ? 1 : 0);
        data.putArray("userBadges");
        data.put("isModerator", user.moderator());
        data.put("isNewGifter", false);
        data.put("isSubscriber", user.subscriber());
        data.putNull("topGifterRank");
        data.put("gifterLevel", 0);
        data.put("teamMemberLevel", user.teamLevel());
    }
}
