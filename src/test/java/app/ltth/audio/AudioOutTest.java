package app.ltth.audio;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import app.ltth.web.SocketEvents;
import app.ltth.web.SocketServer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AudioOutTest {

    @Test
    void anOverlaysEndedMessageEndsTheWaitForItsClip() throws Exception {
        int port = TestApp.freeTcpPort();
        SocketServer sockets = new SocketServer("127.0.0.1", port, Set.of());
        AudioOut audio = new AudioOut(sockets);
        sockets.onHello((client, subscription) -> client.sendEvent(SocketEvents.STATUS, Map.of()));   // the greeting the app's bridge sends
        sockets.start();
        try (TestSocket overlay = TestSocket.connect("http://127.0.0.1:" + port, null, AudioOut.PLAY)) {
            // A minute long: only the overlay's answer can end the wait within the test.
            AudioOut.Clip clip = new AudioOut.Clip("c1", AudioOut.Channel.SPEECH, "/a.wav", 1, 60_000, "hi");
            CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
                try {
                    return audio.playAndWait(clip, 0);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(overlay.await(AudioOut.PLAY, m -> true).get("id").asText()).isEqualTo("c1");
            overlay.emit(AudioOut.ENDED, "{\"id\":\"c1\"}");
            assertThat(waited.get()).as("ended by the overlay, not by the time").isTrue();
        } finally {
            sockets.close();
        }
    }
}
