package app.ltth.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class RecentLogLinesTest {

    private static LoggingEvent event(String logger, String message) {
        LoggerContext context = new LoggerContext();
        return new LoggingEvent("test", context.getLogger(logger), Level.INFO, message, null, null);
    }

    @Test
    void keepsTheNewestLinesAcrossTheRingAndHandsOutWhatFollowsALine() {
        RecentLogLines lines = new RecentLogLines();
        lines.setContext(new LoggerContext());
        lines.start();
        int total = RecentLogLines.CAPACITY + 150;
        for (int i = 1; i <= total; i++) lines.doAppend(event("app.ltth.flows.FlowEngine", "line " + i));

        assertThat(lines.last()).isEqualTo(total);
        assertThat(lines.after(0, Integer.MAX_VALUE)).hasSize(RecentLogLines.CAPACITY)
                .first().satisfies(l -> assertThat(l.message()).isEqualTo("line 151"));
        assertThat(lines.after(total - 3, 500)).extracting(RecentLogLines.Line::message)
                .containsExactly("line " + (total - 2), "line " + (total - 1), "line " + total);
        assertThat(lines.after(total - 1000, 500)).as("far behind: the newest 500").hasSize(500)
                .last().satisfies(l -> assertThat(l.seq()).isEqualTo(total));
        assertThat(lines.after(total, 500)).isEmpty();
        RecentLogLines.Line last = lines.after(total - 1, 1).get(0);
        assertThat(last.part()).isEqualTo("flows");
        assertThat(last.logger()).isEqualTo("FlowEngine");
        assertThat(LogParts.partOf("org.eclipse.jetty.server.Server")).isEqualTo("other");
        assertThat(LogParts.partOf("app.ltth.Main")).isEqualTo("app");
        assertThat(LogParts.partOf("app.ltth.livestream")).as("a package, not a prefix of a name").isEqualTo("app");
    }
}
