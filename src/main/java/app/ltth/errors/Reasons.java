package app.ltth.errors;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What went wrong, in words a streamer reads: never a class name, never "null". */
public final class Reasons {

    private Reasons() {
    }

    /**
     * The message of the innermost cause that has one (a {@code CompletionException}'s own message is its cause's
     * class and message), or words for the network failures that come without one.
     */
    public static String of(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message != null && !message.isBlank()) return message;
        if (t instanceof ConnectException) return "nothing answers at that address";
        if (t instanceof HttpTimeoutException) return "no answer in time";
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "the address cannot be found (no internet, or DNS fails)";
        }
        return "no further detail";
    }
}
