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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds LTTH as an app a streamer installs without Java: a runtime made with jlink (only the modules LTTH needs),
 * the jar, a native launcher from jpackage with the JVM settings a desktop app wants, and (on JDK 25 or newer) an
 * AOT cache made by one training start, which the launcher uses to start in about a third of the time.
 *
 * <p>Run by {@code mvn -Ppackage verify} (pom.xml) with the JDK whose runtime is bundled ({@code -Dpackage.jdk=...}):
 * {@code java scripts/Package.java JAR OUTPUT_DIR TYPES}, TYPES a comma-separated list of jpackage types:
 * app-image always, deb / rpm on Linux, msi / exe on Windows, dmg / pkg on macOS (each needs that system's tools).
 * A single-file Java program, so that the same build works on all three systems.
 */
public final class Package {

    /** What LTTH needs of the JDK: jdeps' answer for the jar, plus what is loaded by name at run time. */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.instrument", "java.management",
            "java.naming", "java.net.http", "java.rmi", "java.security.jgss", "java.sql", "jdk.unsupported",
            // loaded by name: zip file systems (plugins), TLS key exchange, number formats of de/es/fr, charsets,
            // the process CPU and memory figures of the health page
            "jdk.zipfs", "jdk.crypto.ec", "jdk.localedata", "jdk.charsets", "jdk.management");
    /**
     * A desktop app's JVM: a small, growing heap with the serial collector (one streamer, two cores: no parallel GC
     * threads), the client compiler only (starts faster, smaller code cache), and room for the bursts of a busy LIVE.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms24m", "-Xmx192m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m", "-Xss512k",
            "--enable-native-access=ALL-UNNAMED");
    static final String NAME = "ltth";
    static final Pattern RUNNING = Pattern.compile("Dashboard: (http://\\S+)/dashboard\\.html");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java scripts/Package.java JAR OUTPUT_DIR [TYPES]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        List<String> types = List.of((args.length > 2 && !args[2].isBlank() ? args[2] : "app-image").split(","));
        Path jdk = Path.of(System.getProperty("java.home"));
        int feature = Runtime.version().feature();
        long started = System.nanoTime();

        delete(out);
        Path input = Files.createDirectories(out.resolve("input"));
        Files.copy(jar, input.resolve("ltth.jar"));
        Path runtime = out.resolve("runtime");
        run(List.of(tool(jdk, "jlink"), "--add-modules", String.join(",", MODULES), "--output", runtime.toString(),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--include-locales=en,de,es,fr",
                feature >= 21 ? "--compress=zip-6" : "--compress=2"));

        boolean aot = feature >= 25;
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        // Netty's use of sun.misc.Unsafe is allowed without a warning on every start (the option exists from JDK 23).
        if (feature >= 23) options.add("--sun-misc-unsafe-memory-access=allow");
        if (aot) options.add("-XX:AOTCache=$APPDIR/ltth.aot");
        List<String> jpackage = new ArrayList<>(List.of(tool(jdk, "jpackage"), "--type", "app-image", "--name", NAME,
                "--app-version", appVersion(jar), "--vendor", "LTTH", "--input", input.toString(), "--main-jar", "ltth.jar",
                "--main-class", "app.ltth.Main", "--runtime-image", runtime.toString(), "--dest", out.toString()));
        for (String option : options) jpackage.addAll(List.of("--java-options", option));
        run(jpackage);
        Path image = appImage(out);

        if (aot) train(image, options);
        else System.out.println("No AOT cache: it needs the image built with JDK 25 or newer (-Dpackage.jdk=...)");

        for (String type : types) {
            if (type.equals("app-image")) continue;
            run(List.of(tool(jdk, "jpackage"), "--type", type, "--app-image", image.toString(), "--name", NAME,
                    "--app-version", appVersion(jar), "--dest", out.toString()));
        }
        System.out.printf("LTTH app built in %d s: %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), image);
    }

    /**
     * One start of the image's own runtime with the launcher's settings, through the dashboard and an overlay, to
     * stop: the JVM writes down the classes it loaded and linked, and the launcher maps them at every start.
     */
    static void train(Path image, List<String> options) throws Exception {
        Path app = image.resolve(isMac() ? "Contents/app" : "lib/app");
        Path java = image.resolve(isMac() ? "Contents/runtime/Contents/Home/bin/java" : isWindows() ? "runtime/bin/java.exe" : "lib/runtime/bin/java");
        if (isWindows()) app = image.resolve("app");
        Path data = Files.createTempDirectory("ltth-training");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:AOTCacheOutput=" + app.resolve("ltth.aot")));
        for (String option : options) if (!option.startsWith("-XX:AOTCache=")) command.add(option);
        command.addAll(List.of("-cp", app.resolve("ltth.jar").toString(), "app.ltth.Main", "--no-browser",
                "--data-dir", data.toString(), "--port", "0", "--socket-port", "0"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String base = null;
            List<String> seen = new ArrayList<>();
            for (String line; base == null && (line = lines.readLine()) != null; ) {
                seen.add(line);
                Matcher m = RUNNING.matcher(line);
                if (m.find()) base = m.group(1);
            }
            if (base == null) {
                throw new IllegalStateException("The training start did not reach the dashboard:\n" + String.join("\n", seen));
            }
            // The rest of the output is read to the end: the JVM that writes the cache at exit must never meet a
            // closed or full pipe.
            Thread drain = new Thread(() -> lines.lines().forEach(System.out::println));
            drain.start();
            HttpClient http = HttpClient.newHttpClient();
            for (String page : List.of("/dashboard.html", "/api/status", "/alerts.html", "/flows.html", "/settings.html",
                    "/overlays/alerts.html", "/js/common.js", "/api/alerts", "/api/flows")) {
                http.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.discarding());
            }
            // SIGTERM: LTTH shuts down, and the JVM writes the cache on its way out (the handle, because
            // Process.destroy() would also close the output we still read)
            p.toHandle().destroy();
            if (!p.waitFor(180, TimeUnit.SECONDS)) throw new IllegalStateException("The training start did not stop");
            // The cache is written by a second JVM that the first starts as it exits, on the same output: its end
            // is the end of the output.
            drain.join(TimeUnit.MINUTES.toMillis(5));
        } finally {
            p.destroyForcibly();
            delete(data);
        }
        if (!Files.isRegularFile(app.resolve("ltth.aot"))) throw new IllegalStateException("No AOT cache was written");
        System.out.printf("AOT cache: %d MB%n", Files.size(app.resolve("ltth.aot")) / (1024 * 1024));
    }

    static Path appImage(Path out) {
        return out.resolve(isMac() ? NAME + ".app" : NAME);
    }

    /** jpackage wants numbers only: 0.1.0-SNAPSHOT is 0.1.0, a release's tag v1.2.0 is 1.2.0. */
    static String appVersion(Path jar) throws IOException {
        try (var zip = new java.util.jar.JarFile(jar.toFile())) {
            String v = zip.getManifest().getMainAttributes().getValue("Implementation-Version");
            String numbers = v == null ? "" : v.replaceFirst("^[vV]", "").replaceAll("[^0-9.].*$", "");
            return numbers.isEmpty() ? "1.0.0" : numbers;
        }
    }

    static String tool(Path jdk, String name) {
        Path tool = jdk.resolve("bin").resolve(isWindows() ? name + ".exe" : name);
        if (!Files.isExecutable(tool)) throw new IllegalStateException(name + " is not in " + jdk + ": a full JDK is needed");
        return tool.toString();
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        System.out.println("> " + String.join(" ", command));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed with exit code " + exit);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
    }

    static boolean isMac() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac");
    }
}
