package app.ltth.input;

/** Input that cannot be accepted, naming the offending field so the dashboard can show the message next to it. */
public class ValidationException extends RuntimeException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON field at fault, or null when the input as a whole is wrong. */
    public String field() {
        return field;
    }
}
