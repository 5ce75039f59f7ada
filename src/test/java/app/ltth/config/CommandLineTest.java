package app.ltth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final Path home = Path.of("/opt/ltth");

    private AppConfig parse(Map<String, String> env, String... args) throws ConfigException {
        return CommandLine.parse(args, env, home).orElseThrow();
    }

    @Test
    void defaultsListenOnTheDocumentedPortsWithDataNextToTheApp() throws Exception {
        AppConfig c = parse(Map.of());
        assertThat(c.httpPort()).isEqualTo(3000);
        assertThat(c.socketPort()).isEqualTo(3001);
        assertThat(c.dataDir()).isEqualTo(home);
        assertThat(c.userData()).isEqualTo(home.resolve("user_data"));
        assertThat(c.profile()).isEmpty();
        assertThat(c.openBrowser()).isTrue();
        assertThat(c.demo()).isFalse();
        assertThat(c.startLiveSource()).isTrue();
    }

    @Test
    void flagsInBothSpellings() throws Exception {
        AppConfig c = parse(Map.of(), "--port", "4000", "--socket-port=4001", "--data-dir", "/tmp/x",
                "--profile=streamer1", "--no-browser", "--demo");
        assertThat(c.httpPort()).isEqualTo(4000);
        assertThat(c.socketPort()).isEqualTo(4001);
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(c.profile()).contains("streamer1");
        assertThat(c.openBrowser()).isFalse();
        assertThat(c.demo()).isTrue();
    }

    @Test
    void environmentVariablesApplyUnlessAFlagSaysOtherwise() throws Exception {
        Map<String, String> env = Map.of("LTTH_PORT", "5000", "LTTH_SOCKET_PORT", "5001", "LTTH_DATA_DIR", "/data",
                "LTTH_PROFILE", "p", "LTTH_NO_BROWSER", "1", "LTTH_DEMO", "true");
        AppConfig fromEnv = parse(env);
        assertThat(fromEnv.httpPort()).isEqualTo(5000);
        assertThat(fromEnv.socketPort()).isEqualTo(5001);
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(fromEnv.profile()).contains("p");
        assertThat(fromEnv.openBrowser()).isFalse();
        assertThat(fromEnv.demo()).isTrue();
        assertThat(parse(env, "--port", "6000").httpPort()).isEqualTo(6000);
    }

    @Test
    void helpAsksForNoConfiguration() throws Exception {
        assertThat(CommandLine.parse(new String[] {"--help"}, Map.of(), home)).isEmpty();
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "http")).hasMessageContaining("port number");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "70000")).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> parse(Map.of(), "--colour")).hasMessageContaining("Unknown option '--colour'")
                .hasMessageContaining("--help");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "4000", "--socket-port", "4000"))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> parse(Map.of("LTTH_PORT", "x"))).hasMessageContaining("LTTH_PORT");
    }
}
