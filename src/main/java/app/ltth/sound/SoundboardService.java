package app.ltth.sound;

import app.ltth.audio.AudioOut;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.JoinEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.plugin.PluginConfigRepository;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays sounds for gifts, events and like milestones, and the dashboard's buttons, through the audio overlay. The
 * anti-spam rules are {@link SoundRules}; with playback "queue" one sound waits for the one before (at most
 * {@code queueMax} wait, more are dropped and counted), with "overlap" each plays at once. Runs while the built-in
 * plugin "soundboard" is on.
 */
public final class SoundboardService implements ProfileManager.Listener, AutoCloseable {

    public static final String QUEUE_EVENT = "soundboard:queue";

    private final AudioOut audio;
    private final PluginConfigRepository store;
    private final SoundRules rules = new SoundRules();
    private final Deque<AudioOut.Clip> waiting = new ArrayDeque<>();
    private final AtomicLong played = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread player;
    private volatile SoundboardConfig config = SoundboardConfig.defaults();
    private volatile boolean active;
    private long likeMilestone;

    public SoundboardService(AudioOut audio, ProfileManager profiles) {
        this.audio = audio;
        this.store = new PluginConfigRepository(profiles, "soundboard");
        this.player = new Thread(this::playQueue, "ltth-soundboard");
        player.setDaemon(true);
        player.start();
    }

    @Override
    public void profileOpened(String profile, Database database) {
        config = store.load("config", SoundboardConfig::parse, SoundboardConfig.defaults(), "soundboard settings");
        synchronized (rules) {
            rules.reset();
            likeMilestone = 0;
        }
    }

    public void setActive(boolean on) {
        active = on;
        if (!on) {
            synchronized (waiting) {
                waiting.clear();
            }
        }
    }

    public boolean active() {
        return active;
    }

    public SoundboardConfig config() {
        return config;
    }

    public SoundboardConfig configure(JsonNode json) {
        SoundboardConfig parsed = SoundboardConfig.parse(json);
        store.save("config", parsed);
        config = parsed;
        return parsed;
    }

    /** The plugin's event listener. */
    public void onEvent(LiveEvent event) {
        SoundboardConfig c = config;
        if (!active || !c.enabled()) return;
        if (event instanceof GiftEvent g) {
            String sound = c.gifts().get(g.giftName());
            if (sound == null) return;
            int plays;
            synchronized (rules) {
                plays = rules.plays(c, g, System.currentTimeMillis());
            }
            for (int i = 0; i < plays; i++) play(sound, g.giftName());
            return;
        }
        if (event instanceof LikeEvent l && c.likeEvery() > 0 && !c.likeSound().isEmpty()) {
            boolean reached;
            synchronized (rules) {
                long milestone = l.totalLikes() / c.likeEvery();
                if (l.totalLikes() < likeMilestone * c.likeEvery()) likeMilestone = milestone;   // a new stream
                reached = milestone > likeMilestone;
                if (reached) likeMilestone = milestone;
            }
            if (reached) play(c.likeSound(), "likes");
            return;
        }
        String type = event instanceof FollowEvent ? "follow" : event instanceof ShareEvent ? "share"
                : event instanceof SubscribeEvent ? "subscribe" : event instanceof JoinEvent ? "join" : null;
        if (type != null && c.events().containsKey(type)) play(c.events().get(type), type);
    }

    /** A button or the flow action: plays the sound now (or queues it), as the rules for playback say. */
    public String play(String sound, String label) {
        if (!active) throw new NotActive();
        SoundboardConfig c = config;
        AudioOut.Clip clip = new AudioOut.Clip(audio.nextId("sound"), AudioOut.Channel.SOUND, sound, c.volume() / 100.0, 0, label);
        if (c.playback().equals("overlap")) {
            played.incrementAndGet();
            audio.play(clip);
            return clip.id();
        }
        synchronized (waiting) {
            if (waiting.size() >= c.queueMax()) {
                dropped.incrementAndGet();
                return null;
            }
            waiting.addLast(clip);
            waiting.notifyAll();
        }
        return clip.id();
    }

    /** Thrown while the built-in plugin is off. */
    public static final class NotActive extends RuntimeException {
        NotActive() {
            super("The soundboard is turned off: turn the plugin 'soundboard' on under Plugins");
        }
    }

    private void playQueue() {
        while (!Thread.currentThread().isInterrupted()) {
            AudioOut.Clip next;
            try {
                synchronized (waiting) {
                    while (waiting.isEmpty()) waiting.wait();
                    next = waiting.pollFirst();
                }
                played.incrementAndGet();
                audio.playAndWait(next, 10_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("active", active);
        synchronized (waiting) {
            s.put("waiting", waiting.size());
        }
        s.put("played", played.get());
        s.put("dropped", dropped.get());
        synchronized (rules) {
            s.put("cooldownSkipped", rules.skipped());
        }
        return s;
    }

    @Override
    public void close() {
        player.interrupt();
    }
}
