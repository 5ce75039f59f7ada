package app.ltth.startup;

/** A part of the app could not start; the message names the part and the reason. */
public class StartupException extends Exception {
    public StartupException(String step, Throwable cause) {
        super("LTTH could not start the " + step + ": " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
