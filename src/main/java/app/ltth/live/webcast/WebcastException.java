package app.ltth.live.webcast;

/**
 * Connecting failed, with a message a streamer understands.
 *
 * @see #retryable() whether trying again later can help (a network error) or not (a user that does not exist)
 */
public class WebcastException extends Exception {
    private final boolean retryable;

    public WebcastException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public WebcastException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
