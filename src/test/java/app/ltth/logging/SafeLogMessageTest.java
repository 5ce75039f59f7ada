package app.ltth.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SafeLogMessageTest {

    /** The line the real logback.xml writes to the console and to ltth.log for a message about a viewer. */
    private static String line(String appender, String comment) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<?> out = (OutputStreamAppender<?>) root.getAppender(appender);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), root, Level.INFO, "Chat from {}: {}", null,
                new Object[] {"mallory", comment});
        @SuppressWarnings("unchecked")
        var encoder = (ch.qos.logback.core.encoder.Encoder<LoggingEvent>) out.getEncoder();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void aViewersLineBreakCannotForgeALogLine() {
        String forged = "hi\n19:10:00.000 ERROR App - LTTH was hacked\r\u001b[31m\u2028";
        for (String appender : new String[] {"CONSOLE", "FILE"}) {
            String line = line(appender, forged);
            assertThat(line.lines()).as(appender).hasSize(1);
            assertThat(line).as(appender)
                    .contains("Chat from mallory: hi\\n19:10:00.000 ERROR App - LTTH was hacked\\r\\u001b[31m\\u2028")
                    .doesNotContain("\u001b");
        }
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(SafeLogMessage.escape("Rose x5 from Ünal 🌹")).isEqualTo("Rose x5 from Ünal 🌹");
        assertThat(SafeLogMessage.escape("a\tb")).isEqualTo("a\\tb");
    }
}
