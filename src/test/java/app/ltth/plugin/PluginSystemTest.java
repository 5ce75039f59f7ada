package app.ltth.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import app.ltth.events.ChatEvent;
import app.ltth.events.User;
import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class PluginSystemTest {

    static final Path EXAMPLE = Path.of("examples", "hello-plugin");

    @TempDir
    Path dir;

    /** Builds the example plugin from its sources, as its own project does: a jar of its classes only. */
    public static byte[] buildExampleJar(Path work) throws Exception {
        Path classes = Files.createDirectories(work.resolve("hello-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(problems, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, problems, List.of("--release", "17", "-d", classes.toString(),
                    "-classpath", System.getProperty("java.class.path")), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(ok).as(problems.getDiagnostics().toString()).isTrue();
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar.toByteArray();
    }

    static void installExample(Path appHome, byte[] jar) throws Exception {
        Path target = Files.createDirectories(appHome.resolve("plugins/hello"));
        Path source = EXAMPLE.resolve("plugin");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        }
        Files.write(target.resolve("hello-plugin.jar"), jar);
    }

    static void builtIn(Path appHome, String id, String mainClass, boolean enabled) throws Exception {
        Path target = Files.createDirectories(appHome.resolve("plugins").resolve(id));
        Files.writeString(target.resolve("plugin.json"), "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"version\":\"1.0.0\","
                + "\"main\":\"" + mainClass + "\",\"enabledByDefault\":" + enabled + "}");
    }

    static JsonNode plugin(TestApp app, String id) throws Exception {
        for (JsonNode p : app.get("/api/plugins").json().get("plugins")) if (p.get("id").asText().equals(id)) return p;
        throw new AssertionError("no plugin " + id);
    }

    static long threadsOf(String id) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().contains("plugin-" + id) || t.getName().contains("plugin:" + id)).count();
    }

    @Test
    void theExamplePluginIsBuiltLoadedAndWorks() throws Exception {
        installExample(dir, buildExampleJar(dir));
        try (TestApp app = TestApp.start(dir);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, "plugin:hello:gift", "plugin:hello:greeting")) {
            JsonNode hello = plugin(app, "hello");
            assertThat(hello.get("state").asText()).as(hello.toString()).isEqualTo("running");
            assertThat(hello.get("routes")).extracting(JsonNode::asText).containsExactly("GET stats", "POST greeting");
            assertThat(hello.get("builtIn").asBoolean()).isFalse();
            assertThat(hello.get("hasPage").asBoolean()).isTrue();
            assertThat(app.get("/api/plugins").json().get("flowActions").get(0).get("key").asText()).isEqualTo("hello.greet");

            app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"fan\",\"giftName\":\"Rose\",\"coins\":1,\"count\":7}");
            JsonNode gift = socket.await("plugin:hello:gift", g -> true);
            assertThat(gift.get("coins").asLong()).isEqualTo(7);
            assertThat(app.get("/api/plugins/hello/stats").json().get("coins").asLong()).isEqualTo(7);

            assertThat(app.post("/api/plugins/hello/greeting", "Welcome").json().get("greeting").asText()).isEqualTo("Welcome");
            assertThat(app.get("/api/plugins/hello/stats").json().get("greeting").asText()).isEqualTo("Welcome");
            assertThat(app.post("/api/plugins/hello/greeting", "").status()).isEqualTo(400);
            // Its chat command, listed with the others and answered on its overlay.
            assertThat(app.get("/api/commands").json().get("commands").toString())
                    .contains("{\"name\":\"hello\",\"source\":\"plugin:hello\"");
            app.post("/api/events/simulate", "{\"type\":\"chat\",\"user\":\"fan\",\"nickname\":\"Fan\",\"comment\":\"!hello\"}");
            assertThat(socket.await("plugin:hello:greeting", g -> g.get("text").asText().equals("Welcome Fan"))).isNotNull();
            assertThat(app.get("/api/plugins/hello/nope").status()).isEqualTo(404);
            // Its page stands in the dashboard's layout, with its script, and is in the navigation of every page.
            String page = app.get("/plugins/hello").body();
            assertThat(page).contains("Hello Plugin").contains("id=\"shell-header\"")
                    .contains("<script src=\"/plugins/hello/assets/page.js\"></script>")
                    .contains("<a class=\"nav-link active\" href=\"/plugins/hello\"");
            assertThat(app.get("/goals.html").body()).contains("href=\"/plugins/hello\"");
            // Its scripts are files (pages run under script-src 'self'), served as scripts so nosniff lets them run.
            assertThat(app.get("/plugins/hello/assets/page.js").contentType()).hasValueSatisfying(
                    type -> assertThat(type).contains("javascript"));
            assertThat(app.get("/plugins/hello/../../pom.xml").status()).isEqualTo(404);
            assertThat(app.get("/plugins/hello/plugin.json").status()).as("only pages and assets are served").isEqualTo(404);
        }
    }

    @Test
    void disableEnableAndReloadLeaveNoRoutesListenersOrThreadsBehind() throws Exception {
        installExample(dir, buildExampleJar(dir));
        try (TestApp app = TestApp.start(dir)) {
            long threadsRunning = threadsOf("hello");
            assertThat(threadsRunning).isPositive();
            assertThat(app.post("/api/plugins/hello/disable", "").json().get("state").asText()).isEqualTo("disabled");
            assertThat(app.get("/api/plugins/hello/stats").status()).isEqualTo(404);
            assertThat(app.get("/plugins/hello").status()).as("a stopped plugin's page is gone").isEqualTo(404);
            assertThat(app.get("/goals.html").body()).doesNotContain("href=\"/plugins/hello\"");
            assertThat(threadsOf("hello")).isZero();
            assertThat(app.get("/api/status").json().at("/bus/listeners").findValuesAsText("name")).doesNotContain("plugin:hello");
            assertThat(app.get("/api/plugins").json().get("flowActions")).isEmpty();
            assertThat(app.get("/api/commands").json().get("commands").toString()).doesNotContain("plugin:hello");

            for (int i = 0; i < 3; i++) {
                assertThat(app.post("/api/plugins/hello/reload", "").status()).isEqualTo(200);   // disabled: stays off
                app.post("/api/plugins/hello/enable", "{\"confirm\":true}");
                app.post("/api/plugins/hello/reload", "");
            }
            assertThat(plugin(app, "hello").get("state").asText()).isEqualTo("running");
            assertThat(threadsOf("hello")).as("no threads pile up").isEqualTo(threadsRunning);
            assertThat(app.get("/api/status").json().at("/bus/listeners").findValuesAsText("name")
                    .stream().filter(n -> n.equals("plugin:hello")).count()).isEqualTo(1);
            assertThat(app.get("/api/plugins/hello/stats").status()).isEqualTo(200);

            // Enabled state is per profile: off here, still on by default in a new profile.
            app.post("/api/plugins/hello/disable", "");
            app.post("/api/profiles", "{\"name\":\"other\"}");
            app.post("/api/profiles/switch", "{\"name\":\"other\"}");
            assertThat(plugin(app, "hello").get("state").asText()).isEqualTo("running");
            app.post("/api/profiles/switch", "{\"name\":\"default\"}");
            assertThat(plugin(app, "hello").get("state").asText()).isEqualTo("disabled");
            assertThat(threadsOf("hello")).isZero();
        }
    }

    @Test
    void aPluginThatThrowsOrHangsDoesNotSlowAnyoneElse() throws Exception {
        builtIn(dir, "thrower", "app.ltth.plugin.testplugins.ThrowingPlugin", true);
        builtIn(dir, "sleeper", "app.ltth.plugin.testplugins.SleepingPlugin", true);
        try (TestApp app = TestApp.start(dir);
             TestSocket socket = TestSocket.connect(app.socketUrl(), null, SocketEvents.EVENT)) {
            for (int i = 0; i < 2_000; i++) {
                app.app().bus().publish(new ChatEvent("c" + i, i, User.named("u"), "n" + i));
            }
            socket.await(SocketEvents.EVENT, m -> m.at("/data/id").asText().equals("c1999"));
            JsonNode thrower = plugin(app, "thrower");
            assertThat(thrower.get("state").asText()).isEqualTo("running");
            long deadline = System.currentTimeMillis() + 10_000;
            while (plugin(app, "thrower").get("failures").asLong() < 2_000 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(plugin(app, "thrower").get("failures").asLong()).isEqualTo(2_000);
            assertThat(plugin(app, "thrower").get("lastError").asText()).contains("broken on purpose");
            assertThat(app.get("/api/status").json().at("/bus/shedTotal").asLong()).as("the bus shed nothing").isZero();

            // A hanging route answers 504 after its time limit; the app goes on answering.
            assertThat(app.get("/api/plugins/sleeper/slow").status()).isEqualTo(504);
            assertThat(app.get("/api/status").status()).isEqualTo(200);
            assertThat(app.post("/api/plugins/sleeper/disable", "").json().get("state").asText()).isEqualTo("disabled");
            assertThat(threadsOf("sleeper")).as("even a hanging plugin leaves no thread behind").isZero();
        }
    }

    @Test
    void aPluginTriggerStartsAFlowWithThePluginsData() throws Exception {
        builtIn(dir, "ticker", "app.ltth.plugin.testplugins.TickerPlugin", true);
        try (TestApp app = TestApp.start(dir)) {
            assertThat(app.get("/api/plugins").json().at("/flowTriggers/0/pluginId").asText()).isEqualTo("ticker");
            String id = app.post("/api/flows", "{\"name\":\"on tick\",\"trigger\":{\"type\":\"plugin\",\"trigger\":\"ticker.tick\"},"
                    + "\"actions\":[{\"type\":\"log\",\"line\":\"tick {note}\",\"file\":\"ticks\"}]}").json().at("/flow/id").asText();
            assertThat(app.post("/api/plugins/ticker/tick", "one").status()).isEqualTo(200);
            Path log = dir.resolve("user_data/flow_logs/ticks.log");
            long deadline = System.currentTimeMillis() + 10_000;
            // The flow's log action creates the file, then writes the line: wait for the line, not just the file.
            while ((!Files.exists(log) || Files.size(log) == 0) && System.currentTimeMillis() < deadline) Thread.sleep(25);
            assertThat(Files.readString(log)).isEqualTo("tick one" + System.lineSeparator());
            assertThat(id).isNotBlank();
        }
    }

    @Test
    void aPluginWhoseClassIsMissingIsMarkedFailedAndTheAppRuns() throws Exception {
        builtIn(dir, "ghost", "com.example.DoesNotExist", true);
        Files.createDirectories(dir.resolve("plugins/broken"));
        Files.writeString(dir.resolve("plugins/broken/plugin.json"), "{\"id\":\"BROKEN!\"}");
        try (TestApp app = TestApp.start(dir)) {
            JsonNode ghost = plugin(app, "ghost");
            assertThat(ghost.get("state").asText()).isEqualTo("failed");
            assertThat(ghost.get("lastError").asText()).contains("com.example.DoesNotExist").contains("not found");
            JsonNode broken = plugin(app, "broken");
            assertThat(broken.get("state").asText()).isEqualTo("invalid");
            assertThat(broken.get("lastError").asText()).contains("'id'");
            assertThat(app.get("/api/status").status()).isEqualTo(200);
            assertThat(app.post("/api/plugins/broken/enable", "").status()).isEqualTo(400);
        }
    }

    @Test
    void zipUploadsAreCheckedBeforeAnythingIsWritten() throws Exception {
        byte[] jar = buildExampleJar(dir);
        byte[] manifest = Files.readAllBytes(EXAMPLE.resolve("plugin/plugin.json"));
        try (TestApp app = TestApp.start(dir)) {
            refused(app, zip(Map.of("plugin.json", manifest, "hello-plugin.jar", jar, "../evil.txt", new byte[1])), "unsafe path");
            refused(app, zip(Map.of("plugin.json", manifest, "hello-plugin.jar", jar, "/etc/evil", new byte[1])), "unsafe path");
            refused(app, zip(Map.of("hello-plugin.jar", jar)), "no plugin.json");
            refused(app, zip(Map.of("plugin.json", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))), "'id'");
            refused(app, zip(Map.of("plugin.json", manifest)), "not in the zip");
            refused(app, zip(Map.of("plugin.json", manifest, "hello-plugin.jar", new byte[(int) PluginManager.MAX_UPLOAD_BYTES + 1])),
                    "larger than");
            refused(app, "not a zip at all".getBytes(StandardCharsets.UTF_8), "not a ZIP file");
            assertThat(dir.resolve("plugins/hello")).doesNotExist();

            TestApp.Response installed = app.upload("/api/plugins/upload", "file",
                    zip(Map.of("plugin.json", manifest, "hello-plugin.jar", jar)), Map.of());
            assertThat(installed.status()).as(installed.body()).isEqualTo(201);
            assertThat(new String(manifest, StandardCharsets.UTF_8)).contains("\"enabledByDefault\": true");
            assertThat(installed.json().get("state").asText()).as("an upload never starts a plugin").isEqualTo("disabled");
            assertThat(installed.json().get("enabled").asBoolean()).isFalse();
            assertThat(installed.json().get("main").asText()).as("shown before it is switched on").isNotEmpty();
            TestApp.Response unconfirmed = app.post("/api/plugins/hello/enable", "");
            assertThat(unconfirmed.status()).isEqualTo(400);
            assertThat(unconfirmed.json().get("field").asText()).isEqualTo("confirm");
            assertThat(unconfirmed.json().get("error").asText()).contains("same rights as LTTH");
            assertThat(plugin(app, "hello").get("state").asText()).isEqualTo("disabled");
            // A new profile does not start it either: its manifest's default does not count for an upload.
            app.post("/api/profiles", "{\"name\":\"second\"}");
            app.post("/api/profiles/switch", "{\"name\":\"second\"}");
            assertThat(plugin(app, "hello").get("state").asText()).isEqualTo("disabled");
            assertThat(app.post("/api/plugins/hello/enable", "{\"confirm\":true}").json().get("state").asText())
                    .isEqualTo("running");
            refused(app, zip(Map.of("plugin.json", manifest, "hello-plugin.jar", jar)), "installed already");

            assertThat(app.delete("/api/plugins/hello").status()).isEqualTo(200);
            assertThat(dir.resolve("plugins/hello")).doesNotExist();
            assertThat(app.get("/api/plugins/hello/stats").status()).isEqualTo(404);
        }
    }

    @Test
    void aZipWithThirtyThousandFilesIsRefusedFromItsTableOfContentsWhileThePageKeepsAnswering() throws Exception {
        byte[] manifest = Files.readAllBytes(EXAMPLE.resolve("plugin/plugin.json"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 30_000; i++) entries.put("assets/f" + i + ".txt", new byte[] {'x'});
        entries.put("hello-plugin.jar", new byte[] {1});
        entries.put("plugin.json", manifest);   // last: a streaming reader would unpack everything before finding it
        byte[] bomb = zip(entries);
        try (TestApp app = TestApp.start(dir)) {
            java.util.concurrent.CompletableFuture<TestApp.Response> upload = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return app.upload("/api/plugins/upload", "file", bomb, Map.of());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            long slowestList = 0;
            while (!upload.isDone()) {
                long start = System.nanoTime();
                assertThat(app.get("/api/plugins").status()).isEqualTo(200);
                slowestList = Math.max(slowestList, System.nanoTime() - start);
            }
            TestApp.Response refused = upload.get();
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).contains("30002 files").contains("at most 2000");
            // Guards against the lock being held for the whole unpacking (15 s before), not a measurement.
            assertThat(java.time.Duration.ofNanos(slowestList)).isLessThan(java.time.Duration.ofSeconds(2));
            try (var left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".plugin-upload"));
            }
        }
    }

    @Test
    void aHugeUploadIsRefusedBeforeItFillsTheDisk() throws Exception {
        long huge = 400L << 20;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (TestApp app = TestApp.start(dir)) {
            // Declared size: refused before the body is read.
            java.net.http.HttpResponse<String> declared = sendUpload(app, huge, true);
            assertThat(declared.statusCode()).isEqualTo(400);
            assertThat(declared.body()).contains("\"field\":\"file\"").contains("at most 20 MB");

            // No declared size (chunked): Jetty's parser stops at the limit; watch what reaches the temp folder.
            java.util.concurrent.atomic.AtomicLong mostOnDisk = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    try (var files = Files.list(tmp)) {
                        long sum = files.filter(p -> p.getFileName().toString().startsWith("MultiPart"))
                                .mapToLong(p -> p.toFile().length()).sum();
                        mostOnDisk.accumulateAndGet(sum, Math::max);
                    } catch (Exception ignored) {
                        // a file went away while listing: look again
                    }
                }
            });
            watcher.start();
            try {
                java.net.http.HttpResponse<String> chunked = sendUpload(app, huge, false);
                assertThat(chunked.statusCode()).isEqualTo(400);
                assertThat(chunked.body()).contains("\"field\":\"file\"").contains("at most 20 MB");
            } finally {
                watching.set(false);
                watcher.join();
            }
            assertThat(mostOnDisk.get()).isLessThan(60L << 20);
            assertThat(app.get("/api/plugins").status()).isEqualTo(200);
        }
    }

    /** A multipart upload of {@code size} zero bytes, produced while it is sent (never held in memory). */
    private static java.net.http.HttpResponse<String> sendUpload(TestApp app, long size, boolean declareLength)
            throws Exception {
        String boundary = "ltth-huge";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long total = head.length + size + tail.length;
        java.util.function.Supplier<java.io.InputStream> body = () -> new java.io.SequenceInputStream(
                java.util.Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head),
                        new ZeroStream(size), new java.io.ByteArrayInputStream(tail))));
        java.net.http.HttpRequest.BodyPublisher publisher = declareLength
                ? java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(body), total)
                : java.net.http.HttpRequest.BodyPublishers.ofInputStream(body);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.baseUrl() + "/api/plugins/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(java.time.Duration.ofSeconds(60)).POST(publisher).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static final class ZeroStream extends java.io.InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) return -1;
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    private static void refused(TestApp app, byte[] zip, String reason) throws Exception {
        TestApp.Response r = app.upload("/api/plugins/upload", "file", zip, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("file");
        assertThat(r.json().get("error").asText()).contains("cannot be installed").contains(reason);
    }

    public static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

}
