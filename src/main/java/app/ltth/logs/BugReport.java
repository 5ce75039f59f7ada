package app.ltth.logs;

import app.ltth.json.Json;
import app.ltth.live.webcast.ProbeCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip a streamer attaches to a bug report: the log files, the settings without a single secret, and what
 * {@code webcast probe} says about their LIVE right now (without the API key: the probe only shows how far it gets).
 */
final class BugReport {

    /** The probe waits this long for TikTok's first message; the whole report stays well under a minute. */
    static final int PROBE_WAIT_SECONDS = 5;

    private BugReport() {
    }

    /**
     * @param settings every setting without the secret ones
     * @param probeArgs the probe's command line for the profile's LIVE, or empty when no username is set
     */
    static void write(OutputStream out, Map<String, Object> settings, List<String> probeArgs) throws IOException, InterruptedException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (LogFiles.LogFile f : LogFiles.list()) {
                zip.putNextEntry(new ZipEntry("logs/" + f.name()));
                Files.copy(f.path(), zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("settings.json"));
            zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(settings));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("probe.txt"));
            zip.write(probe(probeArgs).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static String probe(List<String> args) throws InterruptedException {
        if (args.isEmpty()) return "No TikTok username is set in this profile, so there was nothing to probe.\n";
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(text, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("probe"));
        all.addAll(args);
        all.addAll(List.of("--wait", String.valueOf(PROBE_WAIT_SECONDS)));
        print.println("$ ltth webcast " + String.join(" ", all));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        int exit = ProbeCommand.run(all.toArray(String[]::new), print, print, http);
        print.println("(exit code " + exit + ")");
        return text.toString(StandardCharsets.UTF_8);
    }
}
