package app.ltth.template;

import app.ltth.events.BattleEvent;
import app.ltth.events.ChatEvent;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.CustomEvent;
import app.ltth.events.EmoteEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.GiftSubEvent;
import app.ltth.events.HistoryEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.LiveGoalEvent;
import app.ltth.events.PinEvent;
import app.ltth.events.PollEvent;
import app.ltth.events.QuestionEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.SuperFanEvent;
import app.ltth.events.TreasureChestEvent;
import app.ltth.events.User;
import app.ltth.events.UserEvent;
import app.ltth.events.ViewerCountEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An event as flat named fields, the same names for conditions and templates: {@code username}, {@code coins},
 * {@code comment}, ... Pure: the clock's zone and the stream totals are passed in.
 */
public final class EventFields {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private EventFields() {
    }

    /**
     * @param totalCoins coins of the current stream so far, for {@code {totalCoins}}
     */
    public static Map<String, Object> of(LiveEvent event, long totalCoins, ZoneId zone) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", event.type().wireName());
        LocalDateTime at = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(event.timestamp()), zone);
        f.put("date", at.format(DATE));
        f.put("time", at.format(TIME));
        f.put("totalCoins", totalCoins);
        if (event instanceof UserEvent u) user(f, u.user());
        if (event instanceof ChatEvent c) f.put("comment", c.comment());
        if (event instanceof GiftEvent g) {
            f.put("giftName", g.giftName());
            f.put("giftId", g.giftId());
            f.put("giftCount", g.repeatCount());
            f.put("diamondCount", g.diamondCount());
            f.put("coins", g.coins());
            f.put("streakable", g.streakable());
            f.put("final", g.isFinal());
            f.put("giftPicture", g.imageUrl() == null ? "" : g.imageUrl());
        }
        if (event instanceof LikeEvent l) {
            f.put("likeCount", l.likeCount());
            f.put("totalLikes", l.totalLikes());
        }
        if (event instanceof ViewerCountEvent v) f.put("viewerCount", v.viewerCount());
        if (event instanceof SubscribeEvent s) f.put("months", s.months());
        if (event instanceof EmoteEvent e) f.put("emoteId", e.emoteId());
        if (event instanceof QuestionEvent q) f.put("question", q.question());
        if (event instanceof StreamEndEvent s) f.put("reason", s.reason());
        if (event instanceof BattleEvent b) {
            f.put("phase", b.phase());
            f.put("battleId", b.battleId());
            f.put("scores", b.teams().stream().map(t -> String.valueOf(t.score())).collect(Collectors.joining(" : ")));
            f.put("topScore", b.teams().stream().mapToLong(BattleEvent.Team::score).max().orElse(0));
        }
        if (event instanceof LiveGoalEvent g) {
            f.put("goal", g.description());
            f.put("progress", g.progress());
            f.put("target", g.target());
        }
        if (event instanceof TreasureChestEvent t) {
            f.put("nickname", t.senderName());
            f.put("userId", t.senderId());
            f.put("diamonds", t.diamonds());
            f.put("people", t.people());
            f.put("superFan", t.superFan());
        }
        if (event instanceof PollEvent p) {
            f.put("phase", p.phase());
            f.put("title", p.title());
            f.put("options", p.options().stream().map(o -> o.text() + " (" + o.votes() + ")").collect(Collectors.joining(", ")));
            f.put("leader", p.options().stream().max(java.util.Comparator.comparingLong(PollEvent.Option::votes))
                    .map(PollEvent.Option::text).orElse(""));
        }
        if (event instanceof PinEvent p) {
            f.put("comment", p.comment());
            f.put("pinned", p.pinned());
        }
        if (event instanceof SuperFanEvent s) f.put("kind", s.kind());
        if (event instanceof GiftSubEvent g) f.put("subCount", g.count());
        if (event instanceof CustomEvent c) {
            f.put("name", c.name());
            f.put("source", c.source());
            f.putAll(c.fields());   // their names never clash with the ones above: CustomEvents refuses those
        }
        if (event instanceof HistoryEvent h) f.put("eventType", h.eventType());
        if (event instanceof ConnectionStatusEvent c) {
            f.put("state", c.state().wireName());
            f.put("source", c.source());
            f.put("reason", c.message());
        }
        return f;
    }

    private static void user(Map<String, Object> f, User u) {
        f.put("username", u.uniqueId());
        f.put("nickname", u.nickname());
        f.put("userId", u.id());
        f.put("avatar", u.avatarUrl());
        f.put("follower", u.follower());
        f.put("moderator", u.moderator());
        f.put("subscriber", u.subscriber());
        f.put("teamLevel", u.teamLevel());
        f.put("followerRole", u.moderator() ? "moderator" : u.subscriber() ? "subscriber" : u.follower() ? "follower" : "viewer");
    }
}
