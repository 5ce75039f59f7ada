package app.ltth.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every result is recorded with: the machine, the JVM and the commit. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", cpu());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGb", memoryGb());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("commit", commit());
        return m;
    }

    static String oneLine(Map<String, Object> m) {
        return m.get("cpu") + ", " + m.get("cores") + " cores, " + m.get("memoryGb") + " GB, " + m.get("os") + ", "
                + m.get("jvm") + ", commit " + m.get("commit");
    }

    private static String cpu() {
        return procLine("/proc/cpuinfo", "model name").orElse("unknown CPU");
    }

    private static long memoryGb() {
        return procLine("/proc/meminfo", "MemTotal").map(v -> Math.round(Long.parseLong(v.replaceAll("[^0-9]", "")) / 1048576.0))
                .orElse(-1L);
    }

    private static java.util.Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            boolean dirty = new ProcessBuilder("git", "diff", "--quiet", "HEAD").start().waitFor() != 0;
            return git.waitFor() == 0 ? out + (dirty ? " (with uncommitted changes)" : "") : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
