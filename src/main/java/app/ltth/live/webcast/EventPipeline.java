package app.ltth.live.webcast;

import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.StreamEndEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What happens to every WebCast frame, live or replayed: decode, drop repeats by msgId, count each gift streak once,
 * keep the counters. One instance per connection to a room (it outlives reconnects, so repeats after one are caught).
 */
public final class EventPipeline {

    private final MessageDeduplicator dedupe = new MessageDeduplicator(50_000);
    private final GiftStreakTracker streaks;
    private final Consumer<LiveEvent> out;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong unknownMessages = new AtomicLong();
    private volatile long lastEventAt;

    public EventPipeline(long streakTimeoutMillis, Consumer<LiveEvent> out) {
        this.streaks = new GiftStreakTracker(streakTimeoutMillis);
        this.out = out;
    }

    /** A websocket frame. @return the decoded frame (for acks), or null when it was not a frame at all */
    public synchronized WebcastCodec.Frame frame(byte[] bytes, long now) {
        frames.incrementAndGet();
        try {
            WebcastCodec.Frame frame = WebcastCodec.decodeFrame(bytes, now);
            events(frame, now);
            return frame;
        } catch (InvalidFrameException e) {
            decodeErrors.incrementAndGet();
            return null;
        }
    }

    /** The signer's fetch result: its messages are the first events of a connection. */
    public synchronized void fetchResult(byte[] bytes, long now) {
        try {
            events(WebcastCodec.decodeFetchResult(bytes, now), now);
        } catch (InvalidFrameException e) {
            decodeErrors.incrementAndGet();
        }
    }

    private void events(WebcastCodec.Frame frame, long now) {
        decoded(frame.events(), frame.messages(), frame.failedMessages(), frame.unknownMessages(), now);
    }

    /**
     * Events decoded elsewhere (the relay's JSON), through the same rules as a frame's.
     *
     * @param messages how many messages they came from, of which {@code failed} could not be read and
     *                 {@code unknown} were of types LTTH does not use
     */
    public synchronized void decoded(List<LiveEvent> events, int messages, int failed, int unknown, long now) {
        this.messages.addAndGet(messages);
        decodeErrors.addAndGet(failed);
        unknownMessages.addAndGet(unknown);
        for (LiveEvent event : events) {
            if (!dedupe.firstTime(event.id())) continue;
            lastEventAt = now;
            if (event instanceof GiftEvent gift) {
                streaks.accept(gift, now).forEach(out);
            } else {
                if (event instanceof StreamEndEvent) closeStreaks();
                out.accept(event);
            }
        }
    }

    /** Closes the streaks that went silent. */
    public synchronized void tick(long now) {
        streaks.expire(now).forEach(out);
    }

    /** Counts whatever is still streaking: the stream is over. */
    public synchronized void closeStreaks() {
        streaks.expire(Long.MAX_VALUE).forEach(out);
    }

    public Map<String, Object> counters() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("frames", frames.get());
        c.put("messages", messages.get());
        c.put("decodeErrors", decodeErrors.get());
        c.put("unknownMessages", unknownMessages.get());
        c.put("duplicatesDropped", dedupe.duplicates());
        c.put("streakMessagesDropped", streaks.dropped());
        c.put("lastEventAgeMs", lastEventAt == 0 ? null : System.currentTimeMillis() - lastEventAt);
        return c;
    }
}
