package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process, as a streamer starts it: exit codes, messages, and shutdown on SIGTERM. */
class MainProcessTest {

    @TempDir
    Path dir;

    @Test
    void startsServesAndShutsDownCleanlyOnSigterm() throws Exception {
        AppProcess app = AppProcess.withArgs("--no-browser", "--data-dir", dir.toString(), "--port", "0", "--socket-port", "0");
        try {
            String url = app.baseUrl();
            assertThat(app.awaitLine("LTTH is running")).contains(url + "/dashboard.html");
            assertThat(app.get("/api/status").body()).contains("\"source\":\"simulator\"").contains("\"demo\":true");
            assertThat(dir.resolve("user_configs/default/database.db")).exists();
            assertThat(Files.readString(dir.resolve("user_data/ltth.url"))).startsWith(url);

            AppProcess second = AppProcess.withArgs("--no-browser", "--data-dir", dir.toString());
            assertThat(second.awaitExit()).isZero();
            assertThat(second.output()).contains("already running").contains(url);

            app.close();
            app.awaitLine("Shutting down");
            assertThat(dir.resolve("user_data/ltth.url")).doesNotExist();
            assertThat(Files.readString(dir.resolve("user_data/logs/ltth.log"))).contains("LTTH").contains("Shutting down");
        } finally {
            app.kill();
        }
    }

    @Test
    void aBadOptionIsExplainedWithExitCode2() throws Exception {
        AppProcess p = AppProcess.withArgs("--prot", "3000");
        assertThat(p.awaitExit()).isEqualTo(2);
        assertThat(p.output()).contains("Unknown option '--prot'").contains("--help");
    }

    @Test
    void aFailedStartSaysWhatFailedWithExitCode1() throws Exception {
        Files.createDirectories(dir.resolve("user_configs"));
        Files.writeString(dir.resolve("user_configs/default"), "a file where a folder belongs");
        AppProcess p = AppProcess.withArgs("--no-browser", "--data-dir", dir.toString(), "--port", "0", "--socket-port", "0");
        assertThat(p.awaitExit()).isEqualTo(1);
        assertThat(p.output()).contains("LTTH could not start the profile database");
    }

    @Test
    void theDecodeToolReadsStdinAndWritesJsonLines() throws Exception {
        AppProcess p = AppProcess.withArgs("webcast", "decode", "--method", "WebcastChatMessage");
        byte[] chat = app.ltth.live.webcast.proto.WebcastChatMessage.newBuilder().setContent("from stdin")
                .setUser(app.ltth.live.webcast.proto.User.newBuilder().setId(9).setUniqueId("cli")).build().toByteArray();
        try (var stdin = p.stdin()) {
            stdin.write((java.util.Base64.getEncoder().encodeToString(chat) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.awaitExit()).isZero();
        assertThat(p.output()).contains("\"type\":\"chat\"").contains("\"comment\":\"from stdin\"").contains("\"uniqueId\":\"cli\"");
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
        try (AppProcess app = AppProcess.withArgs("replay", file.toString(), "--speed", "0", "--no-browser", "--data-dir",
                dir.resolve("data").toString(), "--port", "0", "--socket-port", "0")) {
            app.awaitLine("Replaying");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String events = "";
            while (!events.contains("past_viewer") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                events = app.get("/api/events?type=chat").body();
            }
            assertThat(events).contains("recorded earlier").contains("past_viewer");
        }
        assertThat(AppProcess.withArgs("replay", "--speed", "0").awaitExit()).isEqualTo(2);
    }

    @Test
    void helpListsTheOptions() throws Exception {
        AppProcess p = AppProcess.withArgs("--help");
        assertThat(p.awaitExit()).isZero();
        assertThat(p.output()).contains("--port").contains("--socket-port").contains("--data-dir").contains("--profile")
                .contains("--no-browser").contains("--demo");
    }
}
