package app.ltth.overlays;

import app.ltth.goals.GoalService;
import app.ltth.timers.TimerService;
import io.javalin.config.RoutesConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code GET /api/overlays}: every page a streamer can add to OBS as a browser source, with its address. Each
 * takes {@code ?size=vertical} (1080x1920, for TikTok LIVE Studio and vertical scenes), {@code ?scale=} and
 * {@code ?preview=1} (shows the connection marker; the dashboard's previews use it, OBS never should).
 */
public final class OverlayController {

    /**
     * @param key     the locale keys of name and description ({@code <key>.name}, {@code <key>.description}), which
     *                the dashboard shows in the streamer's language; name and description are the English texts
     * @param params  the values of the name's placeholders
     * @param options extra query parameters the page understands, for the dashboard to show
     */
    public record Overlay(String id, String name, String description, String key, Map<String, String> params,
                          String url, String verticalUrl, String options) {
    }

    private record Page(String id, String name, String path, String description, String options) {
    }

    private static final String SPOTLIGHT = "animation=slide|fade|pop|none, position=top-left|top-right|bottom-left|bottom-right";
    private static final List<Page> PAGES = List.of(
            new Page("alerts", "Alerts", "/overlays/alerts.html", "Gift, follow, subscribe, share and like alerts, one at a time", ""),
            new Page("goals", "All goals", "/overlays/goals.html", "Every goal, stacked", "ids=a,b"),
            new Page("leaderboard", "Leaderboard", "/overlays/leaderboard.html", "Top gifters, likers or chatters",
                    "board=gifters|likers|chatters, period=stream|alltime, theme=classic|neon, limit=5"),
            new Page("chat", "Chat", "/overlays/chat.html", "Chat with badges for moderators, subscribers and top gifters", ""),
            new Page("gifts", "Gift feed", "/overlays/gifts.html", "The latest gifts, a streak counting up on one line", ""),
            new Page("hud", "HUD", "/overlays/hud.html", "Viewers, likes, coins, followers and stream time", ""),
            new Page("emoji-rain", "Emoji rain", "/overlays/emoji-rain.html",
                    "Emojis or your pictures falling for gifts and likes, rains, bursts and presets", "max=250, preset=gentle|storm|celebration"),
            new Page("wheel", "Wheel of fortune", "/overlays/wheel.html", "The wheel turning to where LTTH decided, then the prize",
                    "wheel=ID, always=1"),
            new Page("plinko", "Plinko", "/overlays/plinko.html", "The plinko board, balls bouncing to the slots LTTH decided", "always=1"),
            new Page("coinbattle", "Coin battle", "/overlays/coinbattle.html", "The coin battle's scoreboard, then its results", "results=15"),
            new Page("quiz", "Quiz show", "/overlays/quiz.html", "The quiz question, the time, then the right answer and the leaderboard", "results=10"),
            new Page("effects", "Weather and fireworks", "/overlays/effects.html",
                    "Rain, snow, storm, fog, sunbeam, glitch, fireworks and a flame frame, started by gifts, commands and flows", "max=400"),
            new Page("minecraft", "Minecraft", "/overlays/minecraft.html",
                    "Whether Minecraft is connected, and each action viewers send into the game", "seconds=5, status=0, limit=5"),
            new Page("audio", "Audio (sounds and speech)", "/overlays/audio.html",
                    "Plays alert sounds, the soundboard and text to speech: tick 'Control audio via OBS' on this source", ""),
            new Page("xp-bar", "XP bar", "/overlays/xp-bar.html", "Level and XP of the viewer who earned last", ""),
            new Page("level-up", "Level-up celebration", "/overlays/level-up.html",
                    "A celebration when a viewer reaches a new level", "seconds=5"),
            new Page("xp-board", "Top viewers", "/overlays/xp-board.html", "Viewers by XP, points or level, this stream or all time",
                    "board=xp|points|level, period=stream|alltime, theme=classic|neon, limit=5"),
            new Page("viewer-card", "Viewer card", "/overlays/viewer-card.html",
                    "A viewer's level, XP, points and place when they type !rank", "seconds=8"),
            new Page("spotlight-follower", "Last follower", "/overlays/spotlight.html?kind=follower", "The last follower, always on screen", SPOTLIGHT),
            new Page("spotlight-liker", "Last liker", "/overlays/spotlight.html?kind=liker", "The last viewer who liked, and how often", SPOTLIGHT),
            new Page("spotlight-chatter", "Last chatter", "/overlays/spotlight.html?kind=chatter", "The last chat message and who wrote it", SPOTLIGHT),
            new Page("spotlight-sharer", "Last share", "/overlays/spotlight.html?kind=sharer", "The last viewer who shared the LIVE", SPOTLIGHT),
            new Page("spotlight-gifter", "Last gift", "/overlays/spotlight.html?kind=gifter", "The last gift and who sent it", SPOTLIGHT),
            new Page("spotlight-subscriber", "Last subscriber", "/overlays/spotlight.html?kind=subscriber", "The last subscriber", SPOTLIGHT),
            new Page("spotlight-topGift", "Top gift of the stream", "/overlays/spotlight.html?kind=topGift", "The gift streak worth the most coins in this stream", SPOTLIGHT),
            new Page("spotlight-streak", "Longest streak", "/overlays/spotlight.html?kind=streak", "The longest gift combo of this stream", SPOTLIGHT),
            new Page("spotlights", "Spotlights, cycling", "/overlays/spotlight.html?kinds=all", "Every spotlight in turn",
                    "kinds=follower,gifter,..., seconds=6, " + SPOTLIGHT),
            new Page("feed", "Event feed", "/overlay.html", "Gifts, follows, chats and flow output as cards", ""));

    private final IntSupplier port;
    private final GoalService goals;
    private final TimerService timers;

    public OverlayController(IntSupplier port, GoalService goals, TimerService timers) {
        this.port = port;
        this.goals = goals;
        this.timers = timers;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/overlays", ctx -> ctx.json(Map.of("overlays", list())));
    }

    List<Overlay> list() {
        String base = "http://127.0.0.1:" + port.getAsInt();
        List<Overlay> all = new ArrayList<>();
        for (Page p : PAGES) {
            all.add(overlay(p.id(), p.name(), p.description(), "overlay." + p.id(), Map.of(), base + p.path(), p.options()));
        }
        goals.list().forEach(g -> all.add(overlay("goal-" + g.id(), "Goal: " + g.name(), "One goal, as its style says",
                "overlay.goal", Map.of("name", g.name()),
                base + "/overlays/goal.html?id=" + URLEncoder.encode(g.id(), StandardCharsets.UTF_8), "")));
        for (Map<String, Object> t : timers.list()) {
            String name = String.valueOf(t.get("name"));
            all.add(overlay("timer-" + t.get("id"), "Timer: " + name, "One timer, in the template you choose",
                    "overlay.timer", Map.of("name", name),
                    base + "/overlays/timer.html?id=" + URLEncoder.encode(String.valueOf(t.get("id")), StandardCharsets.UTF_8),
                    "template=plain|bar|circle|minimal|big"));
        }
        return all;
    }

    private static Overlay overlay(String id, String name, String description, String key, Map<String, String> params,
                                   String url, String options) {
        return new Overlay(id, name, description, key, params, url,
                url + (url.contains("?") ? "&" : "?") + "size=vertical", options);
    }
}
