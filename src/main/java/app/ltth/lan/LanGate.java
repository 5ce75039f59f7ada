package app.ltth.lan;

import app.ltth.web.Access;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Who gets in from another computer in LAN mode, and with what rights. Pure: the tokens and the clock are handed in.
 *
 * <p>The dashboard link's token gives what this computer has; the overlay link's token opens overlays and what they
 * read, nothing that changes or shows settings, uploads or plugins. Guessing is slowed down: after
 * {@value #WRONG_TOKENS_ALLOWED} wrong tokens within a minute, an address is refused for the rest of that minute,
 * even with a right one.
 */
public final class LanGate {

    static final int WRONG_TOKENS_ALLOWED = 5;
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    /** The answer for one request or connection. */
    public sealed interface Verdict {
        record Admitted(Access access) implements Verdict {
        }

        record Refused(int status, String message) implements Verdict {
        }
    }

    private record Attempts(long windowStart, int wrong) {
    }

    private final Supplier<LanTokens> tokens;
    private final LongSupplier nanoTime;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    public LanGate(Supplier<LanTokens> tokens, LongSupplier nanoTime) {
        this.tokens = tokens;
        this.nanoTime = nanoTime;
    }

    /** A page or API request from {@code address}, with the token it brought (from the link or its cookie). */
    public Verdict request(String address, String method, String path, String token) {
        Verdict verdict = token(address, token);
        if (verdict instanceof Verdict.Admitted admitted && admitted.access() == Access.OVERLAY
                && !overlayMayRead(method, path)) {
            return new Verdict.Refused(401, "The overlay link opens overlays only. Use the dashboard link for "
                    + "this page.");
        }
        return verdict;
    }

    /** Which rights {@code token} brings, counting wrong ones per address. */
    public Verdict token(String address, String token) {
        long now = nanoTime.getAsLong();
        Attempts seen = attempts.get(address);
        boolean fresh = seen == null || now - seen.windowStart() > WINDOW_NANOS;
        if (!fresh && seen.wrong() >= WRONG_TOKENS_ALLOWED) {
            return new Verdict.Refused(429, "Too many wrong LTTH links from this device. Wait a minute, then open "
                    + "the link shown on the streamer's dashboard.");
        }
        if (token == null || token.isEmpty()) {
            return new Verdict.Refused(401, "This LTTH needs its access link: open the link (or scan the QR code) "
                    + "shown on the streamer's dashboard under LAN access.");
        }
        LanTokens current = tokens.get();
        if (same(token, current.dashboard())) return new Verdict.Admitted(Access.FULL);
        if (same(token, current.overlay())) return new Verdict.Admitted(Access.OVERLAY);
        if (attempts.size() > MAX_TRACKED_ADDRESSES) attempts.clear();
        attempts.put(address, fresh ? new Attempts(now, 1) : new Attempts(seen.windowStart(), seen.wrong() + 1));
        return new Verdict.Refused(401, "This LTTH link is not valid (any more). Open the link shown on the "
                + "streamer's dashboard under LAN access.");
    }

    /** Compared in constant time: how long a refusal takes says nothing about how much of a token was right. */
    private static boolean same(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What an overlay needs: its pages and their files, uploaded media, the spoken and played sounds, the leaderboard
     * and the socket port. Reads only.
     */
    static boolean overlayMayRead(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) return false;
        if (path.contains("..")) return false;
        for (String prefix : new String[] {"/overlays/", "/js/", "/css/", "/vendor/", "/webjars/", "/img/", "/locales/",
                "/media/", "/api/tts/audio/", "/api/soundboard/files/"}) {
            if (path.startsWith(prefix)) return true;
        }
        if (path.startsWith("/plugins/")) {
            String rest = path.substring("/plugins/".length());
            int slash = rest.indexOf('/');
            String file = slash < 0 ? "" : rest.substring(slash + 1);
            return file.equals("overlay.html") || file.startsWith("assets/");
        }
        return path.equals("/overlay.html") || path.equals("/api/client-config") || path.equals("/api/leaderboard");
    }
}
