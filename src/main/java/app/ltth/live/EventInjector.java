package app.ltth.live;

import app.ltth.customevents.CustomEvents;
import app.ltth.events.BattleEvent;
import app.ltth.events.ChatEvent;
import app.ltth.events.EmoteEvent;
import app.ltth.events.EventIds;
import app.ltth.events.EventType;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.GiftSubEvent;
import app.ltth.events.JoinEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.LiveGoalEvent;
import app.ltth.events.PinEvent;
import app.ltth.events.PollEvent;
import app.ltth.events.QuestionEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.SuperFanEvent;
import app.ltth.events.TreasureChestEvent;
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds events from test input ({@code POST /api/events/simulate} and the dashboard's test buttons). The events are
 * the same records TikTok's produce and go through the same bus. Input is validated strictly: an unknown field is
 * refused rather than ignored, so that a typo never looks like a working test.
 *
 * <pre>
 * {"type":"chat","user":"anna","comment":"hi"}
 * {"type":"gift","user":"anna","giftName":"Rose","coins":1,"count":5}
 *     optional: giftId, streakable (default true), repeatEnd (default true), groupId, imageUrl
 * every event with a user: optional nickname, avatar (a picture address), follower, moderator, subscriber, teamLevel
 * {"type":"like","user":"anna","count":15}          optional: totalLikes
 * {"type":"follow"|"share"|"join","user":"anna"}
 * {"type":"subscribe","user":"anna","months":3}
 * {"type":"viewers","viewerCount":120}
 * {"type":"emote","user":"anna","emoteId":"e1"}     optional: imageUrl
 * {"type":"question","user":"anna","question":"..."}
 * {"type":"streamEnd","reason":"..."}
 * {"type":"battle","phase":"start"|"score"|"end","score":120,"opponentScore":80}   optional: battleId
 * {"type":"liveGoal","description":"100 roses","progress":40,"target":100}
 * {"type":"treasureChest","user":"anna","diamonds":100,"people":10}    optional: superFan
 * {"type":"poll","phase":"start"|"update"|"end","title":"Pizza?","options":"Yes:3,No:1"}
 * {"type":"pin","user":"anna","comment":"hi"}       optional: pinned (default true)
 * {"type":"superFan","user":"anna"}                 optional: kind ("joined" or "superFan")
 * {"type":"giftSub","user":"anna","count":5}
 * {"type":"custom","name":"deck.scene","fields":{"scene":"Intro"}}   as other programs send them (CustomEvents)
 * every type with a user also takes: nickname, follower, moderator, subscriber, teamLevel
 * </pre>
 */
public final class EventInjector {

    static final int MAX_TEXT = 500;
    static final int MAX_NAME = 100;
    private static final Set<String> USER_FIELDS = Set.of("user", "nickname", "follower", "moderator", "subscriber",
            "teamLevel");

    /** Types that can be injected; connection changes come only from live sources. */
    private static final Set<EventType> INJECTABLE = Arrays.stream(EventType.values())
            .filter(t -> t != EventType.CONNECTION && t != EventType.HISTORY).collect(Collectors.toUnmodifiableSet());

    public LiveEvent parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException(null, "The body must be a JSON object, e.g. {\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"hi\"}");
        }
        JsonNode typeNode = body.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ValidationException("type", "type is required: one of " + injectableNames());
        }
        EventType type = EventType.fromWireName(typeNode.asText()).filter(INJECTABLE::contains)
                .orElseThrow(() -> new ValidationException("type",
                        "Unknown event type '" + typeNode.asText() + "': use one of " + injectableNames()));
        String id = EventIds.next("test");
        long now = System.currentTimeMillis();
        if (type == EventType.CUSTOM) return CustomEvents.read(body, Set.of("type"), "test", id, now);
        Fields f = new Fields(body);
        LiveEvent event = switch (type) {
            case CHAT -> new ChatEvent(id, now, f.user(), f.text("comment", true, null));
            case GIFT -> gift(f, id, now);
            case LIKE -> new LikeEvent(id, now, f.user(), (int) f.integer("count", 1L, 1, 100_000),
                    f.integer("totalLikes", 0L, 0, Long.MAX_VALUE));
            case FOLLOW -> new FollowEvent(id, now, f.user());
            case SHARE -> new ShareEvent(id, now, f.user());
            case JOIN -> new JoinEvent(id, now, f.user());
            case SUBSCRIBE -> new SubscribeEvent(id, now, f.user(), (int) f.integer("months", 1L, 1, 1_200));
            case VIEWERS -> new ViewerCountEvent(id, now, f.integer("viewerCount", null, 0, 1_000_000_000L));
            case EMOTE -> new EmoteEvent(id, now, f.user(), f.text("emoteId", false, "emote-1"),
                    f.text("imageUrl", false, ""));
            case QUESTION -> new QuestionEvent(id, now, f.user(), f.text("question", true, null));
            case STREAM_END -> new StreamEndEvent(id, now, f.text("reason", false, "ended (test)"));
            case BATTLE -> battle(f, id, now);
            case LIVE_GOAL -> new LiveGoalEvent(id, now, f.text("goalId", false, "test-goal"),
                    f.text("description", false, "Test goal"), f.integer("progress", 0L, 0, Long.MAX_VALUE),
                    f.integer("target", 100L, 0, Long.MAX_VALUE));
            case TREASURE_CHEST -> {
                User sender = f.user();
                yield new TreasureChestEvent(id, now, sender.id(), sender.nickname(),
                        f.integer("diamonds", 100L, 0, 10_000_000), (int) f.integer("people", 10L, 0, 100_000),
                        f.bool("superFan", false));
            }
            case POLL -> new PollEvent(id, now, f.text("pollId", false, "test-poll"),
                    f.choice("phase", "start", "start", "update", "end"), f.text("title", false, "Test poll"),
                    options(f.text("options", false, "Yes:0,No:0")));
            case PIN -> new PinEvent(id, now, f.user(), f.text("comment", true, null), f.bool("pinned", true));
            case SUPER_FAN -> new SuperFanEvent(id, now, f.user(), f.choice("kind", "joined", "joined", "superFan"));
            case GIFT_SUB -> new GiftSubEvent(id, now, f.user(), f.integer("count", 1L, 1, 10_000));
            case CONNECTION, HISTORY, CUSTOM -> throw new IllegalStateException("not here");
        };
        f.rejectUnused();
        return event;
    }

    /** A typical event of this type from "test_user", as the dashboard's test buttons send. */
    public LiveEvent sample(EventType type) {
        ObjectNode json = Json.MAPPER.createObjectNode().put("type", type.wireName());
        switch (type) {
            case CHAT -> json.put("comment", "!test");
            case GIFT -> json.put("giftName", "Rose").put("coins", 1).put("count", 5).put("imageUrl", SimulatedStream.picture("Rose"));
            case LIKE -> json.put("count", 15);
            case VIEWERS -> json.put("viewerCount", 100);
            case QUESTION -> json.put("question", "Is this a test?");
            case PIN -> json.put("comment", "Pinned test message");
            case BATTLE -> json.put("score", 120).put("opponentScore", 80);
            case CUSTOM -> json.put("name", "test").putObject("fields").put("text", "Hello from a test");
            default -> {
            }
        }
        if (type != EventType.VIEWERS && type != EventType.STREAM_END && type != EventType.BATTLE
                && type != EventType.LIVE_GOAL && type != EventType.POLL && type != EventType.CUSTOM) json.put("user", "test_user").put("nickname", "Test User");
        return parse(json);
    }

    private static GiftEvent gift(Fields f, String id, long now) {
        User user = f.user();
        String giftName = f.text("giftName", true, null);
        int coins = (int) f.integer("coins", 1L, 0, 1_000_000);
        int count = (int) f.integer("count", 1L, 1, 100_000);
        long giftId = f.integer("giftId", (long) Math.abs(giftName.toLowerCase(Locale.ROOT).hashCode()), 0,
                Long.MAX_VALUE);
        boolean streakable = f.bool("streakable", true);
        boolean repeatEnd = f.bool("repeatEnd", true);
        long groupId = f.integer("groupId", (Long) now, 0, Long.MAX_VALUE);
        return new GiftEvent(id, now, user, giftId, giftName, coins, count, repeatEnd, streakable, groupId,
                f.text("imageUrl", false, ""));
    }

    private static BattleEvent battle(Fields f, String id, long now) {
        String phase = f.choice("phase", BattleEvent.SCORE, BattleEvent.START, BattleEvent.SCORE, BattleEvent.END);
        long score = f.integer("score", 0L, 0, Long.MAX_VALUE);
        long opponent = f.integer("opponentScore", 0L, 0, Long.MAX_VALUE);
        boolean end = phase.equals(BattleEvent.END);
        return new BattleEvent(id, now, f.text("battleId", false, "test-battle"), phase, List.of(
                new BattleEvent.Team("host", score, end && score > opponent),
                new BattleEvent.Team("opponent", opponent, end && opponent > score)));
    }

    /** "Yes:3,No:1" as poll options; a missing count is 0. */
    private static List<PollEvent.Option> options(String text) {
        List<PollEvent.Option> options = new ArrayList<>();
        for (String part : text.split(",")) {
            int colon = part.lastIndexOf(':');
            String name = (colon < 0 ? part : part.substring(0, colon)).strip();
            long votes;
            try {
                votes = colon < 0 ? 0 : Long.parseLong(part.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("options", "options: '" + part + "' is not name:votes (e.g. Yes:3)");
            }
            if (!name.isEmpty()) options.add(new PollEvent.Option(name, votes));
        }
        return options;
    }

    private static String injectableNames() {
        return INJECTABLE.stream().sorted().map(EventType::wireName).collect(Collectors.joining(", "));
    }

    /** Reads fields, remembering which were read so that any others can be refused. */
    private static final class Fields {
        private final JsonNode body;
        private final Set<String> used = new HashSet<>(Set.of("type"));

        Fields(JsonNode body) {
            this.body = body;
        }

        User user() {
            String uniqueId = text("user", false, "test_user");
            if (uniqueId.length() > MAX_NAME) {
                throw new ValidationException("user", "user must be at most " + MAX_NAME + " characters");
            }
            String nickname = text("nickname", false, uniqueId);
            boolean follower = bool("follower", false);
            boolean moderator = bool("moderator", false);
            boolean subscriber = bool("subscriber", false);
            int teamLevel = (int) integer("teamLevel", 0L, 0, 100);
            String avatar = text("avatar", false, "");
            return new User("test-" + uniqueId, uniqueId, nickname, avatar, follower, moderator, subscriber, teamLevel);
        }

        String text(String name, boolean required, String fallback) {
            used.add(name);
            JsonNode node = body.get(name);
            if (node == null || node.isNull()) {
                if (required) throw new ValidationException(name, name + " is required");
                return fallback;
            }
            if (!node.isTextual()) throw new ValidationException(name, name + " must be a string");
            String value = node.asText();
            if (value.isBlank()) throw new ValidationException(name, name + " must not be empty");
            if (value.length() > MAX_TEXT) {
                throw new ValidationException(name, name + " must be at most " + MAX_TEXT + " characters");
            }
            return value;
        }

        long integer(String name, Long fallback, long min, long max) {
            used.add(name);
            JsonNode node = body.get(name);
            if (node == null || node.isNull()) {
                if (fallback == null) throw new ValidationException(name, name + " is required");
                return fallback;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new ValidationException(name, name + " must be a whole number");
            }
            long value = node.asLong();
            if (value < min || value > max) {
                throw new ValidationException(name, name + " must be between " + min + " and " + max);
            }
            return value;
        }

        String choice(String name, String fallback, String... allowed) {
            String value = text(name, false, fallback);
            if (!List.of(allowed).contains(value)) {
                throw new ValidationException(name, name + " must be one of " + String.join(", ", allowed));
            }
            return value;
        }

        boolean bool(String name, boolean fallback) {
            used.add(name);
            JsonNode node = body.get(name);
            if (node == null || node.isNull()) return fallback;
            if (!node.isBoolean()) throw new ValidationException(name, name + " must be true or false");
            return node.asBoolean();
        }

        void rejectUnused() {
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!used.contains(name)) {
                    String why = USER_FIELDS.contains(name) ? "this event type has no user"
                            : "this field is not known for this event type";
                    throw new ValidationException(name, "Unexpected field '" + name + "': " + why);
                }
            }
        }
    }
}
