package app.ltth.web;

import io.javalin.http.Context;

/**
 * The security headers of every answer: what a page may load and run, who may frame it, and who may read it.
 *
 * <p>Scripts come only from LTTH's own files (no inline script, no handler attribute, no eval), so text that slipped
 * into a page as HTML still cannot run. Styles may be inline: they cannot run code, and pages and the formatting
 * allow-list set sizes that way. Pictures and sounds may come from any HTTPS host, because TikTok's avatars and gift
 * images live on its CDNs. The only other connection a page makes is the Socket.IO port.
 *
 * <p>Dashboard pages may be framed only by LTTH itself (the overlay previews), so another page cannot lay a framed
 * Plugins page under a harmless-looking button. Overlays carry no framing rule: OBS and other streaming tools
 * embed them.
 */
final class PagePolicy {

    private final int socketPort;

    PagePolicy(int socketPort) {
        this.socketPort = socketPort;
    }

    void apply(Context ctx) {
        String path = ctx.path();
        boolean overlay = isOverlay(path);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", contentPolicy(hostName(ctx.host()), overlay));
        if (path.startsWith("/api/")) {
            ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        }
        if (!overlay) {
            ctx.header("X-Frame-Options", "SAMEORIGIN");
        }
    }

    /** Overlays are loaded by OBS (and framed by other tools); plugins put theirs at {@code /plugins/<id>/overlay.html}. */
    static boolean isOverlay(String path) {
        return path.startsWith("/overlays/") || path.equals("/overlay.html")
                || (path.startsWith("/plugins/") && path.endsWith("/overlay.html"));
    }

    String contentPolicy(String hostName, boolean overlay) {
        String socket = "ws://" + hostName + ":" + socketPort;
        return "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
                + "media-src 'self' data: blob: https:; font-src 'self' data:; frame-src 'self'; "
                + "connect-src 'self' " + socket
                + (overlay ? "" : "; frame-ancestors 'self'");
    }

    /** The host name of a Host header that the server has checked already ({@code 127.0.0.1:3000}). */
    private static String hostName(String host) {
        if (host == null) return "127.0.0.1";
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }
}
