package app.ltth.web;

import app.ltth.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;

/**
 * A file uploaded as a multipart field, with a size limit that holds before anything is written: a request that
 * says it is larger is refused unread, and Jetty's parser stops at the limit for one that does not say (chunked).
 * Without this, Jetty would spool any size to the temp folder before a route could look at it.
 */
public final class Uploads {

    /** Room for the form's other fields and the multipart headers around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    /** Parts up to this size stay in memory; larger ones go to a temp file that Jetty deletes after the request. */
    private static final int IN_MEMORY = 1 << 20;
    /** The request attribute through which Javalin hands Jetty the multipart limits of this one request. */
    private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

    private Uploads() {
    }

    /**
     * The multipart file field {@code field}, at most {@code maxBytes} large.
     *
     * @param what what the file is, for the message ("plugin", "profile export")
     * @throws ValidationException (400, naming {@code field}) when it is missing, too large or not readable
     */
    public static UploadedFile file(Context ctx, String field, long maxBytes, String what) {
        if (ctx.contentLength() > maxBytes + FORM_OVERHEAD) throw tooLarge(field, maxBytes, what);
        ctx.req().setAttribute(JETTY_MULTIPART_CONFIG, new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), maxBytes, maxBytes + FORM_OVERHEAD, IN_MEMORY));
        UploadedFile file;
        try {
            file = ctx.uploadedFile(field);
        } catch (Exception e) {   // Jetty's parser fails with a checked ServletException, rethrown unchecked
            if (exceedsLimit(e)) throw tooLarge(field, maxBytes, what);
            throw new ValidationException(field, "The upload could not be read (it was cut off or is not a form "
                    + "upload). Try again.");
        }
        if (file == null) {
            throw new ValidationException(field, "Send the " + what + " as the multipart field '" + field + "'");
        }
        if (file.size() > maxBytes) throw tooLarge(field, maxBytes, what);
        return file;
    }

    /** Jetty says "max file size exceeded" (or "max length exceeded") somewhere down the cause chain. */
    private static boolean exceedsLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("exceeded")) return true;
        }
        return false;
    }

    private static ValidationException tooLarge(String field, long maxBytes, String what) {
        return new ValidationException(field, "This " + what + " is too large: at most " + (maxBytes >> 20)
                + " MB can be uploaded.");
    }
}
