package app.ltth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * LTTH as a process of its own, as a streamer starts it, on fixed free ports with its own data folder: for the tests
 * and benchmarks that must kill it, restart it or measure its memory from outside.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(Process process, int port) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) output.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "app-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code Main} from this JVM's class path (the tests' way: no jar needed). */
    public static AppProcess fromClassPath(Path dataDir, String... jvmArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return start(command, dataDir);
    }

    /** Starts the built jar, as the README's run command does. */
    public static AppProcess fromJar(Path jar, Path dataDir) throws IOException {
        return start(new ArrayList<>(List.of(java(), "-jar", jar.toString())), dataDir);
    }

    private static AppProcess start(List<String> command, Path dataDir) throws IOException {
        int port = TestApp.freeTcpPort();
        command.addAll(List.of("--no-browser", "--data-dir", dataDir.toString(), "--port", String.valueOf(port),
                "--socket-port", String.valueOf(TestApp.freeTcpPort())));
        return new AppProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the dashboard answers 200; returns how long that took from the call, in nanoseconds. */
    public long awaitDashboard(Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("LTTH exited: " + String.join("\n", output));
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/dashboard.html")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return System.nanoTime() - start;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the dashboard did not answer within " + timeout + ": " + String.join("\n", output));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws IOException, InterruptedException {
        return Json.MAPPER.readTree(get(path).body());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs a full garbage collection in the process (jcmd), so the heap it then reports is what is really kept. */
    public void collectGarbage() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) throw new IllegalStateException("jcmd GC.run failed");
    }

    /** SIGKILL: no shutdown hook, no flush, as when the computer loses power or the task manager ends it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String output() {
        return String.join("\n", output);
    }

    /** SIGTERM, and waits for the orderly shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }
}
