package app.ltth.bench;

import app.ltth.SocketClients;
import app.ltth.TestApp;
import app.ltth.events.ChatEvent;
import app.ltth.events.EventBus;
import app.ltth.events.User;
import app.ltth.health.LatencyWindow;
import app.ltth.web.SocketEvents;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency from publishing an event on the bus to its receipt by N socket.io clients subscribed to chat, as a chat
 * overlay is, at a fixed rate: p50, p99 and max over every (client, event) pair, and how many never arrived.
 * Publisher and clients are in this JVM, so both ends use the same clock.
 */
final class LatencyBenchmark {

    static final int[] CLIENTS = {10, 100, 500};
    static final int[] RATES = {10, 100, 1_000};
    static final int SECONDS = Integer.getInteger("bench.latencySeconds", 10);

    private LatencyBenchmark() {
    }

    static Table run(Path dir) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        Table table = Table.of("Latency: injection → socket.io clients", "Chat events published at a fixed rate for "
                        + SECONDS + " s to N official socket.io Java clients in the same JVM, each subscribed to chat only. "
                        + "Latency is from publishing on the bus to the client's event handler; lost = sent × N − received "
                        + "within 15 s after the last event.",
                List.of("clients", "events/s", "events sent", "p50 ms", "p99 ms", "max ms", "lost"), json);
        try (TestApp app = TestApp.start(PipelineBenchmark.fresh(dir.resolve("latency-app")))) {
            for (int n : CLIENTS) {
                for (int rate : RATES) {
                    Result r = measure(app, n, rate);
                    table.row(n, rate, r.sent, r.p50, r.p99, r.max, r.lost);
                    json.put(n + "clients@" + rate + "perSecond", r);
                    System.out.printf("  %d clients at %d/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, lost %d%n", n, rate,
                            r.p50, r.p99, r.max, r.lost);
                }
            }
        }
        return table;
    }

    record Result(int sent, long received, double p50, double p99, double max, long lost) {
    }

    private static Result measure(TestApp app, int n, int rate) throws Exception {
        int sent = rate * SECONDS;
        long[] publishedAt = new long[sent];
        long[][] latency = new long[n][sent];
        int[] received = new int[n];
        String run = "r" + System.nanoTime() + ":";
        try (SocketClients clients = new SocketClients(app.socketUrl(), n, List.of(SocketEvents.EVENT + ":chat"),
                List.of(SocketEvents.EVENT), (client, event, args) -> {
                    long now = System.nanoTime();
                    String comment = SocketClients.json(args).optJSONObject("data").optString("comment", "");
                    if (!comment.startsWith(run)) return;
                    int seq = Integer.parseInt(comment.substring(run.length()));
                    synchronized (latency[client]) {
                        latency[client][received[client]++] = now - publishedAt[seq];
                    }
                })) {
            EventBus bus = app.app().bus();
            User user = User.named("bench");
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < sent; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                publishedAt[i] = System.nanoTime();
                bus.publish(new ChatEvent(run + i, System.currentTimeMillis(), user, run + i));
            }
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (total(received, latency) < (long) sent * n && System.nanoTime() < deadline) Thread.sleep(20);
            long got = total(received, latency);
            long[] all = new long[(int) got];
            int k = 0;
            for (int c = 0; c < n; c++) {
                synchronized (latency[c]) {
                    System.arraycopy(latency[c], 0, all, k, received[c]);
                    k += received[c];
                }
            }
            Arrays.sort(all);
            return new Result(sent, got, ms(LatencyWindow.nearestRank(all, all.length, 0.50)),
                    ms(LatencyWindow.nearestRank(all, all.length, 0.99)), ms(LatencyWindow.nearestRank(all, all.length, 1)),
                    (long) sent * n - got);
        }
    }

    private static long total(int[] received, long[][] locks) {
        long sum = 0;
        for (int c = 0; c < received.length; c++) {
            synchronized (locks[c]) {
                sum += received[c];
            }
        }
        return sum;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
