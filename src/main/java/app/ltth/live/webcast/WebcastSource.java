package app.ltth.live.webcast;

import app.ltth.DaemonThreads;
import app.ltth.events.ConnectionState;
import app.ltth.events.LiveEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.live.LiveSource;
import app.ltth.live.replay.Recording;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

/**
 * A TikTok LIVE through TikTok's own websocket. Connects (room lookup, signing, websocket), and while running keeps
 * the connection ({@link ConnectionSupervisor}): a lost or silent socket is replaced after a backoff with jitter,
 * signed afresh each time, and messages TikTok sends again after a reconnect are dropped by msgId. Gift streaks
 * count once ({@link GiftStreakTracker}). The stream's end stops it.
 */
public final class WebcastSource implements LiveSource {

    public static final String KIND = "tiktok";
    static final Duration HEALTHY_AFTER = Duration.ofSeconds(60);

    private final String username;
    private final String manualRoomId;
    private final String apiKey;
    private final WebcastConfig config;
    private final HttpClient http;
    private final RoomLookup lookup;
    private final SignClient signer;
    private final EventPipeline pipeline;
    private final LongSupplier clock;
    private final Path recordingsDir;
    private volatile BiPredicate<Integer, String> onRefused = (times, why) -> false;
    private volatile long lastFrameAt;
    private volatile boolean running;
    private volatile WebcastSession session;
    private volatile long roomId;
    private volatile Recording recording;
    private Context context;
    private ConnectionSupervisor supervisor;
    private ScheduledExecutorService timer;

    /**
     * @param manualRoomId  a room id typed by hand, or null to look it up from the username
     * @param recordingsDir where to record every raw frame, or null not to record
     */
    public WebcastSource(String username, String manualRoomId, String apiKey, WebcastConfig config, HttpClient http,
                         Path recordingsDir) {
        this(username, manualRoomId, apiKey, config, http, recordingsDir, System::currentTimeMillis);
    }

    WebcastSource(String username, String manualRoomId, String apiKey, WebcastConfig config, HttpClient http,
                  Path recordingsDir, LongSupplier clock) {
        this.recordingsDir = recordingsDir;
        this.username = username;
        this.manualRoomId = manualRoomId;
        this.apiKey = apiKey;
        this.config = config;
        this.http = http;
        this.clock = clock;
        this.lookup = new RoomLookup(http, config);
        this.signer = new SignClient(http, config);
        this.pipeline = new EventPipeline(config.streakTimeout().toMillis(), this::emit);
    }

    /**
     * What to do when TikTok refused the websocket several times in a row (e.g. {@code illegal app_id}): return true
     * when another way in takes over, and this source stops trying.
     */
    public void onRefused(BiPredicate<Integer, String> handler) {
        this.onRefused = handler;
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
        supervisor = new ConnectionSupervisor("webcast", new Link(), new ReconnectPolicy(config.backoffBase(),
                config.backoffMax(), HEALTHY_AFTER, ThreadLocalRandom.current()::nextDouble), context, clock,
                ZoneId.systemDefault());
        timer = DaemonThreads.scheduler("ltth-webcast-timer");
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        try {
            supervisor.start();
        } catch (WebcastException e) {
            stop();
            throw e;
        }
    }

    private static long parseRoomId(String id) throws WebcastException {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new WebcastException("'" + id + "' is not a room id: it is a number.", false);
        }
    }

    /** How the supervisor reaches TikTok. */
    private final class Link implements ConnectionSupervisor.Link {
        /** Signs afresh and opens a socket; the signed answer's own messages are the first events. */
        @Override
        public void open() throws WebcastException, InterruptedException {
            lastFrameAt = clock.getAsLong();   // the silence watchdog counts from here
            SignClient.Signed signed = signer.sign(String.valueOf(roomId), apiKey);
            session = WebcastSession.open(http, config, roomId, signed, new WebcastSession.Handler() {
                @Override
                public void frame(byte[] frame) {
                    onFrame(frame);
                }

                @Override
                public void closed(String reason) {
                    supervisor.lost("The connection to TikTok was " + reason + ".");
                }
            });
            byte[] fetch = signed.fetchResult().toByteArray();
            Recording r = recording;
            if (r != null) r.fetch(fetch);
            pipeline.fetchResult(fetch, clock.getAsLong());
        }

        @Override
        public boolean stillLive() throws InterruptedException {
            if (manualRoomId != null && !manualRoomId.isBlank()) return true;
            try {
                return lookup.find(username).live();
            } catch (WebcastException e) {
                return true;   // cannot tell now: keep trying
            }
        }

        @Override
        public void ended(String reason) {
            WebcastSource.this.ended(reason);
        }

        @Override
        public void failed(String message) {
            shutDown();
            context.state(ConnectionState.ERROR, message);
        }

        @Override
        public boolean refused(int times, String why) {
            if (!onRefused.test(times, why)) return false;
            shutDown();
            return true;
        }
    }

    private void onFrame(byte[] bytes) {
        lastFrameAt = clock.getAsLong();
        Recording r = recording;
        if (r != null) r.frame(bytes);
        WebcastCodec.Frame frame = pipeline.frame(bytes, lastFrameAt);
        if (frame == null) return;
        if (!frame.events().isEmpty()) supervisor.delivered();
        WebcastSession s = session;
        if (frame.needsAck() && s != null) s.ack(frame.logId(), frame.fetchResult().getInternalExt());
    }

    /** Every event the pipeline lets through; the stream's end stops the source. */
    private void emit(LiveEvent event) {
        if (!running) return;
        context.event(event);
        if (event instanceof StreamEndEvent end) ended(end.reason());
    }

    private void ended(String reason) {
        pipeline.closeStreaks();   // whatever still streaks counts, while the events still go out
        shutDown();
        context.state(ConnectionState.ENDED, "The LIVE has ended (" + reason + ")");
    }

    private void tick() {
        long now = clock.getAsLong();
        if (!running) return;
        pipeline.tick(now);
        if (now - lastFrameAt > config.silenceLimit().toMillis()) {
            WebcastSession s = session;
            if (s != null) s.close();
            lastFrameAt = now;   // one report per silence
            supervisor.lost("No data from TikTok for " + config.silenceLimit().toSeconds() + " s although the "
                    + "socket looked open.");
        }
    }

    /** Stops trying, closes the socket and the recording; the caller says why. */
    private void shutDown() {
        running = false;
        ConnectionSupervisor s = supervisor;
        if (s != null) s.stop();
        WebcastSession ws = session;
        if (ws != null) ws.close();
        Recording r = recording;
        if (r != null) r.close();
        if (timer != null) timer.shutdownNow();
    }

    @Override
    public synchronized void stop() {
        shutDown();
    }

    @Override
    public Map<String, Object> counters() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("roomId", String.valueOf(roomId));
        c.putAll(pipeline.counters());
        ConnectionSupervisor s = supervisor;
        c.put("reconnects", s == null ? 0L : s.reconnects());
        Recording r = recording;
        if (r != null) c.put("recording", r.file().getFileName().toString());
        return c;
    }
}
