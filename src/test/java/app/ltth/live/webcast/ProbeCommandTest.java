package app.ltth.live.webcast;

import static app.ltth.live.webcast.Frames.frame;
import static app.ltth.live.webcast.Frames.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProbeCommandTest {

    private final FakeTikTok tiktok = new FakeTikTok();

    @AfterEach
    void stop() {
        tiktok.close();
    }

    record Run(int code, String out, String err) {
    }

    private Run probe(String... extra) throws Exception {
        String base = "http://127.0.0.1:" + tiktok.port();
        String[] fixed = {"probe", "streamer", "--live-page-url", base + "/@{user}/live", "--api-live-url",
                base + "/api-live/user/room/?uniqueId={user}", "--sign-url", base + FakeTikTok.SIGN_PATH,
                "--key", FakeTikTok.RELAY_KEY, "--wait", "5"};
        String[] args = new String[fixed.length + extra.length];
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(extra, 0, args, fixed.length, extra.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ProbeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyStepWithItsTimeAndNoSecrets() throws Exception {
        CompletableFuture<Void> firstMessage = CompletableFuture.runAsync(() -> {
            try {
                tiktok.send(frame(result(EventPipelineTest.chat(1, false)), 1, true, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Run run = probe();
        firstMessage.get();
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("1\\. room lookup +ok +\\d+ ms  room " + FakeTikTok.ROOM + ", status 2 \\(live\\)")
                .containsPattern("2\\. sign +ok .*route parameter\\(s\\), cookie ttwid=\\*\\*\\*")
                .containsPattern("3\\. upgrade +ok ")
                .containsPattern("4\\. first message +ok .*1 message\\(s\\): WebcastChatMessage")
                .contains("API key: set (14 characters").contains("Result: every step worked.")
                .doesNotContain(FakeTikTok.RELAY_KEY).doesNotContain("fake-cookie");
    }

    @Test
    void aRefusedUpgradeSaysWhatTikTokSaid() throws Exception {
        tiktok.handshakeRefusal = "illegal app_id";
        Run run = probe();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).containsPattern("3\\. upgrade +FAIL .*TikTok refused the connection: illegal app_id")
                .containsPattern("4\\. first message +- +skipped")
                .contains("Result: the connection does not work");
    }

    @Test
    void aUserWhoIsNotLiveAndWrongArguments() throws Exception {
        String base = "http://127.0.0.1:" + tiktok.port();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ProbeCommand.run(new String[] {"probe", "@offline_streamer", "--live-page-url", base + "/@{user}/live"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, HttpClient.newHttpClient());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ended: @offline_streamer is not LIVE right now")
                .containsPattern("2\\. sign +- +skipped")
                .containsPattern("3\\. upgrade +- +skipped").containsPattern("4\\. first message +- +skipped");
        assertThat(probe("--colour", "red").code()).isEqualTo(2);
        assertThat(ProbeCommand.run(new String[] {"probe"}, System.out, new PrintStream(new ByteArrayOutputStream()),
                HttpClient.newHttpClient())).isEqualTo(2);
    }
}
