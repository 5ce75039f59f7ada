package app.ltth.bench;

import app.ltth.Json;
import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.history.EventLogWriter;
import app.ltth.store.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Event-log throughput: rows/s through the real {@link EventLogWriter} (JSON, per-user totals, gift catalog, one
 * transaction per batch) next to a raw JDBC baseline that inserts the same pre-serialised rows into the same table
 * in batches of 5,000. Both on a fresh database file in target/bench, WAL and synchronous=NORMAL as in the app.
 *
 * <p>Run: {@code mvn -B -Pbench verify} (see README). Prints a table and writes target/bench/event-log.json.
 */
public final class EventLogBenchmark {

    static final int EVENTS = 200_000;
    static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        List<LiveEvent> events = events(EVENTS);
        List<String> json = new ArrayList<>(events.size());
        for (LiveEvent e : events) json.add(Json.MAPPER.writeValueAsString(e));

        // One warm-up of each, then the measured runs.
        raw(dir, events, json);
        writer(dir, events);
        double[] rawRates = new double[RUNS];
        double[] writerRates = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            rawRates[i] = raw(dir, events, json);
            writerRates[i] = writer(dir, events);
        }
        double raw = median(rawRates);
        double log = median(writerRates);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "event-log");
        result.put("events", EVENTS);
        result.put("runs", RUNS);
        result.put("rawBatchInsertRowsPerSecond", Math.round(raw));
        result.put("eventLogWriterRowsPerSecond", Math.round(log));
        result.put("rawRuns", Arrays.stream(rawRates).map(Math::round).toArray());
        result.put("writerRuns", Arrays.stream(writerRates).map(Math::round).toArray());
        result.put("machine", machine());
        Files.writeString(dir.resolve("event-log.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));

        System.out.println();
        System.out.println("Event log throughput (" + EVENTS + " events, median of " + RUNS + " runs)");
        System.out.printf("| %-42s | %12s |%n", "what", "rows/s");
        System.out.printf("|%s|%s|%n", "-".repeat(44), "-".repeat(14));
        System.out.printf("| %-42s | %,12d |%n", "raw JDBC batch insert (baseline)", Math.round(raw));
        System.out.printf("| %-42s | %,12d |%n", "EventLogWriter (JSON + totals + catalog)", Math.round(log));
        System.out.println("machine: " + machine());
        System.out.println("written to " + dir.resolve("event-log.json"));
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

    private static double raw(Path dir, List<LiveEvent> events, List<String> json) throws Exception {
        Path file = fresh(dir, "raw.db");
        try (Database db = Database.open(file)) {
            long start = System.nanoTime();
            for (int from = 0; from < events.size(); from += 5_000) {
                int f = from;
                db.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO events(id, type, ts, user_id, unique_id, data) VALUES (?, ?, ?, ?, ?, ?)")) {
                        for (int i = f; i < Math.min(f + 5_000, events.size()); i++) {
                            LiveEvent e = events.get(i);
                            User user = ((app.ltth.events.UserEvent) e).user();
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
            return events.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double writer(Path dir, List<LiveEvent> events) throws Exception {
        Path file = fresh(dir, "writer.db");
        try (Database db = Database.open(file); EventLogWriter writer = new EventLogWriter()) {
            writer.profileOpened("bench", db);
            long start = System.nanoTime();
            for (LiveEvent e : events) writer.onEvent(e);
            writer.flush();
            double rate = events.size() / ((System.nanoTime() - start) / 1e9);
            if (writer.committed() != events.size()) throw new IllegalStateException("not all events were committed");
            return rate;
        }
    }

    private static Path fresh(Path dir, String name) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(dir.resolve(name + suffix));
        return dir.resolve(name);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("cpu", cpu());
        m.put("commit", commit());
        m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return m;
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
