package app.ltth.obs;

/** OBS answered a request with a failure: its status code and its own words. */
public final class ObsRequestException extends Exception {

    private final int code;

    public ObsRequestException(String requestType, int code, String comment) {
        super("OBS could not do " + requestType + ": " + (comment == null || comment.isBlank() ? "code " + code : comment));
        this.code = code;
    }

    /** The HTTP status that says the same: 404 for a missing scene/source/filter, 409 for a wrong state. */
    public int httpStatus() {
        if (code == 600) return 404;
        if ((code >= 500 && code < 600) || code == 604 || code == 207) return 409;
        if (code >= 300 && code < 500) return 400;
        return 502;
    }
}
