package app.ltth.startup;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.config.AppConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void anyFreePortIsNeverTheOneToAvoid() throws Exception {
        // The system tends to hand out a just-closed port again: ask many times, avoiding the last answer.
        int avoid = PortAllocator.choose(AppConfig.HOST, 0, -1);
        for (int i = 0; i < 200; i++) {
            int port = PortAllocator.choose(AppConfig.HOST, 0, avoid);
            assertThat(port).isNotEqualTo(avoid).isPositive();
            avoid = port;
        }
    }

    @Test
    void aWantedPortInUseMovesUpAndSkipsTheAvoidedOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(AppConfig.HOST))) {
            int wanted = taken.getLocalPort();
            int chosen = PortAllocator.choose(AppConfig.HOST, wanted, wanted + 1);
            assertThat(chosen).isGreaterThan(wanted + 1);
        }
    }
}
