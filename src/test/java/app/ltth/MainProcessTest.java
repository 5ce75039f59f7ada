package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process, as a streamer starts it: exit codes, messages, and shutdown on SIGTERM. */
class MainProcessTest {

    @TempDir
    Path dir;

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) continue;
            if (line.contains(containing)) return line;
            seen.add(line);
        }
        throw new AssertionError("no output line containing '" + containing + "' within 30 s; the output was:\n"
                + String.join("\n", seen));
    }

    @Test
    void startsServesAndShutsDownCleanlyOnSigterm() throws Exception {
        Process app = launch("--no-browser", "--data-dir", dir.toString(), "--port", "0", "--socket-port", "0");
        try {
            BlockingQueue<String> output = lines(app);
            String running = awaitLine(output, "LTTH is running");
            Matcher url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/dashboard\\.html").matcher(running);
            assertThat(url.find()).as(running).isTrue();
            HttpResponse<String> status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.body()).contains("\"source\":\"simulator\"").contains("\"demo\":true");
            assertThat(dir.resolve("user_configs/default/database.db")).exists();
            assertThat(Files.readString(dir.resolve("user_data/ltth.url"))).startsWith(url.group(1));

            Process second = launch("--no-browser", "--data-dir", dir.toString());
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String secondOutput = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).isZero();
            assertThat(secondOutput).contains("already running").contains(url.group(1));

            // SIGTERM. (Process.destroy() would also close our end of its output, losing the shutdown lines.)
            assertThat(app.toHandle().destroy()).isTrue();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            awaitLine(output, "Shutting down");
            assertThat(dir.resolve("user_data/ltth.url")).doesNotExist();
            assertThat(Files.readString(dir.resolve("user_data/logs/ltth.log"))).contains("LTTH").contains("Shutting down");
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void aBadOptionIsExplainedWithExitCode2() throws Exception {
        Process p = launch("--prot", "3000");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Unknown option '--prot'").contains("--help");
    }

    @Test
    void aFailedStartSaysWhatFailedWithExitCode1() throws Exception {
        Files.createDirectories(dir.resolve("user_configs"));
        Files.writeString(dir.resolve("user_configs/default"), "a file where a folder belongs");
        Process p = launch("--no-browser", "--data-dir", dir.toString(), "--port", "0", "--socket-port", "0");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("LTTH could not start the profile database");
    }

    @Test
    void theDecodeToolReadsStdinAndWritesJsonLines() throws Exception {
        Process p = launch("webcast", "decode", "--method", "WebcastChatMessage");
        byte[] chat = app.ltth.live.webcast.proto.WebcastChatMessage.newBuilder().setContent("from stdin")
                .setUser(app.ltth.live.webcast.proto.User.newBuilder().setId(9).setUniqueId("cli")).build().toByteArray();
        try (var stdin = p.getOutputStream()) {
            stdin.write((java.util.Base64.getEncoder().encodeToString(chat) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("\"type\":\"chat\"").contains("\"comment\":\"from stdin\"").contains("\"uniqueId\":\"cli\"");
    }

    @Test
    void replayPlaysARecordingAsTheLiveSource() throws Exception {
        app.ltth.live.webcast.proto.WebcastChatMessage chat = app.ltth.live.webcast.proto.WebcastChatMessage.newBuilder()
                .setContent("recorded earlier").setUser(app.ltth.live.webcast.proto.User.newBuilder().setId(3)
                        .setUniqueId("past_viewer")).build();
        byte[] frame = app.ltth.live.webcast.proto.PushFrame.newBuilder().setPayloadType("msg")
                .setPayload(app.ltth.live.webcast.proto.ProtoMessageFetchResult.newBuilder()
                        .addMessages(app.ltth.live.webcast.proto.BaseProtoMessage.newBuilder()
                                .setMethod("WebcastChatMessage").setMsgId(12345).setPayload(chat.toByteString()))
                        .build().toByteString()).build().toByteArray();
        Path file;
        try (var recording = app.ltth.live.replay.Recording.start(dir.resolve("rec"), "someone", "1")) {
            recording.frame(frame);
            file = recording.file();
        }
        Process app = launch("replay", file.toString(), "--speed", "0", "--no-browser", "--data-dir",
                dir.resolve("data").toString(), "--port", "0", "--socket-port", "0");
        try {
            BlockingQueue<String> output = lines(app);
            String running = awaitLine(output, "LTTH is running");
            Matcher url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/").matcher(running);
            assertThat(url.find()).isTrue();
            awaitLine(output, "Replaying");
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String events = "";
            while (!events.contains("past_viewer") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                events = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/events?type=chat")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(events).contains("recorded earlier").contains("past_viewer");
        } finally {
            app.destroyForcibly();
        }
        Process bad = launch("replay", "--speed", "0");
        assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
    }

    @Test
    void helpListsTheOptions() throws Exception {
        Process p = launch("--help");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--port").contains("--socket-port").contains("--data-dir").contains("--profile")
                .contains("--no-browser").contains("--demo");
    }
}
