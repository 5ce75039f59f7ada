package app.ltth.history;

import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.events.UserEvent;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every live event, batched: whatever has arrived is written in one transaction, as soon as the previous
 * batch is committed, so an event waits at most one commit (well under the promised 100 ms). The same transaction
 * keeps the gift catalog and the per-user totals.
 *
 * <p>Its queue holds {@value #CAPACITY} events. When the disk cannot keep up and it is full, the bus thread waits:
 * the bus then sheds likes and viewer counts first, as its policy says, instead of this writer losing anything.
 * A failed write is retried; nothing is dropped.
 *
 * <p>Profile switches: on {@code profileClosing} everything queued so far is written to the old database and the
 * writer detaches; events that arrive meanwhile wait in the queue and go into the next database.
 */
public final class EventLogWriter implements ProfileManager.Listener, AutoCloseable {

    static final int CAPACITY = 100_000;
    private static final String STATS_UPSERT =
            "INSERT INTO user_stats(user_id, unique_id, nickname, coins, gifts, likes, chats, first_seen, last_seen) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
                    + "unique_id = excluded.unique_id, nickname = excluded.nickname, "
                    + "coins = coins + excluded.coins, gifts = gifts + excluded.gifts, "
                    + "likes = likes + excluded.likes, chats = chats + excluded.chats, "
                    // a visit begins after VISIT_GAP without a sign of them; within one, the time between signs is watched
                    + "visits = visits + (excluded.last_seen - last_seen >= " + UserStatsRepository.VISIT_GAP_MILLIS + "), "
                    + "watch_ms = watch_ms + CASE WHEN excluded.last_seen > last_seen AND excluded.last_seen - last_seen < "
                    + UserStatsRepository.VISIT_GAP_MILLIS + " THEN excluded.last_seen - last_seen ELSE 0 END, "
                    + "last_seen = MAX(last_seen, excluded.last_seen)";
    static final int MAX_BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(EventLogWriter.class);

    private sealed interface Control {
        CompletableFuture<Void> done();
    }

    private record Attach(Database database, CompletableFuture<Void> done) implements Control {
    }

    private record Detach(CompletableFuture<Void> done) implements Control {
    }

    private record Flush(CompletableFuture<Void> done) implements Control {
    }

    private record Stop(CompletableFuture<Void> done) implements Control {
    }

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final LongConsumer onCommitted;
    private final Thread thread;
    private Database database;   // only touched by the writer thread
    private final List<LiveEvent> pending = new ArrayList<>();

    public EventLogWriter(LongConsumer onCommitted) {
        this.onCommitted = onCommitted;
        this.thread = new Thread(this::run, "ltth-event-log");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public EventLogWriter() {
        this(n -> { });
    }

    /** Bus listener: hands the event to the writer thread (waiting when the writer is a full queue behind). */
    public void onEvent(LiveEvent event) throws InterruptedException {
        queue.put(event);
    }

    @Override
    public void profileOpened(String profile, Database db) {
        control(new Attach(db, new CompletableFuture<>()));
    }

    @Override
    public void profileClosing() {
        control(new Detach(new CompletableFuture<>()));
    }

    /** Returns once every event handed over before the call is committed (or the writer is detached). */
    public void flush() {
        control(new Flush(new CompletableFuture<>()));
    }

    public long committed() {
        return committed.get();
    }

    public long failures() {
        return failures.get();
    }

    public int queued() {
        return queue.size();
    }

    public Counters counters() {
        return new Counters(committed(), queued(), failures());
    }

    /** @param committed events stored since start; @param failures writes that had to be retried */
    public record Counters(long committed, int queued, long failures) {
    }

    private void control(Control control) {
        if (!thread.isAlive()) return;   // stopped: nothing left to write or to detach from
        CompletableFuture<Void> done = control.done();
        try {
            queue.put(control);
            done.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The event log did not answer: " + e.getMessage(), e);
        }
    }

    private void run() {
        List<Object> drained = new ArrayList<>();
        while (true) {
            try {
                Object first = queue.take();
                drained.add(first);
                queue.drainTo(drained, MAX_BATCH - 1);
                for (Object item : drained) {
                    if (item instanceof LiveEvent e) {
                        pending.add(e);
                    } else {
                        writePending();
                        if (handle((Control) item)) return;
                    }
                }
                drained.clear();
                writePending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return true when the writer should end */
    private boolean handle(Control control) {
        if (control instanceof Attach a) {
            database = a.database();
            writePending();
        } else if (control instanceof Detach || control instanceof Stop) {
            database = null;
        }
        control.done().complete(null);
        return control instanceof Stop;
    }

    private void writePending() {
        if (pending.isEmpty() || database == null) return;
        while (true) {
            try {
                database.write(c -> {
                    insert(c, pending);
                    return null;
                });
                long total = committed.addAndGet(pending.size());
                pending.clear();
                onCommitted.accept(total);
                return;
            } catch (SQLException | RuntimeException e) {
                long n = failures.incrementAndGet();
                log.error("Writing {} event(s) to the event log failed (attempt {}); retrying in 1 s", pending.size(), n, e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void insert(Connection c, List<LiveEvent> events) throws SQLException {
        try (PreparedStatement event = c.prepareStatement(
                "INSERT OR IGNORE INTO events(id, type, ts, user_id, unique_id, data) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement stats = c.prepareStatement(
                     STATS_UPSERT);
             PreparedStatement gifts = c.prepareStatement(
                     "INSERT INTO gift_catalog(gift_id, name, coins, image_url, first_seen, last_seen) "
                             + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(gift_id) DO UPDATE SET name = excluded.name, "
                             + "coins = excluded.coins, image_url = CASE WHEN excluded.image_url = '' THEN image_url "
                             + "ELSE excluded.image_url END, last_seen = MAX(last_seen, excluded.last_seen)")) {
            for (LiveEvent e : events) {
                User user = e instanceof UserEvent u ? u.user() : null;
                event.setString(1, e.id());
                event.setString(2, e.type().wireName());
                event.setLong(3, e.timestamp());
                event.setString(4, user == null ? null : user.id());
                event.setString(5, user == null ? null : user.uniqueId());
                event.setString(6, json(e));
                event.addBatch();
                if (user != null) addStats(stats, e, user);
                if (e instanceof GiftEvent g && g.isFinal()) {
                    gifts.setLong(1, g.giftId());
                    gifts.setString(2, g.giftName());
                    gifts.setInt(3, g.diamondCount());
                    gifts.setString(4, g.imageUrl() == null ? "" : g.imageUrl());
                    gifts.setLong(5, g.timestamp());
                    gifts.setLong(6, g.timestamp());
                    gifts.addBatch();
                }
            }
            int[] inserted = event.executeBatch();
            // A duplicate id (INSERT OR IGNORE skipped it) must not count twice in the totals either.
            if (allInserted(inserted)) {
                stats.executeBatch();
            } else {
                stats.clearBatch();
                recountStats(c, events, inserted);
            }
            gifts.executeBatch();
        }
    }

    private static boolean allInserted(int[] counts) {
        for (int n : counts) if (n == 0) return false;
        return true;
    }

    private static void recountStats(Connection c, List<LiveEvent> events, int[] inserted) throws SQLException {
        try (PreparedStatement stats = c.prepareStatement(
                STATS_UPSERT)) {
            for (int i = 0; i < events.size(); i++) {
                if (inserted[i] != 0 && events.get(i) instanceof UserEvent u) addStats(stats, events.get(i), u.user());
            }
            stats.executeBatch();
        }
    }

    private static void addStats(PreparedStatement stats, LiveEvent e, User user) throws SQLException {
        long coins = 0;
        long giftCount = 0;
        if (e instanceof GiftEvent g && g.isFinal()) {
            coins = g.coins();
            giftCount = g.repeatCount();
        }
        stats.setString(1, user.id());
        stats.setString(2, user.uniqueId());
        stats.setString(3, user.nickname());
        stats.setLong(4, coins);
        stats.setLong(5, giftCount);
        stats.setLong(6, e instanceof LikeEvent l ? l.likeCount() : 0);
        stats.setLong(7, e instanceof ChatEvent ? 1 : 0);
        stats.setLong(8, e.timestamp());
        stats.setLong(9, e.timestamp());
        stats.addBatch();
    }

    private static String json(LiveEvent e) {
        try {
            return Json.MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot serialise event " + e.id(), ex);
        }
    }

    /** Writes what is queued, then ends the writer thread. */
    @Override
    public void close() {
        if (thread.isAlive()) control(new Stop(new CompletableFuture<>()));
    }
}
