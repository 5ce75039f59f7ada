package app.ltth.live.webcast;

/** Bytes that are not a WebCast frame at all; counted and skipped by the connector. */
public class InvalidFrameException extends Exception {
    public InvalidFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
