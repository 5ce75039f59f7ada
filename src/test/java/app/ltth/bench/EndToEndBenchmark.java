package app.ltth.bench;

import static app.ltth.live.webcast.Frames.common;
import static app.ltth.live.webcast.Frames.frame;
import static app.ltth.live.webcast.Frames.message;
import static app.ltth.live.webcast.Frames.result;
import static app.ltth.live.webcast.Frames.user;

import app.ltth.AppProcess;
import app.ltth.live.webcast.FakeTikTok;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What a streamer would measure: LTTH (the app image when it was built, else the jar) connected to the local fake
 * TikTok over its real websocket path (gzip'd protobuf frames, as TikTok sends them), gifts and chats in equal parts,
 * and N overlays as socket.io clients in a Node process of their own (src/test/node/overlay-clients.mjs), each
 * subscribed to gifts and chats. An event counts as done when it has reached every overlay.
 *
 * <p>Per number of overlays: a closed loop with at most {@value #IN_FLIGHT} events in flight (the most LTTH carries),
 * then paced runs. Latency is from handing the frame to the fake TikTok's socket until the overlay's handler ran;
 * CPU is the processes' own CPU time; the RSS peak is the kernel's high-water mark of LTTH's resident set (reset
 * before each number of overlays).
 */
final class EndToEndBenchmark {

    static final Path IMAGE = Path.of("target", "package", "ltth");
    static final Path JAR = Path.of("target", "ltth.jar");
    static final int IN_FLIGHT = 50;
    static final int[] CLIENTS = {10, 100};
    static final int[] PACED_RATES = {10, 100};
    static final int SECONDS = Integer.getInteger("bench.e2eSeconds", 20);
    static final WebcastGiftMessage.GiftStruct GALAXY = WebcastGiftMessage.GiftStruct.newBuilder()
            .setName("Galaxy").setId(11046).setDiamondCount(1000).setType(2).build();

    private EndToEndBenchmark() {
    }

    static Table run(Path dir) throws Exception {
        boolean useImage = Files.isDirectory(IMAGE);
        Path data = PipelineBenchmark.fresh(dir.resolve("end-to-end"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ltth", useImage ? "app image" : "java -jar target/ltth.jar");
        List<Object> runs = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        long sent;
        long decoded;
        try (FakeTikTok tiktok = new FakeTikTok(); AppProcess app = connected(data, tiktok)) {
            Sender sender = new Sender(tiktok);
            for (int clients : CLIENTS) {
                try (Overlays overlays = Overlays.start(app.socketUrl(), clients)) {
                    closedLoop(sender, overlays, app, 5);   // warm-up: the JIT, the pools, the rooms
                    resetRssPeak(app.handle());
                    List<Run> measured = new ArrayList<>();
                    measured.add(closedLoop(sender, overlays, app, SECONDS));
                    for (int rate : PACED_RATES) measured.add(paced(sender, overlays, app, rate, SECONDS));
                    long rssPeak = rssPeak(app.handle());
                    for (Run r : measured) {
                        rows.add(new Object[] {clients, r.name(), Math.round(r.eventsPerSecond()), r.p50(), r.p99(), r.max(),
                                String.format("%.3f", r.ltthCpuMillis()), String.format("%.3f", r.overlaysCpuMillis()), rssPeak < 0 ? "n/a" : Math.round(rssPeak / 1048576.0) + " MB"});
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("clients", clients);
                        row.put("run", r);
                        row.put("rssPeakBytes", rssPeak);
                        runs.add(row);
                    }
                }
            }
            sent = sender.sent();
            decoded = app.get("/api/status").json().at("/live/frames").asLong();
        }
        json.put("runs", runs);
        json.put("framesSent", sent);
        json.put("framesDecoded", decoded);
        Table table = Table.of("End to end: TikTok's websocket → LTTH → overlays in another process",
                "LTTH as " + (useImage ? "the app image (`target/package/ltth/bin/ltth`, its own runtime and JVM options)"
                        : "`java -jar target/ltth.jar` (default JVM settings)") + ", connected to the local fake TikTok over "
                        + "the real websocket path (one gzip'd protobuf frame per event, gifts and chats in equal parts, "
                        + "1,000 viewers). The overlays are socket.io clients in one Node process (src/test/node/overlay-"
                        + "clients.mjs), each subscribed to gifts and chats; an event is done when every overlay has it. "
                        + "\"most\": closed loop, at most " + IN_FLIGHT + " events in flight, " + SECONDS + " s; "
                        + "\"paced\": events at a fixed rate for " + SECONDS + " s. Latency: from handing the frame to "
                        + "TikTok's socket to the overlay's handler, every (overlay, event) pair. CPU: the process's own "
                        + "CPU time per event. RSS peak: the kernel's high-water mark for LTTH during the rows of that "
                        + "many overlays. Frames sent in all (warm-ups included): " + String.format("%,d", sent)
                        + ", decoded by LTTH: " + String.format("%,d", decoded) + ".",
                List.of("overlays", "run", "events/s", "p50 ms", "p99 ms", "max ms", "LTTH CPU/event ms",
                        "overlays' CPU/event ms", "LTTH RSS peak"), json);
        rows.forEach(table::row);
        return table;
    }

    /**
     * LTTH (the app image when it was built, else the jar) on {@code data}, its demo off, connected to {@code tiktok}.
     */
    static AppProcess connected(Path data, FakeTikTok tiktok) throws Exception {
        boolean useImage = Files.isDirectory(IMAGE);
        if (!useImage && !Files.exists(JAR)) throw new IllegalStateException("target/ltth.jar is missing: run through mvn -Pbench verify");
        AppProcess app = useImage ? AppProcess.fromAppImage(IMAGE, data) : AppProcess.fromJar(JAR, data);
        try {
            app.awaitDashboard(Duration.ofSeconds(60));
            app.post("/api/demo", "{\"enabled\":false}");
            require(app.put("/api/settings", "{" + tiktok.settingsFields() + "}"), "pointing LTTH at the fake TikTok");
            require(app.post("/api/connect", "{\"username\":\"streamer\"}"), "connecting to the fake TikTok");
            return app;
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }

    static void require(app.ltth.TestApp.Response response, String what) {
        if (response.status() != 200) throw new IllegalStateException(what + " failed: " + response.body());
    }

    /** As many events as LTTH carries with at most {@value #IN_FLIGHT} not yet at every overlay. */
    private static Run closedLoop(Sender sender, Overlays overlays, AppProcess app, int seconds) throws Exception {
        Semaphore permits = overlays.newWindow(IN_FLIGHT);
        Cpu cpu = new Cpu(app.handle(), overlays.handle());
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long sent = 0;
        while (System.nanoTime() < end) {
            if (!permits.tryAcquire(10, TimeUnit.SECONDS)) throw new IllegalStateException("no event reached every overlay for 10 s");
            sender.send();
            sent++;
        }
        overlays.awaitAll(permits, IN_FLIGHT);
        return Run.of("most (≤ " + IN_FLIGHT + " in flight)", sent, System.nanoTime() - start, cpu, overlays.stats());
    }

    /** {@code rate} events a second on a fixed schedule, whatever the overlays have received. */
    private static Run paced(Sender sender, Overlays overlays, AppProcess app, int rate, int seconds) throws Exception {
        Semaphore done = overlays.newWindow(0);
        Cpu cpu = new Cpu(app.handle(), overlays.handle());
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            sender.send();
        }
        overlays.awaitAll(done, (int) total);
        return Run.of("paced, " + rate + "/s", total, System.nanoTime() - start, cpu, overlays.stats());
    }

    /** Sends one event a frame to LTTH through the fake TikTok: a chat, then a gift, and so on. */
    private static final class Sender {
        private final FakeTikTok tiktok;
        private long seq;

        Sender(FakeTikTok tiktok) {
            this.tiktok = tiktok;
        }

        void send() throws InterruptedException {
            long id = ++seq;
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
            var viewer = user(100_000 + id % 1_000, "viewer" + id % 1_000, id + "@" + micros);
            var msg = id % 2 == 0
                    ? message("WebcastGiftMessage", id, WebcastGiftMessage.newBuilder().setCommon(common(id, 0, ""))
                            .setUser(viewer).setGift(GALAXY).setGiftId(GALAXY.getId()).setRepeatCount(1).setRepeatEnd(1)
                            .setGroupId(id).build())
                    : message("WebcastChatMessage", id, WebcastChatMessage.newBuilder().setCommon(common(id, 0, ""))
                            .setUser(viewer).setContent("hello number " + id).build());
            tiktok.send(frame(result(msg), id, true, true));
        }

        long sent() {
            return seq;
        }
    }

    /** The overlays' Node process: tells which events reached every overlay, and the latencies. */
    static final class Overlays implements AutoCloseable {
        private final Process process;
        private final Writer commands;
        private final CountDownLatch ready = new CountDownLatch(1);
        private final BlockingQueue<String> stats = new LinkedBlockingQueue<>();
        private final AtomicLong done = new AtomicLong();
        private volatile Semaphore window = new Semaphore(0);

        private Overlays(Process process) {
            this.process = process;
            this.commands = process.outputWriter(StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "overlays-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Overlays start(String socketUrl, int clients) throws Exception {
            return start(socketUrl, clients, "gift,chat");
        }

        /** @param types the live-event types each overlay subscribes to, e.g. "gift" */
        static Overlays start(String socketUrl, int clients, String types) throws Exception {
            Process node = new ProcessBuilder("node", Path.of("src", "test", "node", "overlay-clients.mjs").toString(),
                    socketUrl, String.valueOf(clients), types).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Overlays overlays = new Overlays(node);
            if (!overlays.ready.await(60, TimeUnit.SECONDS)) {
                overlays.close();
                throw new IllegalStateException(clients + " overlays did not connect within 60 s (is src/test/node installed? npm ci --prefix src/test/node)");
            }
            return overlays;
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("d ")) {
                        done.incrementAndGet();
                        window.release();
                    } else if (line.equals("ready")) {
                        ready.countDown();
                    } else if (line.startsWith("stats ")) {
                        stats.add(line);
                    }
                }
            } catch (IOException ended) {
                // the process ended
            }
        }

        /** A fresh window: each event that reaches every overlay from now on gives one permit back. */
        Semaphore newWindow(int permits) {
            window = new Semaphore(permits);
            return window;
        }

        void awaitAll(Semaphore permits, int count) throws InterruptedException {
            if (!permits.tryAcquire(count, 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("events still missing at an overlay 30 s after the last was sent");
            }
        }

        /** The latencies since the last call: received, p50, p99, max (ms). */
        double[] stats() throws IOException, InterruptedException {
            commands.write("stats\n");
            commands.flush();
            String line = stats.poll(30, TimeUnit.SECONDS);
            if (line == null) throw new IllegalStateException("the overlays' process gave no statistics");
            String[] f = line.split(" ");
            return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])};
        }

        ProcessHandle handle() {
            return process.toHandle();
        }

        @Override
        public void close() throws Exception {
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    /** CPU time of LTTH and of the overlays' process from now on. */
    static final class Cpu {
        private final ProcessHandle ltth;
        private final ProcessHandle overlays;
        private final long ltthStart;
        private final long overlaysStart;

        Cpu(ProcessHandle ltth, ProcessHandle overlays) {
            this.ltth = ltth;
            this.overlays = overlays;
            ltthStart = nanos(ltth);
            overlaysStart = nanos(overlays);
        }

        long ltthNanos() {
            return nanos(ltth) - ltthStart;
        }

        long overlaysNanos() {
            return nanos(overlays) - overlaysStart;
        }

        private static long nanos(ProcessHandle p) {
            return p.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }
    }

    record Run(String name, long events, double eventsPerSecond, double p50, double p99, double max, double ltthCpuMillis,
               double overlaysCpuMillis, long pairs) {

        static Run of(String name, long events, long nanos, Cpu cpu, double[] stats) {
            return new Run(name, events, events / (nanos / 1e9), stats[1], stats[2], stats[3],
                    cpu.ltthNanos() / 1e6 / events, cpu.overlaysNanos() / 1e6 / events, (long) stats[0]);
        }
    }

    /** Linux: the kernel forgets the resident set's high-water mark (clear_refs 5), so the next peak is this run's. */
    static void resetRssPeak(ProcessHandle p) {
        try {
            Files.writeString(Path.of("/proc", String.valueOf(p.pid()), "clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException notLinux) {
            // the peak then covers the whole run so far
        }
    }

    /** Linux: VmHWM of /proc/pid/status, in bytes; -1 elsewhere. */
    static long rssPeak(ProcessHandle p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException notLinux) {
            // no /proc
        }
        return -1;
    }
}
