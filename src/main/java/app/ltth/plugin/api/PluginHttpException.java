package app.ltth.plugin.api;

/** Thrown by a route handler to answer with an error status and message, e.g. 400 for bad input. */
public class PluginHttpException extends Exception {
    private final int status;

    public PluginHttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
