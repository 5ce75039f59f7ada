package app.ltth.live.webcast;

/**
 * Connecting failed, with a message a streamer understands.
 *
 * @see #retryable() whether trying again later can help (a network error) or not (a user that does not exist)
 */
public class WebcastException extends Exception {
    private final boolean retryable;
    private final long retryAfterMillis;

    public WebcastException(String message, boolean retryable) {
        this(message, retryable, 0, null);
    }

    public WebcastException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, 0, cause);
    }

    /** @param retryAfterMillis the least time to wait before the next attempt (a rate limit's Retry-After), or 0 */
    public WebcastException(String message, boolean retryable, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfterMillis = retryAfterMillis;
    }

    /**
     * What went wrong, in the words of the innermost cause that has any, for a message a streamer reads: never a
     * class name (a {@code CompletionException}'s own message is its cause's class and message).
     */
    public static String reason(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message != null && !message.isBlank()) return message;
        if (t instanceof java.net.ConnectException) return "nothing answers at that address";
        if (t instanceof java.net.http.HttpTimeoutException) return "no answer in time";
        return "no further detail";
    }

    public boolean retryable() {
        return retryable;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /**
     * TikTok answered the websocket upgrade with HTTP 200 and a {@code handshake-msg} instead of accepting it. Tried
     * again like any failure; after several of these in a row LTTH may switch to the relay.
     */
    public static final class Refused extends WebcastException {
        private final String handshakeMessage;

        public Refused(String handshakeMessage) {
            super("TikTok refused the connection: " + handshakeMessage + (handshakeMessage.contains("DEVICE_BLOCKED")
                    ? ". TikTok blocks this device for now; LTTH tries again, or use the relay with an API key in the "
                    + "settings." : ". LTTH tries again."), true);
            this.handshakeMessage = handshakeMessage;
        }

        public String handshakeMessage() {
            return handshakeMessage;
        }
    }

    /** The room is no longer live: nothing to reconnect to. */
    public static final class Ended extends WebcastException {
        public Ended(String message) {
            super(message, false);
        }
    }
}
