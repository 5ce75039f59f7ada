package app.ltth.tts;

/** An engine could not speak; the message says why in words a streamer understands (never with a key in it). */
public final class TtsException extends Exception {
    public TtsException(String message) {
        super(message);
    }

    public TtsException(String message, Throwable cause) {
        super(message, cause);
    }
}
