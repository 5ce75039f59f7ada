package app.ltth.web;

import app.ltth.input.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file uploaded as a multipart field, with a size limit that holds before anything is written: a request that
 * says it is larger is refused before a byte of it is kept, and Jetty's parser stops at the limit for one that does
 * not say (chunked). Without this, Jetty would spool any size to the temp folder before a route could look at it.
 */
public final class Uploads {

    /** Room for the form's other fields and the multipart headers around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    /** Parts up to this size stay in memory; larger ones go to a temp file that Jetty deletes after the request. */
    private static final int IN_MEMORY = 1 << 20;
    /** The request attribute through which Javalin hands Jetty the multipart limits of this one request. */
    private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final long DROP_MAX_BYTES = 1L << 30;
    private static final long DROP_MAX_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(20);

    private Uploads() {
    }

    /**
     * The multipart file field {@code field}, at most {@code maxBytes} large.
     *
     * @param what what the file is, for the message ("plugin", "profile export")
     * @throws ValidationException (400, naming {@code field}) when it is missing, too large or not readable
     */
    public static UploadedFile file(Context ctx, String field, long maxBytes, String what) {
        if (ctx.contentLength() > maxBytes + FORM_OVERHEAD) throw tooLarge(ctx, field, maxBytes, what);
        ctx.req().setAttribute(JETTY_MULTIPART_CONFIG, new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), maxBytes, maxBytes + FORM_OVERHEAD, IN_MEMORY));
        UploadedFile file;
        try {
            file = ctx.uploadedFile(field);
        } catch (Exception e) {   // Jetty's parser fails with a checked ServletException, rethrown unchecked
            if (exceedsLimit(e)) throw tooLarge(ctx, field, maxBytes, what);
            throw new ValidationException(field, "The upload could not be read (it was cut off or is not a form "
                    + "upload). Try again.");
        }
        if (file == null) {
            throw new ValidationException(field, "Send the " + what + " as the multipart field '" + field + "'");
        }
        if (file.size() > maxBytes) throw tooLarge(ctx, field, maxBytes, what);
        return file;
    }

    /**
     * Reads what is left of a refused upload and throws it away (nothing is kept or written). A connection closed with
     * data still arriving is reset, and a reset throws away the answer too: the browser would say "connection reset"
     * instead of "too large". Stops after {@link #DROP_MAX_BYTES} or {@link #DROP_MAX_NANOS}; then the reset it is.
     */
    private static void dropTheRest(Context ctx) {
        byte[] buffer = new byte[64 * 1024];
        long dropped = 0;
        long deadline = System.nanoTime() + DROP_MAX_NANOS;
        try (InputStream in = ctx.req().getInputStream()) {
            for (int n; dropped < DROP_MAX_BYTES && System.nanoTime() < deadline && (n = in.read(buffer)) != -1; ) {
                dropped += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or Jetty holds the rest: nothing left to be polite about
        }
    }

    /** Jetty says "max file size exceeded" (or "max length exceeded") somewhere down the cause chain. */
    private static boolean exceedsLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("exceeded")) return true;
        }
        return false;
    }

    private static ValidationException tooLarge(Context ctx, String field, long maxBytes, String what) {
        dropTheRest(ctx);
        return new ValidationException(field, "This " + what + " is too large: at most " + (maxBytes >> 20)
                + " MB can be uploaded.");
    }
}
