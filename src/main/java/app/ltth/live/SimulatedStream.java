package app.ltth.live;

import app.ltth.events.ChatEvent;
import app.ltth.events.EmoteEvent;
import app.ltth.events.EventIds;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.JoinEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.QuestionEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A believable LIVE, computed step by step without threads or clocks of its own so it can be tested exactly.
 *
 * <p>Gift streaks behave like TikTok's: a streakable gift sends updates with a rising repeatCount and
 * {@code repeatEnd = false}, then one final message with the same count and {@code repeatEnd = true}; non-streakable
 * gifts arrive once. Likes come in batches with the room total, the viewer count drifts every few seconds.
 */
public final class SimulatedStream {

    record GiftType(long id, String name, int coins, boolean streakable) {
    }

    /** LTTH's own drawing of a demo gift (public/img/gifts), as TikTok sends a picture with each gift. */
    static String picture(String giftName) {
        return "/img/gifts/" + giftName.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".svg";
    }

    static final List<GiftType> GIFTS = List.of(
            new GiftType(5655, "Rose", 1, true),
            new GiftType(5269, "TikTok", 1, true),
            new GiftType(5487, "Finger Heart", 5, true),
            new GiftType(5658, "Perfume", 20, true),
            new GiftType(5879, "Doughnut", 30, true),
            new GiftType(6267, "Corgi", 299, false),
            new GiftType(11046, "Galaxy", 1000, false),
            new GiftType(6369, "Lion", 29999, false));

    private static final String[][] VIEWERS = {
            {"luna.sky", "Luna ✨"}, {"max_gaming", "Max 🎮"}, {"juergen92", "Jürgen"}, {"sakura.chan", "さくら🌸"},
            {"minjun_k", "김민준"}, {"ahmed.eg", "أحمد"}, {"dj_bassline", "DJ Bassline 🎧"}, {"ana.costa", "Ana Costa"},
            {"pixelpete", "Pixel Pete"}, {"nightowl", "night owl 🦉"}, {"zoe_xo", "Zoë"}, {"kai.dev", "kai"},
            {"oma.ingrid", "Oma Ingrid 👵"}, {"tomasz.pl", "Tomasz"}, {"ravi_music", "Ravi 🎶"}, {"elif.tr", "Elif"},
            {"the_real_bob", "Bob"}, {"chloe.paris", "Chloé 🇫🇷"}, {"leo_lion", "Leo 🦁"}, {"mia.moon", "Mia 🌙"}};

    private static final String[] COMMENTS = {
            "hello from Berlin 👋", "🔥🔥🔥", "what game is this?", "love this stream ❤️", "first time here!",
            "can you say hi to my mom?", "lol 😂", "GG", "!tts this is so cool", "where are you from?",
            "that was close 😱", "play the song again pls", "❤️❤️❤️", "hi everyone", "wie geht's?", "sugoi!",
            "how long have you been streaming?", "👏👏", "nice setup", "good night everyone 😴"};

    private static final String[] QUESTIONS = {"What is your setup?", "Which song was that?",
            "How often do you go live?", "Can you do a Q&A next time?"};

    private final Random random;
    private final List<Streak> streaks = new ArrayList<>();
    private double budget;
    private long totalLikes;
    private long viewers = 80;
    private long nextViewerUpdate;
    private long groupIds = 1_000;

    public SimulatedStream(Random random) {
        this.random = random;
    }

    /**
     * Advances the stream by {@code seconds} at {@code rate} events per second and returns what happened, in order.
     * Running streaks advance on their own pace on top of the rate, as real streaks do.
     */
    public List<LiveEvent> step(long now, double seconds, double rate) {
        List<LiveEvent> out = new ArrayList<>();
        advanceStreaks(now, out);
        if (now >= nextViewerUpdate) {
            viewers = Math.max(1, viewers + random.nextInt(21) - 9);
            out.add(new ViewerCountEvent(EventIds.next("sim"), now, viewers));
            nextViewerUpdate = now + 2_000;
        }
        budget += seconds * rate;
        while (budget >= 1) {
            budget -= 1;
            out.add(randomEvent(now));
        }
        return out;
    }

    /**
     * One event, in the proportions of a believable LIVE (at the demo's default 5 events a second: a gift every half
     * minute or so, a follow every quarter minute, a subscription every few minutes, coins in the hundreds over a few
     * minutes), so that alerts, goals and tests in demo mode behave as they will on stream.
     */
    private LiveEvent randomEvent(long now) {
        User user = randomUser();
        int roll = random.nextInt(1000);
        if (roll < 500) return new ChatEvent(EventIds.next("sim"), now, user, COMMENTS[random.nextInt(COMMENTS.length)]);
        if (roll < 800) {
            // Likes come in bursts: mostly a few taps, now and then a viewer holding the screen.
            int count = random.nextInt(5) == 0 ? 15 + random.nextInt(36) : 1 + random.nextInt(10);
            totalLikes += count;
            return new LikeEvent(EventIds.next("sim"), now, user, count, totalLikes);
        }
        if (roll < 920) return new JoinEvent(EventIds.next("sim"), now, user);
        if (roll < 927) return startGift(now, user);
        if (roll < 940) return new FollowEvent(EventIds.next("sim"), now, user);
        if (roll < 950) return new ShareEvent(EventIds.next("sim"), now, user);
        if (roll < 951) return new SubscribeEvent(EventIds.next("sim"), now, user, 1 + random.nextInt(12));
        if (roll < 980) return new EmoteEvent(EventIds.next("sim"), now, user, "emote-" + (1 + random.nextInt(5)), "");
        return new QuestionEvent(EventIds.next("sim"), now, user, QUESTIONS[random.nextInt(QUESTIONS.length)]);
    }

    private LiveEvent startGift(long now, User user) {
        // Cheap gifts are common, expensive ones rare, as on a real LIVE: a Lion is one gift in a thousand.
        int pick = random.nextInt(1000);
        GiftType gift = pick < 400 ? GIFTS.get(0) : pick < 600 ? GIFTS.get(1) : pick < 780 ? GIFTS.get(2)
                : pick < 870 ? GIFTS.get(3) : pick < 940 ? GIFTS.get(4) : pick < 990 ? GIFTS.get(5)
                : pick < 999 ? GIFTS.get(6) : GIFTS.get(7);
        long groupId = ++groupIds;
        if (!gift.streakable()) {
            return gift(now, user, gift, 1, false, groupId);
        }
        int target = random.nextInt(4) == 0 ? 1 : 2 + random.nextInt(random.nextInt(10) == 0 ? 99 : 9);
        streaks.add(new Streak(user, gift, groupId, target));
        return gift(now, user, gift, 1, false, groupId);
    }

    private void advanceStreaks(long now, List<LiveEvent> out) {
        for (Iterator<Streak> it = streaks.iterator(); it.hasNext(); ) {
            Streak s = it.next();
            if (s.count >= s.target) {
                out.add(gift(now, s.user, s.gift, s.count, true, s.groupId));
                it.remove();
            } else if (random.nextInt(3) > 0) {
                s.count = Math.min(s.target, s.count + 1 + random.nextInt(2));
                out.add(gift(now, s.user, s.gift, s.count, false, s.groupId));
            }
        }
    }

    private static GiftEvent gift(long now, User user, GiftType gift, int count, boolean end, long groupId) {
        return new GiftEvent(EventIds.next("sim"), now, user, gift.id(), gift.name(), gift.coins(), count, end,
                gift.streakable(), groupId, picture(gift.name()));
    }

    private User randomUser() {
        String[] who = VIEWERS[random.nextInt(VIEWERS.length)];
        int n = random.nextInt(100);
        return new User("sim-" + who[0], who[0], who[1], "", n < 60, n < 8, n >= 8 && n < 18,
                n < 30 ? 1 + random.nextInt(20) : 0);
    }

    /** Streaks still running; each will end with one final message. */
    public int runningStreaks() {
        return streaks.size();
    }

    private static final class Streak {
        final User user;
        final GiftType gift;
        final long groupId;
        final int target;
        int count = 1;

        Streak(User user, GiftType gift, long groupId, int target) {
            this.user = user;
            this.gift = gift;
            this.groupId = groupId;
            this.target = target;
        }
    }
}
