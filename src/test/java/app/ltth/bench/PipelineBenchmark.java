package app.ltth.bench;

import app.ltth.TestApp;
import app.ltth.events.ChatEvent;
import app.ltth.events.EventBus;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.events.UserEvent;
import app.ltth.history.EventLogWriter;
import app.ltth.json.Json;
import app.ltth.live.webcast.EventPipeline;
import app.ltth.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput, in events per second, of the whole pipeline next to its two baselines:
 * <ul>
 *   <li>the bus alone: publish to one listener that does nothing;</li>
 *   <li>a raw SQLite batch insert of the same rows (5,000 per transaction, WAL, synchronous=NORMAL as in the app),
 *   and the event log writer on its own (JSON, per-user totals, gift catalog in the same transaction);</li>
 *   <li>the full pipeline in a running LTTH: gzip'd WebCast frames decoded, repeats dropped, gift streaks counted,
 *   bus, 50 enabled flows evaluated, goals, leaderboards, alerts, stats, Socket.IO bridge and the event log, until
 *   every event is committed. The source is throttled so the bus never sheds: this is the rate it sustains.</li>
 * </ul>
 */
final class PipelineBenchmark {

    static final int BUS_EVENTS = 1_000_000;
    static final int LOG_EVENTS = 200_000;
    static final int PIPELINE_MESSAGES = 200_000;
    static final int RUNS = 3;

    private PipelineBenchmark() {
    }

    static Table run(Path dir) throws Exception {
        List<LiveEvent> events = events(LOG_EVENTS);
        List<String> json = new ArrayList<>(events.size());
        for (LiveEvent e : events) json.add(Json.MAPPER.writeValueAsString(e));
        List<byte[]> frames = new LiveMix().frames(PIPELINE_MESSAGES);

        double bus = median(() -> busAlone(events));
        double raw = median(() -> rawInsert(dir, events, json));
        double writer = median(() -> writer(dir, events));
        long[] decoded = new long[1];
        double full = median(() -> {
            double[] r = fullPipeline(dir, frames);
            decoded[0] = (long) r[1];
            return r[0];
        });

        Map<String, Object> j = new LinkedHashMap<>();
        j.put("busAloneEventsPerSecond", Math.round(bus));
        j.put("rawSqliteBatchInsertRowsPerSecond", Math.round(raw));
        j.put("eventLogWriterRowsPerSecond", Math.round(writer));
        j.put("fullPipelineEventsPerSecond", Math.round(full));
        j.put("fullPipelineEvents", decoded[0]);
        j.put("runs", RUNS);
        return Table.of("Pipeline throughput", "Median of " + RUNS + " runs after one warm-up. The full pipeline decodes "
                        + String.format("%,d", PIPELINE_MESSAGES) + " WebCast messages (gzip'd frames of 20: 60 % likes, 20 % chats, "
                        + "10 % joins, 6 % gift messages, viewer counts, follows, shares) into "
                        + String.format("%,d", decoded[0]) + " events; each is checked against 50 enabled flows (matching "
                        + "flows run on the flow queues).",
                        List.of("what", "events/s"), j)
                .row("bus alone (1 listener that does nothing), " + String.format("%,d", BUS_EVENTS) + " chats and gifts", Math.round(bus))
                .row("raw SQLite batch insert, 5,000 rows per transaction (baseline)", Math.round(raw))
                .row("event log writer alone (JSON, per-user totals, gift catalog)", Math.round(writer))
                .row("**full pipeline**: decode → dedupe → streaks → bus → 50 flows → goals → leaderboards → alerts → sockets → event log",
                        Math.round(full));
    }

    @FunctionalInterface
    private interface Measured {
        double run() throws Exception;
    }

    private static double median(Measured measured) throws Exception {
        measured.run();   // warm-up
        double[] rates = new double[RUNS];
        for (int i = 0; i < RUNS; i++) rates[i] = measured.run();
        Arrays.sort(rates);
        return rates[RUNS / 2];
    }

    /** Chats and gifts only: the publisher waits for room instead of the bus shedding likes, so all arrive. */
    private static double busAlone(List<LiveEvent> mixed) throws Exception {
        List<LiveEvent> events = mixed.stream().filter(e -> !e.sheddable()).toList();
        try (EventBus bus = new EventBus(10_000, Duration.ofMillis(500))) {
            AtomicLong seen = new AtomicLong();
            bus.subscribe("nothing", e -> seen.incrementAndGet());
            long start = System.nanoTime();
            for (int i = 0; i < BUS_EVENTS; i++) {
                if (!bus.publish(events.get(i % events.size()))) throw new IllegalStateException("the bus shed an event");
            }
            while (seen.get() < BUS_EVENTS) Thread.onSpinWait();
            return BUS_EVENTS / seconds(start);
        }
    }

    /** LTTH with 50 enabled flows and two goals; the frames go through the same pipeline as TikTok's. */
    private static double[] fullPipeline(Path dir, List<byte[]> frames) throws Exception {
        Path data = fresh(dir.resolve("pipeline-app"));
        try (TestApp app = TestApp.start(data)) {
            for (int i = 0; i < 50; i++) expect201(app, "/api/flows", flow(i));
            expect201(app, "/api/goals", "{\"name\":\"Coins\",\"metric\":\"coins\",\"target\":1000000}");
            expect201(app, "/api/goals", "{\"name\":\"Likes\",\"metric\":\"likes\",\"target\":10000000}");
            EventBus bus = app.app().bus();
            long publishedBefore = bus.stats().published();
            EventPipeline pipeline = new EventPipeline(10_000, bus::publish);
            int highWater = bus.stats().capacity() * 3 / 4;
            long start = System.nanoTime();
            for (byte[] frame : frames) {
                while (bus.stats().queued() > highWater) Thread.sleep(0, 200_000);
                pipeline.frame(frame, System.currentTimeMillis());
            }
            pipeline.closeStreaks();
            app.awaitStored();
            long published = bus.stats().published() - publishedBefore;
            double rate = published / seconds(start);
            if (bus.stats().shedTotal() > 0) throw new IllegalStateException("the bus shed events: " + bus.stats().shed());
            if (app.app().eventLog().committed() != bus.stats().published()) {
                throw new IllegalStateException("stored " + app.app().eventLog().committed() + " of " + bus.stats().published());
            }
            return new double[] {rate, published};
        }
    }

    /** 20 chat commands, 15 gift thresholds, 10 like counters and 5 follow/share thanks. */
    private static String flow(int i) {
        if (i < 20) {
            return "{\"name\":\"cmd" + i + "\",\"trigger\":{\"type\":\"event\",\"event\":\"chat\"},\"conditions\":{\"field\":"
                    + "\"comment\",\"op\":\"startsWith\",\"value\":\"!cmd" + i + " \"},\"actions\":[{\"type\":\"variable\","
                    + "\"name\":\"cmd" + i + "\",\"op\":\"add\",\"value\":1}]}";
        } else if (i < 35) {
            return "{\"name\":\"gift" + i + "\",\"trigger\":{\"type\":\"event\",\"event\":\"gift\"},\"conditions\":{\"minCoins\":"
                    + (1 << (i - 20)) + "},\"actions\":[{\"type\":\"overlayEvent\",\"event\":\"big-gift\",\"data\":{\"n\":" + i + "}}]}";
        } else if (i < 45) {
            return "{\"name\":\"likes" + i + "\",\"trigger\":{\"type\":\"event\",\"event\":\"like\"},\"actions\":[{\"type\":"
                    + "\"variable\",\"name\":\"likes" + i + "\",\"op\":\"add\",\"value\":1}]}";
        }
        return "{\"name\":\"thanks" + i + "\",\"trigger\":{\"type\":\"event\",\"event\":\"" + (i % 2 == 0 ? "follow" : "share")
                + "\"},\"actions\":[{\"type\":\"overlayText\",\"text\":\"Thank you {nickname}!\",\"seconds\":2}]}";
    }

    private static void expect201(TestApp app, String path, String body) throws Exception {
        TestApp.Response r = app.post(path, body);
        if (r.status() != 201) throw new IllegalStateException(path + " refused " + body + ": " + r.body());
    }

    /** Chats, likes and gift streaks from 500 users, as a busy LIVE sends them. */
    static List<LiveEvent> events(int n) {
        Random random = new Random(42);
        List<LiveEvent> out = new ArrayList<>(n);
        long now = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            int u = random.nextInt(500);
            User user = new User("u" + u, "user" + u, "User " + u, "", u % 3 == 0, false, false, 0);
            String id = "b" + i;
            out.add(switch (i % 4) {
                case 0 -> new ChatEvent(id, now + i, user, "message number " + i + " with some text 🎉");
                case 1 -> new LikeEvent(id, now + i, user, 1 + random.nextInt(15), i);
                case 2 -> new GiftEvent(id, now + i, user, 5655, "Rose", 1, 1 + random.nextInt(10), random.nextBoolean(),
                        true, i, "");
                default -> new GiftEvent(id, now + i, user, 5487, "Finger Heart", 5, 1, false, false, i, "");
            });
        }
        return out;
    }

    private static double rawInsert(Path dir, List<LiveEvent> events, List<String> json) throws Exception {
        Path file = freshDatabase(dir, "raw.db");
        try (Database db = Database.open(file)) {
            long start = System.nanoTime();
            for (int from = 0; from < events.size(); from += 5_000) {
                int f = from;
                db.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO events(id, type, ts, user_id, unique_id, data) VALUES (?, ?, ?, ?, ?, ?)")) {
                        for (int i = f; i < Math.min(f + 5_000, events.size()); i++) {
                            LiveEvent e = events.get(i);
                            User user = ((UserEvent) e).user();
                            ps.setString(1, e.id());
                            ps.setString(2, e.type().wireName());
                            ps.setLong(3, e.timestamp());
                            ps.setString(4, user.id());
                            ps.setString(5, user.uniqueId());
                            ps.setString(6, json.get(i));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
            }
            return events.size() / seconds(start);
        }
    }

    private static double writer(Path dir, List<LiveEvent> events) throws Exception {
        Path file = freshDatabase(dir, "writer.db");
        try (Database db = Database.open(file); EventLogWriter writer = new EventLogWriter()) {
            writer.profileOpened("bench", db);
            long start = System.nanoTime();
            for (LiveEvent e : events) writer.onEvent(e);
            writer.flush();
            double rate = events.size() / seconds(start);
            if (writer.committed() != events.size()) throw new IllegalStateException("not all events were committed");
            return rate;
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static Path freshDatabase(Path dir, String name) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(dir.resolve(name + suffix));
        return dir.resolve(name);
    }

    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
