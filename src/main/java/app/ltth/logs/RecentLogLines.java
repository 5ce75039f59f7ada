package app.ltth.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #CAPACITY} log lines in memory, for the Logs page: it asks for the lines after the last one it has.
 * Attached to the root logger while LTTH runs; each line is kept as data, and the page shows it as text.
 */
public final class RecentLogLines extends AppenderBase<ILoggingEvent> {

    static final int CAPACITY = 2_000;

    /** One log line; {@code seq} counts from 1 and never repeats while LTTH runs. */
    public record Line(long seq, long time, String level, String part, String logger, String message) {
    }

    private final Line[] ring = new Line[CAPACITY];
    private long last;

    /** Attaches a new buffer to logback's root logger (nothing is kept where logback is not the logger). */
    public static RecentLogLines attach() {
        RecentLogLines lines = new RecentLogLines();
        lines.setName("ltth-recent-lines");
        LoggerContext context = LogParts.context();
        if (context != null) {
            lines.setContext(context);
            lines.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(lines);
        }
        return lines;
    }

    public void detach() {
        LoggerContext context = LogParts.context();
        if (context != null) context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) message = message + " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")";
        String logger = event.getLoggerName();
        synchronized (this) {
            last++;
            ring[(int) (last % CAPACITY)] = new Line(last, event.getTimeStamp(), event.getLevel().toString(),
                    LogParts.partOf(logger), logger.substring(logger.lastIndexOf('.') + 1), message);
        }
    }

    /**
     * The lines after {@code seq}, oldest first; at most the newest {@code limit} of them (a page far behind skips
     * ahead: the log files keep everything).
     */
    public synchronized List<Line> after(long seq, int limit) {
        long from = Math.max(Math.max(seq, 0) + 1, last - CAPACITY + 1);
        from = Math.max(from, last - limit + 1);
        List<Line> out = new ArrayList<>();
        for (long s = Math.max(from, 1); s <= last; s++) out.add(ring[(int) (s % CAPACITY)]);
        return out;
    }

    public synchronized long last() {
        return last;
    }
}
