package app.ltth.bench;

import app.ltth.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark suite: {@code mvn -B -Pbench verify}. Prints the tables, writes target/bench/results.json and puts
 * the tables into BENCHMARKS.md (between its markers), all with the machine, JVM and commit they were measured on.
 *
 * <p>{@code -Dbench.only=pipeline,latency,endtoend,viewers,process} runs some sections only (BENCHMARKS.md is then left as it is);
 * {@code -Dbench.loadMinutes=N} shortens the memory run (default 10), {@code -Dbench.latencySeconds=N} each latency
 * cell (default 10), {@code -Dbench.e2eSeconds=N} each end-to-end run (default 20).
 */
public final class BenchmarkSuite {

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Set<String> only = Arrays.stream(System.getProperty("bench.only", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Map<String, Object> machine = Machine.describe();
        System.out.println("Benchmarks on " + Machine.oneLine(machine));
        List<Table> tables = new ArrayList<>();
        if (only.isEmpty() || only.contains("pipeline")) tables.add(section("pipeline", () -> PipelineBenchmark.run(dir)));
        if (only.isEmpty() || only.contains("latency")) tables.add(section("latency", () -> LatencyBenchmark.run(dir)));
        if (only.isEmpty() || only.contains("endtoend")) tables.add(section("end-to-end", () -> EndToEndBenchmark.run(dir)));
        if (only.isEmpty() || only.contains("viewers")) tables.add(section("viewer levels", () -> ViewerLoadBenchmark.run(dir)));
        if (only.isEmpty() || only.contains("process")) tables.add(section("process", () -> ProcessBenchmark.run(dir)));

        String command = "mvn -B -Pbench verify" + (only.isEmpty() ? "" : " -Dbench.only=" + String.join(",", only));
        StringBuilder report = new StringBuilder();
        report.append("Measured ").append(java.time.LocalDate.now()).append(" with `").append(command).append("` on ")
                .append(Machine.oneLine(machine)).append(".\n\n");
        tables.forEach(t -> report.append(t.markdown()).append('\n'));
        System.out.println();
        System.out.println(report);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("machine", machine);
        for (Table t : tables) json.put(t.title(), t.json());
        Files.writeString(dir.resolve("results.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        Files.writeString(dir.resolve("results.md"), report);
        System.out.println("Written to " + dir.resolve("results.json") + " and " + dir.resolve("results.md"));
        if (only.isEmpty()) updateBenchmarksFile(Path.of("BENCHMARKS.md"), report.toString());
    }

    @FunctionalInterface
    private interface Section {
        Table run() throws Exception;
    }

    private static Table section(String name, Section section) throws Exception {
        System.out.println("Running the " + name + " benchmark ...");
        long start = System.nanoTime();
        Table table = section.run();
        System.out.printf("... %s done in %.0f s%n", name, PipelineBenchmark.seconds(start));
        return table;
    }

    /** Replaces what stands between the markers, so BENCHMARKS.md always shows the latest full run. */
    static void updateBenchmarksFile(Path file, String report) throws Exception {
        String text = Files.readString(file);
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        if (from < 0 || to < from) throw new IllegalStateException(file + " lacks the markers " + START + " and " + END);
        Files.writeString(file, text.substring(0, from + START.length()) + "\n" + report + text.substring(to));
        System.out.println("Updated " + file);
    }
}
