package app.ltth.live.webcast;

import app.ltth.events.ConnectionState;
import app.ltth.events.LiveEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.i18n.Message;
import app.ltth.live.LiveSource;
import app.ltth.threads.DaemonThreads;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the two ways into a LIVE share (TikTok's own socket, {@link WebcastSource}, and Euler's relay,
 * {@link RelaySource}): a connection kept by a {@link ConnectionSupervisor}, one {@link EventPipeline} for everything
 * it delivers (dedupe, gift streaks), a timer that closes silent streaks, and the ways it ends: the LIVE is over, or a
 * final failure. Subclasses open and close their connection.
 */
abstract class SupervisedSource implements LiveSource {

    /** After delivering events this long, a connection counts as healthy: the backoff starts over. */
    static final Duration HEALTHY_AFTER = Duration.ofSeconds(60);

    protected final String username;
    protected final WebcastConfig config;
    protected final LongSupplier clock;
    protected final EventPipeline pipeline;
    protected volatile boolean running;
    protected volatile ConnectionSupervisor supervisor;
    private Context context;
    private ScheduledExecutorService timer;

    SupervisedSource(String username, WebcastConfig config, LongSupplier clock) {
        this.username = username;
        this.config = config;
        this.clock = clock;
        this.pipeline = new EventPipeline(config.streakTimeout().toMillis(), this::emit);
    }

    @Override
    public String kind() {
        return WebcastSource.KIND;
    }

    @Override
    public String username() {
        return username;
    }

    /** Starts ticking and makes the first connection; a final failure of it is thrown, anything else retried. */
    protected void startSupervised(Context context, String name) throws WebcastException, InterruptedException {
        this.context = context;
        running = true;
        supervisor = new ConnectionSupervisor(name, new Link(), new ReconnectPolicy(config.backoffBase(), config.backoffMax(),
                HEALTHY_AFTER, ThreadLocalRandom.current()::nextDouble), context, clock, ZoneId.systemDefault());
        timer = DaemonThreads.scheduler("ltth-" + name + "-timer");
        timer.scheduleAtFixedRate(() -> {
            if (running) tick(clock.getAsLong());
        }, 1, 1, TimeUnit.SECONDS);
        try {
            supervisor.start();
        } catch (WebcastException e) {
            stop();
            throw e;
        }
    }

    /** Opens a fresh connection; its loss is reported to {@link #supervisor}. */
    protected abstract void connect() throws WebcastException, InterruptedException;

    /** Whether the LIVE is still on (asked every few failed attempts); true when that cannot be told now. */
    protected abstract boolean stillLive() throws InterruptedException;

    /** TikTok refused the connection {@code times} times in a row: true when another way in takes over. */
    protected boolean refused(int times, String why) {
        return false;
    }

    /** How the supervisor reaches this source. */
    private final class Link implements ConnectionSupervisor.Link {
        @Override
        public void open() throws WebcastException, InterruptedException {
            connect();
        }

        @Override
        public boolean stillLive() throws InterruptedException {
            return SupervisedSource.this.stillLive();
        }

        @Override
        public void ended(String reason) {
            SupervisedSource.this.ended(reason);
        }

        @Override
        public void failed(WebcastException e) {
            SupervisedSource.this.failed(e);
        }

        @Override
        public boolean refused(int times, String why) {
            return SupervisedSource.this.refused(times, why);
        }
    }

    /** Every second while running: streaks that went silent are closed. */
    protected void tick(long now) {
        pipeline.tick(now);
    }

    /** Closes this source's connection (and whatever else it keeps open); called once it stops, for any reason. */
    protected abstract void closeConnection();

    /** Every event the pipeline lets through; the stream's end stops the source. */
    private void emit(LiveEvent event) {
        if (!running) return;
        context.event(event);
        if (event instanceof StreamEndEvent end) ended(end.reason());
    }

    /** The LIVE is over: whatever still streaks is counted, everything stops, and the state says so. */
    protected void ended(String reason) {
        pipeline.closeStreaks();   // whatever still streaks counts, while the events still go out
        shutDown();
        context.state(ConnectionState.ENDED, "The LIVE has ended (" + reason + ")", null, Message.of("connect.error.ended"), null);
    }

    /** A final failure: everything stops, and the state says why. */
    protected void failed(WebcastException e) {
        shutDown();
        context.state(ConnectionState.ERROR, e.getMessage(), e.problem().wireName(), e.text(), null);
    }

    /** Stops trying and closes everything; the caller says why. */
    protected final void shutDown() {
        running = false;
        ConnectionSupervisor s = supervisor;
        if (s != null) s.stop();
        closeConnection();
        if (timer != null) timer.shutdownNow();
    }

    @Override
    public synchronized void stop() {
        shutDown();
    }

    @Override
    public Map<String, Object> counters() {
        Map<String, Object> c = new LinkedHashMap<>(pipeline.counters());
        ConnectionSupervisor s = supervisor;
        c.put("reconnects", s == null ? 0L : s.reconnects());
        return c;
    }
}
