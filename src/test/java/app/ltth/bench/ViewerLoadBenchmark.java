package app.ltth.bench;

import static app.ltth.live.webcast.Frames.common;
import static app.ltth.live.webcast.Frames.frame;
import static app.ltth.live.webcast.Frames.message;
import static app.ltth.live.webcast.Frames.result;
import static app.ltth.live.webcast.Frames.user;

import app.ltth.AppProcess;
import app.ltth.live.webcast.FakeTikTok;
import app.ltth.live.webcast.proto.BaseProtoMessage;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Viewer levels and chat commands under a chat storm (#22): LTTH connected to the local fake TikTok receives
 * {@value #CHATS_PER_SECOND} chat messages a second from {@value #VIEWERS} viewers, one in ten a command (!xp, !points,
 * !top, !rank, !give), in frames of {@value #CHATS_PER_FRAME} as TikTok batches them, and {@value #GIFTS_PER_SECOND}
 * gifts a second whose latency to {@value #OVERLAYS} gift overlays (socket.io clients in another process) is measured.
 * Once with the plugin xp off, once on. The goal is #21's for paced events: p99 at most 10 ms.
 */
final class ViewerLoadBenchmark {

    static final int CHATS_PER_SECOND = 1_000;
    static final int CHATS_PER_FRAME = 10;
    static final int GIFTS_PER_SECOND = 10;
    static final int OVERLAYS = 10;
    static final int VIEWERS = 5_000;
    static final double GOAL_P99_MS = 10;
    private static final String[] COMMANDS = {"!xp", "!points", "!top", "!rank", "!give @fan7 5"};

    private ViewerLoadBenchmark() {
    }

    static Table run(Path dir) throws Exception {
        int seconds = EndToEndBenchmark.SECONDS;
        Map<String, Object> json = new LinkedHashMap<>();
        List<Object> runs = new ArrayList<>();
        Table table = Table.of("Viewer levels under a chat storm",
                "LTTH as " + (Files.isDirectory(EndToEndBenchmark.IMAGE) ? "the app image" : "`java -jar target/ltth.jar`")
                        + ", connected to the local fake TikTok: " + String.format("%,d", CHATS_PER_SECOND) + " chat messages "
                        + "a second from " + String.format("%,d", VIEWERS) + " viewers (one in ten a command: !xp, !points, "
                        + "!top, !rank, !give), " + CHATS_PER_FRAME + " to a frame, and " + GIFTS_PER_SECOND + " gifts a "
                        + "second, for " + seconds + " s after a 5 s warm-up. " + OVERLAYS + " overlays in another process "
                        + "subscribe to gifts; latency is from handing a gift's frame to TikTok's socket to each overlay's "
                        + "handler. CPU: LTTH's own CPU time a second. Goal (#21, paced events): p99 at most "
                        + (int) GOAL_P99_MS + " ms.",
                List.of("viewer levels (plugin xp)", "chats/s", "gifts", "gift p50 ms", "gift p99 ms", "gift max ms",
                        "LTTH CPU ms/s", "goal met?"), json);
        try (FakeTikTok tiktok = new FakeTikTok();
             AppProcess app = EndToEndBenchmark.connected(PipelineBenchmark.fresh(dir.resolve("viewer-load")), tiktok);
             EndToEndBenchmark.Overlays overlays = EndToEndBenchmark.Overlays.start(app.socketUrl(), OVERLAYS, "gift")) {
            Load load = new Load(tiktok);
            for (boolean xpOn : new boolean[] {false, true}) {
                EndToEndBenchmark.require(app.post("/api/plugins/xp/" + (xpOn ? "enable" : "disable"), ""), "switching xp");
                load.run(overlays, app, 5);   // warm-up
                Result r = load.run(overlays, app, seconds);
                if (xpOn && app.get("/api/viewers?sort=xp&limit=1").json().at("/viewers/0/xp").asLong() == 0) {
                    throw new IllegalStateException("the plugin xp was on, but no viewer earned XP");
                }
                table.row(xpOn ? "on" : "off", Math.round(r.chatsPerSecond()), r.gifts(), r.p50(), r.p99(), r.max(),
                        Math.round(r.ltthCpuMillisPerSecond()), r.p99() <= GOAL_P99_MS ? "yes" : "no");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("xp", xpOn);
                row.put("result", r);
                runs.add(row);
                System.out.printf("  xp %s: %.0f chats/s, gift p50 %.1f ms, p99 %.1f ms, max %.1f ms, LTTH %.0f ms CPU/s%n",
                        xpOn ? "on" : "off", r.chatsPerSecond(), r.p50(), r.p99(), r.max(), r.ltthCpuMillisPerSecond());
            }
        }
        json.put("runs", runs);
        return table;
    }

    record Result(double chatsPerSecond, long gifts, double p50, double p99, double max, double ltthCpuMillisPerSecond) {
    }

    /** One frame of chats every 10 ms and a marked gift every 100 ms, on a fixed schedule. */
    private static final class Load {
        private final FakeTikTok tiktok;
        private long seq;

        Load(FakeTikTok tiktok) {
            this.tiktok = tiktok;
        }

        Result run(EndToEndBenchmark.Overlays overlays, AppProcess app, int seconds) throws Exception {
            overlays.stats();   // forget what came before
            Semaphore done = overlays.newWindow(0);
            EndToEndBenchmark.Cpu cpu = new EndToEndBenchmark.Cpu(app.handle(), overlays.handle());
            int framesPerSecond = CHATS_PER_SECOND / CHATS_PER_FRAME;
            long interval = TimeUnit.SECONDS.toNanos(1) / framesPerSecond;
            int giftEvery = framesPerSecond / GIFTS_PER_SECOND;
            long ticks = (long) framesPerSecond * seconds;
            long gifts = 0;
            long start = System.nanoTime();
            for (long i = 0; i < ticks; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                tiktok.send(chats());
                if (i % giftEvery == 0) {
                    tiktok.send(gift());
                    gifts++;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            overlays.awaitAll(done, (int) gifts);
            double[] stats = overlays.stats();
            return new Result(ticks * CHATS_PER_FRAME / elapsed, gifts, stats[1], stats[2], stats[3],
                    cpu.ltthNanos() / 1e6 / elapsed);
        }

        private byte[] chats() {
            BaseProtoMessage[] messages = new BaseProtoMessage[CHATS_PER_FRAME];
            for (int i = 0; i < CHATS_PER_FRAME; i++) {
                long id = ++seq;
                long viewer = id * 7919 % VIEWERS;   // a stride through every viewer, not one after the other
                String text = id % 10 == 0 ? COMMANDS[(int) (id / 10 % COMMANDS.length)] : "hello number " + id;
                messages[i] = message("WebcastChatMessage", id, WebcastChatMessage.newBuilder().setCommon(common(id, 0, ""))
                        .setUser(user(200_000 + viewer, "fan" + viewer, "Fan " + viewer)).setContent(text).build());
            }
            return frame(result(messages), seq, true, true);
        }

        /** A gift whose sender's name carries its number and when it was sent, as the overlays' process reads it. */
        private byte[] gift() {
            long id = ++seq;
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
            var sender = user(100_000 + id % 1_000, "gifter" + id % 1_000, id + "@" + micros);
            return frame(result(message("WebcastGiftMessage", id, WebcastGiftMessage.newBuilder().setCommon(common(id, 0, ""))
                    .setUser(sender).setGift(EndToEndBenchmark.GALAXY).setGiftId(EndToEndBenchmark.GALAXY.getId())
                    .setRepeatCount(1).setRepeatEnd(1).setGroupId(id).build())), id, true, true);
        }
    }
}
