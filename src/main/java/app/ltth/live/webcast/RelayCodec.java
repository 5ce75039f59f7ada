package app.ltth.live.webcast;

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
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Euler Stream relay's JSON frames to LTTH events: {@code {"messages":[{"type":"WebcastGiftMessage","data":{...}}]}}
 * with TikTok-Live-Connector-shaped data. Pure. The relay's data has been written in more than one shape over time
 * (the user inside {@code user} or flat, ids as numbers or strings, {@code diamond_count} or {@code diamondCount}), so
 * every field is read from the spellings seen; one message that cannot be read is counted and skipped.
 */
public final class RelayCodec {

    private RelayCodec() {
    }

    /** What one relay frame held. */
    public record Batch(List<LiveEvent> events, int messages, int failed, int unknown) {
    }

    /** @throws InvalidFrameException when the text is not a relay frame at all */
    public static Batch decode(String text, long now) throws InvalidFrameException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new InvalidFrameException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("messages").isArray()) throw new InvalidFrameException("no \"messages\" list", null);
        List<LiveEvent> events = new ArrayList<>();
        int failed = 0;
        int unknown = 0;
        for (JsonNode message : root.path("messages")) {
            try {
                Optional<LiveEvent> event = decodeMessage(message.path("type").asText(""), message.path("data"), now);
                if (event.isPresent()) {
                    events.add(event.get());
                } else if (!WebcastCodec.isKnown(message.path("type").asText(""))) {
                    unknown++;
                }
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return new Batch(events, root.path("messages").size(), failed, unknown);
    }

    static Optional<LiveEvent> decodeMessage(String type, JsonNode d, long now) {
        if (!d.isObject()) throw new IllegalArgumentException("no data");
        String id = msgId(type, d);
        long ts = time(d, now);
        switch (type) {
            case "WebcastChatMessage" -> {
                return Optional.of(new ChatEvent(id, ts, user(d), first(d, "comment", "content").asText("")));
            }
            case "WebcastGiftMessage" -> {
                JsonNode gift = d.path("gift").isObject() ? d.path("gift") : d.path("giftDetails");
                long giftId = first(d, "giftId").asLong(first(gift, "id").asLong(0));
                int type1 = first(d, "giftType").isMissingNode() ? first(gift, "type", "giftType").asInt(0)
                        : first(d, "giftType").asInt(0);
                JsonNode image = first(gift, "image", "giftImage", "icon");
                String imageUrl = first(d, "giftPictureUrl").asText(firstUrl(image));
                return Optional.of(new GiftEvent(id, ts, user(d), giftId,
                        first(gift, "name", "giftName").asText(first(d, "giftName").asText("")),
                        first(gift, "diamond_count", "diamondCount").asInt(first(d, "diamondCount").asInt(0)),
                        Math.max(1, first(d, "repeatCount").asInt(1)), flag(first(d, "repeatEnd")), type1 == 1,
                        first(d, "groupId").asLong(0), imageUrl));
            }
            case "WebcastLikeMessage" -> {
                return Optional.of(new LikeEvent(id, ts, user(d), first(d, "likeCount", "count").asInt(0),
                        first(d, "totalLikes", "totalLikeCount", "total").asLong(0)));
            }
            case "WebcastMemberMessage" -> {
                int action = first(d, "action").asInt(1);
                return action == 1 ? Optional.of(new JoinEvent(id, ts, user(d))) : Optional.empty();
            }
            case "WebcastSocialMessage" -> {
                String key = d.path("common").path("displayText").path("key").asText(d.path("displayType").asText(""));
                int action = first(d, "action").asInt(0);
                // The relay writes follow as "1" and share as "2"; TikTok's own key settles it when present.
                boolean follow = key.contains("follow") || (!key.contains("share") && action == 1);
                boolean share = key.contains("share") || (!key.contains("follow") && (action == 2 || action == 3));
                if (follow) return Optional.of(new FollowEvent(id, ts, user(d)));
                if (share) return Optional.of(new ShareEvent(id, ts, user(d)));
                return Optional.empty();
            }
            case "WebcastRoomUserSeqMessage" -> {
                return Optional.of(new ViewerCountEvent(id, ts, first(d, "viewerCount", "total").asLong(0)));
            }
            case "WebcastSubNotifyMessage" -> {
                return Optional.of(new SubscribeEvent(id, ts, user(d), (int) Math.max(1, first(d, "subMonth").asLong(1))));
            }
            case "WebcastControlMessage" -> {
                int action = first(d, "action").asInt(0);
                if (action != 3 && action != 4) return Optional.empty();
                return Optional.of(new StreamEndEvent(id, ts, action == 3 ? "ended by the streamer" : "ended by TikTok"));
            }
            case "WebcastEmoteChatMessage" -> {
                JsonNode emote = d.path("emoteList").isArray() ? d.path("emoteList").path(0) : d.path("emote");
                return Optional.of(new EmoteEvent(id, ts, user(d), first(emote, "emoteId").asText(first(d, "emoteId").asText("")),
                        firstUrl(first(emote, "image"))));
            }
            case "WebcastQuestionNewMessage" -> {
                JsonNode q = d.path("details").isObject() ? d.path("details") : d.path("data").isObject() ? d.path("data") : d;
                return Optional.of(new QuestionEvent(id, ts, user(q.path("user").isObject() ? q : d),
                        first(q, "content", "questionText").asText("")));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** TikTok's message id; for data without one, a stable id of the message itself, so a repeat is still caught. */
    private static String msgId(String type, JsonNode d) {
        String id = first(d.path("common"), "msgId").asText(first(d, "msgId").asText(""));
        if (!id.isEmpty() && !id.equals("0")) return id;
        return "relay-" + Integer.toHexString((type + d).hashCode());
    }

    private static long time(JsonNode d, long now) {
        long t = first(d.path("common"), "createTime").asLong(first(d, "createTime").asLong(0));
        if (t <= 0) return now;
        return t < 4_000_000_000L ? t * 1000 : t;   // seconds in some shapes, ms in others
    }

    static User user(JsonNode d) {
        JsonNode u = d.path("user").isObject() ? d.path("user") : d;
        String id = first(u, "userId", "id").asText("");
        String uniqueId = first(u, "uniqueId", "displayId", "unique_id").asText("");
        if (uniqueId.isEmpty()) uniqueId = id;
        JsonNode identity = d.path("userIdentity");
        boolean follower = first(u, "followRole").asInt(first(u.path("followInfo"), "followStatus").asInt(0)) >= 1
                || identity.path("isFollowerOfAnchor").asBoolean(false);
        boolean moderator = first(u, "isModerator").asBoolean(false) || identity.path("isModeratorOfAnchor").asBoolean(false);
        boolean subscriber = first(u, "isSubscriber").asBoolean(false) || identity.path("isSubscriberOfAnchor").asBoolean(false);
        String avatar = first(u, "profilePictureUrl").asText(firstUrl(first(u, "avatarThumb", "profilePicture")));
        return new User(id, uniqueId, first(u, "nickname").asText(uniqueId), avatar, follower, moderator, subscriber, 0);
    }

    /** The first of these fields that is present (missing otherwise). */
    private static JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.path(name);
            if (!v.isMissingNode() && !v.isNull()) return v;
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String firstUrl(JsonNode image) {
        JsonNode list = first(image, "urlList", "url", "url_list");
        return list.isArray() && list.size() > 0 ? list.get(0).asText("") : list.isTextual() ? list.asText() : "";
    }

    private static boolean flag(JsonNode v) {
        return v.isBoolean() ? v.asBoolean() : v.asInt(0) == 1 || "true".equalsIgnoreCase(v.asText());
    }
}
