package app.ltth.bench;

import app.ltth.AppProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The built jar as a process of its own (default JVM settings, as the README starts it): cold start until the
 * dashboard answers, and memory idle and after minutes of events at 200 per second through the REST injector.
 */
final class ProcessBenchmark {

    static final int STARTS = 5;
    static final int RATE = 200;
    static final int LOAD_MINUTES = Integer.getInteger("bench.loadMinutes", 10);
    private static final String[] MIX = {
        "{\"type\":\"like\",\"user\":\"fan%d\",\"count\":5}",
        "{\"type\":\"chat\",\"user\":\"viewer%d\",\"comment\":\"hello number %<d\"}",
        "{\"type\":\"like\",\"user\":\"fan%d\",\"count\":3}",
        "{\"type\":\"join\",\"user\":\"viewer%d\"}",
        "{\"type\":\"gift\",\"user\":\"gifter%d\",\"giftName\":\"Rose\",\"coins\":1,\"count\":1}",
        "{\"type\":\"chat\",\"user\":\"viewer%d\",\"comment\":\"!cmd %<d\"}",
        "{\"type\":\"like\",\"user\":\"fan%d\",\"count\":1}",
        "{\"type\":\"follow\",\"user\":\"viewer%d\"}",
        "{\"type\":\"like\",\"user\":\"fan%d\",\"count\":8}",
        "{\"type\":\"share\",\"user\":\"viewer%d\"}"
    };

    private ProcessBenchmark() {
    }

    static Table run(Path dir) throws Exception {
        Path jar = Path.of("target", "ltth.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("target/ltth.jar is missing: run through mvn -Pbench verify");
        double[] starts = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            try (AppProcess app = AppProcess.fromJar(jar, PipelineBenchmark.fresh(dir.resolve("start-" + i)))) {
                starts[i] = app.awaitDashboard(Duration.ofSeconds(60)) / 1e6;
            }
        }
        Arrays.sort(starts);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("coldStartMillis", starts);
        try (AppProcess app = AppProcess.fromJar(jar, PipelineBenchmark.fresh(dir.resolve("memory")))) {
            app.awaitDashboard(Duration.ofSeconds(60));
            app.post("/api/demo", "{\"enabled\":false}");
            Thread.sleep(20_000);
            JsonNode idle = memoryAfterGc(app);
            long sent = load(app, LOAD_MINUTES);
            JsonNode loaded = memoryAfterGc(app);
            long stored = app.get("/api/health").json().at("/eventLog/committed").asLong();
            json.put("idle", idle);
            json.put("afterLoad", loaded);
            json.put("loadMinutes", LOAD_MINUTES);
            json.put("eventsSent", sent);
            json.put("eventsStored", stored);
            Table table = Table.of("Start and memory", "The built jar, default JVM settings, a fresh data folder each time. "
                            + "Cold start: from starting `java -jar target/ltth.jar` to the dashboard answering 200, median of "
                            + STARTS + " (min " + Math.round(starts[0]) + " ms, max " + Math.round(starts[STARTS - 1]) + " ms). "
                            + "Memory after a full GC (jcmd GC.run): idle (demo off, 20 s after start), and after " + LOAD_MINUTES
                            + " min at " + RATE + " events/s (likes, chats, joins, gifts, follows, shares through "
                            + "POST /api/events/simulate): " + String.format("%,d", sent) + " sent, " + String.format("%,d", stored)
                            + " stored.", List.of("what", "value"), json)
                    .row("cold start until the dashboard answers", Math.round(starts[STARTS / 2]) + " ms")
                    .row("heap in use, idle", mb(idle.get("heapUsed")))
                    .row("resident set size (RSS), idle", mb(idle.get("rss")))
                    .row("heap in use after " + LOAD_MINUTES + " min at " + RATE + " events/s", mb(loaded.get("heapUsed")))
                    .row("RSS after " + LOAD_MINUTES + " min at " + RATE + " events/s", mb(loaded.get("rss")));
            appImage(dir, table, json);
            return table;
        }
    }

    /**
     * The installable app (mvn -Ppackage, scripts/Package.java), when it was built: its launcher, runtime and JVM
     * settings, and its AOT cache when built with JDK 25. Start as above; RSS 3 s after the dashboard answers (no GC
     * forced: what the streamer's task manager shows).
     */
    private static void appImage(Path dir, Table table, Map<String, Object> json) throws Exception {
        Path image = Path.of("target", "package", "ltth");
        if (!Files.isDirectory(image)) {
            table.row("app image (mvn -Ppackage)", "not built in this run");
            return;
        }
        double[] starts = new double[STARTS];
        long[] rss = new long[STARTS];
        for (int i = 0; i < STARTS; i++) {
            try (AppProcess app = AppProcess.fromAppImage(image, PipelineBenchmark.fresh(dir.resolve("image-" + i)))) {
                starts[i] = app.awaitDashboard(Duration.ofSeconds(60)) / 1e6;
                Thread.sleep(3_000);
                rss[i] = app.get("/api/health").json().at("/memory/rss").asLong();
            }
        }
        Arrays.sort(starts);
        Arrays.sort(rss);
        json.put("appImageColdStartMillis", starts);
        json.put("appImageRss3s", rss);
        table.row("app image: cold start until the dashboard answers (median of " + STARTS + ", min "
                        + Math.round(starts[0]) + " ms, max " + Math.round(starts[STARTS - 1]) + " ms)",
                        Math.round(starts[STARTS / 2]) + " ms")
                .row("app image: RSS 3 s after start (median)", Math.round(rss[STARTS / 2] / 1048576.0) + " MB");
    }

    private static JsonNode memoryAfterGc(AppProcess app) throws Exception {
        app.collectGarbage();
        Thread.sleep(1_000);
        return app.get("/api/health").json().get("memory");
    }

    /** Injects the mix at {@value #RATE} events/s; prints progress once a minute. @return events accepted */
    private static long load(AppProcess app, int minutes) throws Exception {
        long total = (long) RATE * 60 * minutes;
        long interval = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        long accepted = 0;
        for (long i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            String body = String.format(MIX[(int) (i % MIX.length)], i % 1_000);
            if (app.post("/api/events/simulate", body).status() == 202) accepted++;
            if (i % (RATE * 60L) == RATE * 60L - 1) System.out.printf("  load: %d of %d min%n", (i + 1) / (RATE * 60), minutes);
        }
        return accepted;
    }

    private static String mb(JsonNode bytes) {
        return bytes.asLong() < 0 ? "n/a" : Math.round(bytes.asLong() / 1048576.0) + " MB";
    }
}
