package app.ltth;

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
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LTTH as a process of its own, as a streamer starts it: for the tests and benchmarks that must kill it, restart it,
 * read what it prints or measure its memory from outside.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    private final String baseUrl;
    private final String socketUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(Process process, String baseUrl, String socketUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.socketUrl = socketUrl;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) output.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "app-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code Main} from this JVM's class path (the tests' way: no jar needed), on free ports. */
    public static AppProcess fromClassPath(Path dataDir) throws IOException {
        return start(mainFromClassPath(), dataDir);
    }

    /** Starts {@code Main} from this JVM's class path with exactly these arguments (no ports, no data folder added). */
    public static AppProcess withArgs(String... args) throws IOException {
        return withEnvironment(java.util.Map.of(), args);
    }

    /** As {@link #withArgs}, with environment variables set for the process (HOME, say, for what it writes there). */
    public static AppProcess withEnvironment(java.util.Map<String, String> environment, String... args) throws IOException {
        List<String> command = mainFromClassPath();
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new AppProcess(builder.start(), null, null);
    }

    private static List<String> mainFromClassPath() {
        return new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    }

    /** Starts the built jar, as the README's run command does. */
    public static AppProcess fromJar(Path jar, Path dataDir) throws IOException {
        return start(new ArrayList<>(List.of(java(), "-jar", jar.toString())), dataDir);
    }

    /** Starts the native launcher of an app image built by {@code -Ppackage} (scripts/Package.java). */
    public static AppProcess fromAppImage(Path image, Path dataDir) throws IOException {
        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win");
        Path launcher = windows ? image.resolve("ltth.exe") : image.resolve(image.toString().endsWith(".app")
                ? "Contents/MacOS/ltth" : "bin/ltth");
        return start(new ArrayList<>(List.of(launcher.toString())), dataDir);
    }

    private static AppProcess start(List<String> command, Path dataDir) throws IOException {
        int port = TestApp.freeTcpPort();
        int socketPort = TestApp.freeTcpPort();
        command.addAll(List.of("--no-browser", "--data-dir", dataDir.toString(), "--port", String.valueOf(port),
                "--socket-port", String.valueOf(socketPort)));
        return new AppProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), "http://127.0.0.1:" + port,
                "http://127.0.0.1:" + socketPort);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the dashboard answers 200; returns how long that took from the call, in nanoseconds. */
    public long awaitDashboard(Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("LTTH exited: " + output());
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/dashboard.html")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return System.nanoTime() - start;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the dashboard did not answer within " + timeout + ": " + output());
    }

    /** Where the dashboard is: chosen at start, or read from the "LTTH is running" line of a process started {@link #withArgs}. */
    public String baseUrl() throws InterruptedException {
        if (baseUrl != null) return baseUrl;
        Matcher url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/").matcher(awaitLine("LTTH is running"));
        if (!url.find()) throw new AssertionError("no address in the line 'LTTH is running'");
        return url.group(1);
    }

    /** The Socket.IO server's address, for a process started with ports of its own choosing. */
    public String socketUrl() {
        return socketUrl;
    }

    /** The process itself: its pid and CPU time, for measuring from outside. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public TestApp.Response get(String path) throws IOException, InterruptedException {
        return TestApp.send(http, HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    public TestApp.Response post(String path, String json) throws IOException, InterruptedException {
        return TestApp.send(http, HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public TestApp.Response put(String path, String json) throws IOException, InterruptedException {
        return TestApp.send(http, HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
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
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** The first line the process printed that contains the text, waiting up to 30 s for it. */
    public String awaitLine(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            synchronized (output) {
                for (String line : output) if (line.contains(containing)) return line;
            }
            if (!reader.isAlive()) break;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no output line containing '" + containing + "'; the output was:\n" + output());
    }

    /** For a process started to do one thing and end: waits up to 30 s, reads the rest of its output, its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) throw new AssertionError("still running after " + WAIT + ":\n" + output());
        reader.join(WAIT.toMillis());
        return process.exitValue();
    }

    public java.io.OutputStream stdin() {
        return process.getOutputStream();
    }

    /** SIGTERM, and waits for the orderly shutdown (its last lines are still read: {@code Process.destroy()} would close them). */
    @Override
    public void close() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) kill();
        reader.join(WAIT.toMillis());
    }
}
