package app.ltth.live.webcast;

import app.ltth.i18n.Message;

/**
 * Connecting failed, with a message a streamer understands: in English for the log, and as a {@link Message} the
 * dashboard says in the streamer's language, with what the {@link Problem} is.
 *
 * @see #retryable() whether trying again later can help (a network error) or not (a user that does not exist)
 */
public class WebcastException extends Exception {

    /** Whose the problem is, so the dashboard can point at it (only a username problem marks the username field). */
    public enum Problem {
        USERNAME, ROOM_ID, NOT_LIVE, NETWORK, TIKTOK, SIGN_SERVICE, RELAY, SETTINGS;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Problem problem;
    private final Message text;
    private final boolean retryable;
    private final long retryAfterMillis;

    public WebcastException(Problem problem, Message text, String message, boolean retryable) {
        this(problem, text, message, retryable, 0, null);
    }

    public WebcastException(Problem problem, Message text, String message, boolean retryable, Throwable cause) {
        this(problem, text, message, retryable, 0, cause);
    }

    /** @param retryAfterMillis the least time to wait before the next attempt (a rate limit's Retry-After), or 0 */
    public WebcastException(Problem problem, Message text, String message, boolean retryable, long retryAfterMillis,
                            Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.text = text;
        this.retryable = retryable;
        this.retryAfterMillis = retryAfterMillis;
    }

    public Problem problem() {
        return problem;
    }

    /** The message by locale key, for the dashboard. */
    public Message text() {
        return text;
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
            super(Problem.TIKTOK, Message.of(handshakeMessage.contains("DEVICE_BLOCKED") ? "connect.error.blocked"
                    : "connect.error.refused"), "TikTok refused the connection: " + handshakeMessage
                    + (handshakeMessage.contains("DEVICE_BLOCKED") ? ". TikTok blocks this device for now; LTTH tries "
                    + "again, or use the relay with an API key in the settings." : ". LTTH tries again."), true);
            this.handshakeMessage = handshakeMessage;
        }

        public String handshakeMessage() {
            return handshakeMessage;
        }
    }

    /** The room is no longer live: nothing to reconnect to. */
    public static final class Ended extends WebcastException {
        public Ended(String message) {
            super(Problem.NOT_LIVE, Message.of("connect.error.ended"), message, false);
        }
    }
}
