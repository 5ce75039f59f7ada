package app.ltth.live.webcast;

import app.ltth.i18n.Message;
import app.ltth.live.replay.Recording;
import app.ltth.live.webcast.WebcastException.Problem;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

/**
 * A TikTok LIVE through TikTok's own websocket. Connects (room lookup, signing, websocket), and while running keeps
 * the connection ({@link ConnectionSupervisor}): a lost or silent socket is replaced after a backoff with jitter,
 * signed afresh each time, and messages TikTok sends again after a reconnect are dropped by msgId. Gift streaks
 * count once ({@link GiftStreakTracker}). The stream's end stops it.
 */
public final class WebcastSource extends SupervisedSource {

    public static final String KIND = "tiktok";

    private final String manualRoomId;
    private final String apiKey;
    private final HttpClient http;
    private final RoomLookup lookup;
    private final SignClient signer;
    private final Path recordingsDir;
    private volatile BiPredicate<Integer, String> onRefused = (times, why) -> false;
    private volatile long lastFrameAt;
    private volatile WebcastSession session;
    private volatile long roomId;
    private volatile Recording recording;

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
        super(username, config, clock);
        this.recordingsDir = recordingsDir;
        this.manualRoomId = manualRoomId;
        this.apiKey = apiKey;
        this.http = http;
        this.lookup = new RoomLookup(http, config);
        this.signer = new SignClient(http, config);
    }

    /**
     * What to do when TikTok refused the websocket several times in a row (e.g. {@code illegal app_id}): return true
     * when another way in takes over, and this source stops trying.
     */
    public void onRefused(BiPredicate<Integer, String> handler) {
        this.onRefused = handler;
    }

    @Override
    public synchronized void start(Context context) throws Exception {
        if (hasManualRoom()) {
            roomId = parseRoomId(manualRoomId);
        } else {
            RoomLookup.Room room = lookup.find(username);
            if (!room.live()) throw new WebcastException(Problem.NOT_LIVE, Message.of("connect.error.notLive", "user", username),
                    "@" + username + " is not LIVE right now.", false);
            roomId = parseRoomId(room.roomId());
        }
        if (recordingsDir != null) recording = Recording.start(recordingsDir, username, String.valueOf(roomId));
        startSupervised(context, "webcast");
    }

    private boolean hasManualRoom() {
        return manualRoomId != null && !manualRoomId.isBlank();
    }

    private static long parseRoomId(String id) throws WebcastException {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new WebcastException(Problem.ROOM_ID, Message.of("connect.error.roomId", "id", id),
                    "'" + id + "' is not a room id: it is a number.", false);
        }
    }

    /** Signs afresh and opens a socket; the signed answer's own messages are the first events. */
    @Override
    protected void connect() throws WebcastException, InterruptedException {
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
    protected boolean stillLive() throws InterruptedException {
        if (hasManualRoom()) return true;
        try {
            return lookup.find(username).live();
        } catch (WebcastException e) {
            return true;   // cannot tell now: keep trying
        }
    }

    @Override
    protected boolean refused(int times, String why) {
        if (!onRefused.test(times, why)) return false;
        shutDown();
        return true;
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

    /** Streaks, and a socket that looks open but has said nothing for too long is replaced. */
    @Override
    protected void tick(long now) {
        super.tick(now);
        if (now - lastFrameAt > config.silenceLimit().toMillis()) {
            WebcastSession s = session;
            if (s != null) s.close();
            lastFrameAt = now;   // one report per silence
            supervisor.lost("No data from TikTok for " + config.silenceLimit().toSeconds() + " s although the "
                    + "socket looked open.");
        }
    }

    @Override
    protected void closeConnection() {
        WebcastSession ws = session;
        if (ws != null) ws.close();
        Recording r = recording;
        if (r != null) r.close();
    }

    @Override
    public Map<String, Object> counters() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("roomId", String.valueOf(roomId));
        c.putAll(super.counters());
        Recording r = recording;
        if (r != null) c.put("recording", r.file().getFileName().toString());
        return c;
    }
}
