package app.ltth.health;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's memory: the Java heap, and the resident set size the operating system counts (what a streamer sees
 * in the task manager; Linux only, -1 elsewhere).
 */
public record Memory(long heapUsed, long heapCommitted, long heapMax, long rss) {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    public static Memory now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Memory(heap.getUsed(), heap.getCommitted(), heap.getMax(), residentSetSize());
    }

    static long residentSetSize() {
        try {
            return Files.readAllLines(PROC_STATUS).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
