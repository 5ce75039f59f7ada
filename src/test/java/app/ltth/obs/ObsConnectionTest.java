package app.ltth.obs;

import static app.ltth.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.TestApp;
import app.ltth.net.ChallengeAnswer;
import app.ltth.threads.DaemonThreads;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OBS client against a local fake that speaks obs-websocket v5. */
class ObsConnectionTest {

    private final ScheduledExecutorService scheduler = DaemonThreads.scheduler("test-obs");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<ObsConnection> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        opened.forEach(ObsConnection::close);
        scheduler.shutdownNow();
    }

    private ObsConnection connection(int port, String password) {
        ObsConnection c = new ObsConnection("main", new ObsConnection.Target("127.0.0.1", port, password), HttpClient.newHttpClient(),
                scheduler, new ObsConnection.Listener() {
                    @Override
                    public void statusChanged(ObsConnection connection) {
                    }

                    @Override
                    public void event(ObsConnection connection, String type, JsonNode data) {
                        events.add(type);
                    }
                }, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(10));
        opened.add(c);
        return c;
    }

    @Test
    void theChallengeAnswerIsTheDocumentedDoubleHash() {
        // base64(sha256(base64(sha256("pw" + "salt")) + "challenge")), worked out with sha256sum, xxd and base64 in a shell
        assertThat(ChallengeAnswer.answer("pw", "salt", "challenge")).isEqualTo("u2LyppGkAjwgvCNaKsAc4tztRWLqv1i85slC7KiH71Q=");
    }

    @Test
    void theRightPasswordIdentifiesAndAnswersAreMatchedToTheirRequests() throws Exception {
        try (FakeObs obs = new FakeObs("s3cret")) {
            ObsConnection c = connection(obs.port(), "s3cret");
            c.connect().get(5, TimeUnit.SECONDS);
            assertThat(c.state()).isEqualTo(ObsConnection.State.CONNECTED);
            assertThat(obs.identifiedCount()).isEqualTo(1);

            // the fake answers GetSceneItemList last although it is asked first
            CompletableFuture<JsonNode> items = c.request("GetSceneItemList", Map.of("sceneName", "Gameplay"));
            CompletableFuture<JsonNode> version = c.request("GetVersion", Map.of());
            CompletableFuture<JsonNode> scenes = c.request("GetSceneList", Map.of());
            assertThat(version.get(5, TimeUnit.SECONDS).path("obsVersion").asText()).isEqualTo("30.2.0");
            assertThat(scenes.get(5, TimeUnit.SECONDS).path("scenes")).hasSize(5);
            assertThat(items.isDone()).as("the late answer is still on its way").isFalse();
            assertThat(items.get(5, TimeUnit.SECONDS).path("sceneItems").get(0).path("sourceName").asText()).isEqualTo("Webcam");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWith4009AndNotTriedAgain() throws Exception {
        try (FakeObs obs = new FakeObs("s3cret")) {
            ObsConnection c = connection(obs.port(), "wrong");
            assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("4009");
            assertThat(c.state()).isEqualTo(ObsConnection.State.AUTH_FAILED);
            assertThat(c.status().message()).contains("refused the password").contains("WebSocket Server Settings");
            assertThat(obs.refusedCount()).isEqualTo(1);
            assertThat(c.status().reconnects()).isZero();
            assertThatThrownBy(() -> c.request("GetVersion", Map.of()).get(1, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ObsConnection.NotConnected.class);
        }
    }

    @Test
    void noPasswordWhenOneIsAskedForSaysSo() throws Exception {
        try (FakeObs obs = new FakeObs("s3cret")) {
            ObsConnection c = connection(obs.port(), "");
            assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).hasMessageContaining("asks for a password");
            assertThat(c.state()).isEqualTo(ObsConnection.State.AUTH_FAILED);
        }
    }

    @Test
    void aDroppedConnectionIsReestablished() throws Exception {
        try (FakeObs obs = new FakeObs(null)) {
            ObsConnection c = connection(obs.port(), "");
            c.connect().get(5, TimeUnit.SECONDS);
            obs.dropAll();
            await(() -> obs.identifiedCount() == 2 && c.state() == ObsConnection.State.CONNECTED);
            assertThat(c.status().reconnects()).isGreaterThanOrEqualTo(1);
            assertThat(c.request("GetVersion", Map.of()).get(5, TimeUnit.SECONDS).path("rpcVersion").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anObsThatIsNotRunningIsTriedAgainUntilItStarts() throws Exception {
        ObsConnection c = connection(TestApp.freeTcpPort(), "");
        assertThatThrownBy(() -> c.connect().get(5, TimeUnit.SECONDS)).hasMessageContaining("does not answer");
        assertThat(c.state()).isEqualTo(ObsConnection.State.RECONNECTING);
        assertThat(c.status().message()).contains("Trying again");
        await(() -> c.status().reconnects() >= 2);
    }

    @Test
    void eventsKeepTheSceneAndOutputStateCurrent() throws Exception {
        try (FakeObs obs = new FakeObs(null)) {
            ObsConnection c = connection(obs.port(), "");
            c.connect().get(5, TimeUnit.SECONDS);
            await(() -> c.currentScene().equals("Starting"));
            obs.clickScene("Gameplay");
            await(() -> c.currentScene().equals("Gameplay"));
            c.request("StartStream", Map.of()).get(5, TimeUnit.SECONDS);
            await(() -> c.status().streaming());
            assertThat(events).contains("CurrentProgramSceneChanged", "StreamStateChanged");
            assertThatThrownBy(() -> c.request("StartStream", Map.of()).get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ObsRequestException.class).hasMessageContaining("already active");
        }
    }
}
