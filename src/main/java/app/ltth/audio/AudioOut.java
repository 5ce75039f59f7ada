package app.ltth.audio;

import app.ltth.web.SocketEvents;
import app.ltth.web.SocketServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of the audio overlay (/overlays/audio.html), which plays what it is sent: {@code audio:play}
 * {id, channel (sound or speech), url, volume, text} and {@code audio:stop} {id}. The overlay answers
 * {@code audio:ended} {id} when a clip has played. LTTH decides the order (its queues live in the soundboard and TTS
 * modules); the overlay only plays and ducks sounds while speech plays. {@code audio:config} {volume, duck} carries
 * the master volume and the ducking level.
 */
public final class AudioOut {

    public static final String PLAY = "audio:play";
    public static final String STOP = "audio:stop";
    public static final String ENDED = SocketEvents.AUDIO_ENDED;
    public static final String CONFIG = "audio:config";
    /** After its own length a clip is taken as done even if no overlay said so (none open, or a muted tab). */
    static final long GRACE_MILLIS = 1500;

    public enum Channel { SOUND, SPEECH }

    /** One clip to play; {@code millis} is its length (0 if not known: then {@code fallbackMillis} applies). */
    public record Clip(String id, Channel channel, String url, double volume, long millis, String text) {
    }

    private final SocketServer sockets;
    private final Map<String, CountDownLatch> playing = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Map<String, Object> config = Map.of("volume", 0.8, "duck", 0.3);

    public AudioOut(SocketServer sockets) {
        this.sockets = sockets;
        // Socket.IO hands JSON objects over as maps.
        sockets.on(ENDED, data -> {
            if (data instanceof Map<?, ?> m && m.get("id") != null) ended(String.valueOf(m.get("id")));
        });
        sockets.greetWith(CONFIG, () -> config);
    }

    public String nextId(String prefix) {
        return prefix + "-" + sequence.incrementAndGet();
    }

    /** The master volume and how far sounds go down while speech plays, both 0-100. */
    public void configure(long volumePercent, long duckPercent) {
        config = Map.of("volume", volumePercent / 100.0, "duck", duckPercent / 100.0);
        sockets.broadcast(CONFIG, config);
    }

    /** Sends the clip and returns at once (sounds that may overlap). */
    public void play(Clip clip) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", clip.id());
        message.put("channel", clip.channel() == Channel.SPEECH ? "speech" : "sound");
        message.put("url", clip.url());
        message.put("volume", clip.volume());
        if (clip.text() != null) message.put("text", clip.text());
        sockets.broadcast(PLAY, message);
    }

    /**
     * Sends the clip and waits until it has played: an overlay says so, or its length (plus a grace period) has
     * passed, or it is {@linkplain #stop stopped}.
     *
     * @return false if the time ran out: no overlay said it played (none open?)
     */
    public boolean playAndWait(Clip clip, long fallbackMillis) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        playing.put(clip.id(), done);
        try {
            play(clip);
            long length = clip.millis() > 0 ? clip.millis() : fallbackMillis;
            return done.await(length + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } finally {
            playing.remove(clip.id());
        }
    }

    public void stop(String id) {
        sockets.broadcast(STOP, Map.of("id", id));
        CountDownLatch latch = playing.remove(id);
        if (latch != null) latch.countDown();
    }

    void ended(String id) {
        CountDownLatch latch = playing.get(id);
        if (latch != null) latch.countDown();
    }
}
