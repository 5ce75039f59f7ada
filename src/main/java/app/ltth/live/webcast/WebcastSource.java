package app.ltth.live.webcast;

import app.ltth.DaemonThreads;
import app.ltth.events.ConnectionState;
import app.ltth.events.LiveEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.live.LiveSource;
import app.ltth.live.replay.Recording;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TikTok LIVE as a live source. Connects (room lookup, signing, websocket), and while running keeps the
 * connection: a lost or silent socket is replaced after a backoff with jitter, signed afresh each time, and
 * messages TikTok sends again after a reconnect are dropped by msgId. Gift streaks count once
 * ({@link GiftStreakTracker}). The stream's end stops it.
 */
public final class WebcastSource implements LiveSource {

    public static final String KIND = "tiktok";
    private static final Logger log = LoggerFactory.getLogger(WebcastSource.class);

    private final String username;
    private final String manualRoomId;
    private final String apiKey;
    private final WebcastConfig config;
    private final HttpClient http;
    private final RoomLookup lookup;
    private final SignClient signer;
    private final EventPipeline pipeline;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile long lastFrameAt;
    private volatile boolean running;
    private volatile WebcastSession session;
    private volatile long roomId;
    private Context context;
    private ScheduledExecutorService timer;
    private Thread supervisor;
    private final Object lost = new Object();
    private volatile String lostReason;

    private final java.nio.file.Path recordingsDir;
    private volatile Recording recording;

    /**
     * @param manualRoomId  a room id typed by hand, or null to look it up from the username
     * @param recordingsDir where to record every raw frame, or null not to record
     */
    public WebcastSource(String username, String manualRoomId, String apiKey, WebcastConfig config, HttpClient http,
                         java.nio.file.Path recordingsDir) {
        this.recordingsDir = recordingsDir;
        this.username = username;
        this.manualRoomId = manualRoomId;
        this.apiKey = apiKey;
        this.config = config;
        this.http = http;
        this.lookup = new RoomLookup(http, config);
        this.signer = new SignClient(http, config);
        this.pipeline = new EventPipeline(config.streakTimeout().toMillis(), this::emit);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public synchronized void start(Context context) throws Exception {
        this.context = context;
        if (manualRoomId != null && !manualRoomId.isBlank()) {
            roomId = parseRoomId(manualRoomId);
        } else {
            RoomLookup.Room room = lookup.find(username);
            if (!room.live()) throw new WebcastException("@" + username + " is not LIVE right now.", false);
            roomId = parseRoomId(room.roomId());
        }
        running = true;
        if (recordingsDir != null) recording = Recording.start(recordingsDir, username, String.valueOf(roomId));
        connect();
        timer = DaemonThreads.scheduler("ltth-webcast-timer");
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        supervisor = new Thread(this::supervise, "ltth-webcast-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private static long parseRoomId(String id) throws WebcastException {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new WebcastException("'" + id + "' is not a room id: it is a number.", false);
        }
    }

    /** Signs afresh and opens a socket; the signed answer's own messages are the first events. */
    private void connect() throws WebcastException, InterruptedException {
        SignClient.Signed signed = signer.sign(String.valueOf(roomId), apiKey);
        lastFrameAt = System.currentTimeMillis();
        lostReason = null;
        session = WebcastSession.open(http, config, roomId, signed, new WebcastSession.Handler() {
            @Override
            public void frame(byte[] frame) {
                onFrame(frame);
            }

            @Override
            public void closed(String reason) {
                onLost(reason);
            }
        });
        byte[] fetch = signed.fetchResult().toByteArray();
        if (recording != null) recording.fetch(fetch);
        pipeline.fetchResult(fetch, System.currentTimeMillis());
    }

    private void onFrame(byte[] bytes) {
        lastFrameAt = System.currentTimeMillis();
        if (recording != null) recording.frame(bytes);
        WebcastCodec.Frame frame = pipeline.frame(bytes, lastFrameAt);
        if (frame != null && frame.needsAck() && session != null) {
            session.ack(frame.logId(), frame.fetchResult().getInternalExt());
        }
    }

    /** Every event the pipeline lets through; the stream's end stops the source. */
    private void emit(LiveEvent event) {
        if (!running) return;
        context.event(event);
        if (event instanceof StreamEndEvent end) ended(end.reason());
    }

    private void ended(String reason) {
        running = false;
        if (recording != null) recording.close();
        WebcastSession s = session;
        if (s != null) s.close();
        context.state(ConnectionState.ENDED, "The LIVE has ended (" + reason + ")");
        synchronized (lost) {
            lost.notifyAll();
        }
    }

    private void onLost(String reason) {
        synchronized (lost) {
            lostReason = reason;
            lost.notifyAll();
        }
    }

    private void tick() {
        long now = System.currentTimeMillis();
        if (running) pipeline.tick(now);
        if (running && lostReason == null && now - lastFrameAt > config.silenceLimit().toMillis()) {
            WebcastSession s = session;
            if (s != null) s.close();
            onLost("no data for " + config.silenceLimit().toSeconds() + " s although the socket looked open");
        }
    }

    /** Waits for the socket to be lost, then reconnects with backoff until it works or the source stops. */
    private void supervise() {
        while (running) {
            String reason;
            synchronized (lost) {
                while (running && lostReason == null) {
                    try {
                        lost.wait(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                reason = lostReason;
            }
            if (!running) return;
            log.warn("TikTok connection lost: {}", reason);
            for (int attempt = 1; running; attempt++) {
                reconnects.incrementAndGet();
                context.state(ConnectionState.RECONNECTING, "Reconnecting (attempt " + attempt + "): " + reason);
                try {
                    Thread.sleep(backoff(attempt));
                    if (!running) return;
                    connect();
                    context.state(ConnectionState.LIVE, "Reconnected");
                    break;
                } catch (InterruptedException e) {
                    return;
                } catch (WebcastException e) {
                    reason = e.getMessage();
                    if (!e.retryable()) {
                        running = false;
                        context.state(ConnectionState.ERROR, e.getMessage());
                        return;
                    }
                }
            }
        }
    }

    /** base x 2^(attempt-1), at most max, then +-20 % jitter so that many clients do not retry in step. */
    long backoff(int attempt) {
        long base = config.backoffBase().toMillis();
        long delay = Math.min(config.backoffMax().toMillis(), base << Math.min(20, attempt - 1));
        return Math.max(0, (long) (delay * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }

    @Override
    public synchronized void stop() {
        running = false;
        WebcastSession s = session;
        if (s != null) s.close();
        if (timer != null) timer.shutdownNow();
        if (supervisor != null) supervisor.interrupt();
        if (recording != null) recording.close();
    }

    @Override
    public Map<String, Object> counters() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("roomId", String.valueOf(roomId));
        c.putAll(pipeline.counters());
        c.put("reconnects", reconnects.get());
        if (recording != null) c.put("recording", recording.file().getFileName().toString());
        return c;
    }
}
