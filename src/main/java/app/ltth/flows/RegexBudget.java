package app.ltth.flows;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The time all regex conditions of one event may take together. Java's regex engine backtracks, so a pattern such as
 * {@code ^(a+)+$} on a viewer's chat can run for ever; each match is cut off at the budget's end, and once the budget
 * is spent the remaining regex conditions of that event do not match. Ten slow conditions therefore cost one budget
 * per chat, not ten.
 */
public final class RegexBudget {

    /** What one event's regex conditions may spend together. */
    public static final long MILLIS = 50;

    private final LongSupplier nanoTime;
    private final long deadline;

    RegexBudget(LongSupplier nanoTime, long millis) {
        this.nanoTime = nanoTime;
        this.deadline = nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** A budget of {@link #MILLIS}, starting now. */
    public static RegexBudget startingNow() {
        return new RegexBudget(System::nanoTime, MILLIS);
    }

    /** Whether the pattern is found in the input in the time left; a search that runs out of time does not match. */
    boolean find(Pattern regex, String input) {
        if (nanoTime.getAsLong() - deadline > 0) return false;
        CharSequence bounded = new CharSequence() {
            public int length() {
                return input.length();
            }

            public char charAt(int index) {
                if (nanoTime.getAsLong() - deadline > 0) throw new OutOfTime();
                return input.charAt(index);
            }

            public CharSequence subSequence(int start, int end) {
                return input.subSequence(start, end);
            }

            public String toString() {
                return input;
            }
        };
        try {
            return regex.matcher(bounded).find();
        } catch (OutOfTime e) {
            return false;
        }
    }

    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }
}
