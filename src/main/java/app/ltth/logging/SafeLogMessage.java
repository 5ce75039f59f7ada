package app.ltth.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with its control characters written out ({@code \n}, {@code \u001b}): names and comments from
 * TikTok reach log lines, and a viewer's line break followed by a time stamp and ERROR would otherwise forge a line
 * of its own (or a terminal escape would recolour the console). Used as {@code %safeMsg} in logback.xml.
 */
public final class SafeLogMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escape(super.convert(event));
    }

    static String escape(String message) {
        if (message == null || message.chars().noneMatch(SafeLogMessage::isControl)) return message;
        StringBuilder out = new StringBuilder(message.length() + 16);
        message.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) out.append(String.format("\\u%04x", c));
                    else out.append((char) c);
                }
            }
        });
        return out.toString();
    }

    /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators that some viewers break lines at. */
    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }
}
