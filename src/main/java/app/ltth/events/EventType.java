package app.ltth.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The wire names of the live event types, as pages, flows and the REST API spell them. */
public enum EventType {
    CHAT("chat", false),
    GIFT("gift", false),
    LIKE("like", true),
    FOLLOW("follow", false),
    SHARE("share", false),
    SUBSCRIBE("subscribe", false),
    JOIN("join", true),
    VIEWERS("viewers", true),
    EMOTE("emote", false),
    QUESTION("question", false),
    STREAM_END("streamEnd", false),
    BATTLE("battle", false),
    LIVE_GOAL("liveGoal", false),
    TREASURE_CHEST("treasureChest", false),
    POLL("poll", false),
    PIN("pin", false),
    SUPER_FAN("superFan", false),
    GIFT_SUB("giftSub", false),
    CUSTOM("custom", false),
    HISTORY("history", true),
    CONNECTION("connection", false);

    private final String wireName;
    private final boolean sheddable;

    EventType(String wireName, boolean sheddable) {
        this.wireName = wireName;
        this.sheddable = sheddable;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Likes, joins and viewer counts arrive in floods and are superseded by the next one; they go first. */
    public boolean sheddable() {
        return sheddable;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
