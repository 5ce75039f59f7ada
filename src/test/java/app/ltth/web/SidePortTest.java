package app.ltth.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A port of its own: opened on 127.0.0.1; one another program holds is a reason the page can name, not a crash. */
class SidePortTest {

    @Test
    void aPortAnotherProgramHoldsIsNamedAsTaken() throws Exception {
        int port = TestApp.freeTcpPort();
        try (ServerSocket other = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            SidePort.Opened opened = SidePort.open("Test port", port, Optional.empty(), 1024, Duration.ofSeconds(5), routes -> { });
            assertThat(opened.server()).isNull();
            assertThat(opened.error()).isEqualTo("portTaken");
        }
        SidePort.Opened free = SidePort.open("Test port", port, Optional.empty(), 1024, Duration.ofSeconds(5),
                routes -> routes.get("/", ctx -> ctx.result("here")));
        try {
            assertThat(free.error()).isNull();
            assertThat(free.server().port()).isEqualTo(port);
        } finally {
            free.server().stop();
        }
    }
}
