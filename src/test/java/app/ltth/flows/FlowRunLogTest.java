package app.ltth.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class FlowRunLogTest {

    private static final Path DEV_FULL = Path.of("/dev/full");
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    @TempDir
    Path dir;

    private static FlowRun run(int i) {
        return new FlowRun("f" + i, "flow " + i, "chat", i, "comment startsWith !hi", true,
                List.of(new FlowRun.Step("overlayText", 1, "ok", "shown " + "x".repeat(200))), "done");
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(OPEN_FILES)) {
            return fds.count();
        }
    }

    @Test
    void runsAreOneJsonLineEachOnceFlushed() throws Exception {
        try (FlowRunLog log = new FlowRunLog(dir.resolve("flow_logs"))) {
            log.append(run(1));
            log.append(run(2));
            log.flush();
            List<String> lines = Files.readAllLines(dir.resolve("flow_logs/" + LocalDate.now() + ".jsonl"));
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).startsWith("{\"flowId\":\"f2\"").contains("\"status\":\"done\"");
        }
    }

    @Test
    void aFullDiskIsSaidOnceLeaksNoFileAndTheLogCarriesOnWhenThereIsRoomAgain() throws Exception {
        assumeTrue(Files.isWritable(DEV_FULL) && Files.isDirectory(OPEN_FILES), "needs Linux's /dev/full and /proc");
        Path today = dir.resolve(LocalDate.now() + ".jsonl");
        Files.createSymbolicLink(today, DEV_FULL);   // every write to it fails: "No space left on device"
        Logger logger = (Logger) LoggerFactory.getLogger(FlowRunLog.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try (FlowRunLog log = new FlowRunLog(dir)) {
            long before = openFiles();
            for (int second = 0; second < 20; second++) {
                for (int i = 0; i < 100; i++) log.append(run(i));   // more than the writer's buffer: writes fail here too
                log.flush();
            }
            // Leaking, it was one file per failed write: about 50 here. The slack is for other threads of the test JVM.
            assertThat(openFiles()).as("files left open by failed writes").isLessThanOrEqualTo(before + 10);
            assertThat(warnings.list).hasSize(1);
            assertThat(warnings.list.get(0).getFormattedMessage()).startsWith("Could not write the flow log");

            Files.delete(today);   // room again
            log.append(run(7));
            log.flush();
            assertThat(Files.readAllLines(today)).hasSize(1).allMatch(line -> line.contains("\"flowId\":\"f7\""));
        } finally {
            logger.detachAppender(warnings);
        }
    }
}
