package app.ltth.live.webcast;

import app.ltth.live.webcast.proto.BaseProtoMessage;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar ltth.jar webcast probe USERNAME}: the connection to a LIVE step by step (room lookup, signing, the
 * websocket upgrade, the first message), each with its time and, when it fails, what went wrong in words. Secrets
 * (the API key, TikTok's cookie) are masked, so the output can be pasted into a bug report as it is.
 */
public final class ProbeCommand {

    static final String USAGE = """
            Usage: java -jar ltth.jar webcast probe USERNAME [options]
              --room ID             skip the room lookup and use this room id
              --key KEY             your Euler Stream API key (or the environment variable LTTH_SIGN_API_KEY)
              --sign-url URL        the signing service ({roomId}, {userAgent}); default: %s
              --live-page-url URL   TikTok's LIVE page ({user})
              --api-live-url URL    TikTok's room JSON ({user})
              --ws-params P         websocket parameters to change, as name=value&name=value
              --wait SECONDS        how long to wait for the first message (default 15)
            """.formatted(WebcastConfig.defaults().signUrl());

    private static final List<String> OPTIONS = List.of("room", "key", "sign-url", "live-page-url", "api-live-url",
            "ws-params", "wait");

    private ProbeCommand() {
    }

    /** @return the exit code: 0 when every step worked, 1 when one failed, 2 for wrong arguments */
    public static int run(String[] args, PrintStream out, PrintStream err, HttpClient http) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        String user = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (!OPTIONS.contains(args[i].substring(2))) return usage(err, "Unknown option " + args[i] + ".");
                if (i + 1 >= args.length) return usage(err, args[i] + " needs a value.");
                options.put(args[i].substring(2), args[++i]);
            } else if (user == null) {
                user = args[i].startsWith("@") ? args[i].substring(1) : args[i];
            } else {
                return usage(err, "Unknown argument '" + args[i] + "'.");
            }
        }
        if (user == null) return usage(err, "Name the TikTok user whose LIVE to probe.");
        WebcastConfig d = WebcastConfig.defaults();
        long waitSeconds;
        try {
            waitSeconds = Long.parseLong(options.getOrDefault("wait", "15"));
        } catch (NumberFormatException e) {
            return usage(err, "--wait takes a number of seconds.");
        }
        WebcastConfig config;
        try {
            config = new WebcastConfig(options.getOrDefault("live-page-url", d.livePageUrl()),
                    options.getOrDefault("api-live-url", d.apiLiveUrl()), options.getOrDefault("sign-url", d.signUrl()),
                    d.relayUrl(), d.userAgent(), BrowserParams.override(d.browserParams(), options.getOrDefault("ws-params", "")),
                    d.heartbeat(), d.silenceLimit(), d.streakTimeout(), d.backoffBase(), d.backoffMax(), d.httpTimeout());
        } catch (IllegalArgumentException e) {   // --ws-params that are not name=value
            return usage(err, e.getMessage());
        }
        String key = options.getOrDefault("key", System.getenv().getOrDefault("LTTH_SIGN_API_KEY", ""));
        return new Probe(out, http, config, user, options.get("room"), key, waitSeconds).run();
    }

    private static int usage(PrintStream err, String why) {
        err.print(why + "\n" + USAGE);
        return 2;
    }

    /** The steps, with their report. */
    private static final class Probe {
        private final PrintStream out;
        private final HttpClient http;
        private final WebcastConfig config;
        private final String user;
        private final String room;
        private final String key;
        private final long waitSeconds;
        private boolean failed;

        Probe(PrintStream out, HttpClient http, WebcastConfig config, String user, String room, String key, long waitSeconds) {
            this.out = out;
            this.http = http;
            this.config = config;
            this.user = user;
            this.room = room;
            this.key = key;
            this.waitSeconds = waitSeconds;
        }

        int run() throws InterruptedException {
            out.println("LTTH webcast probe for @" + user + " at " + Instant.now() + " (Java "
                    + System.getProperty("java.version") + ", " + System.getProperty("os.name") + ")");
            out.println("sign service: " + host(config.signUrl()) + ", API key: " + mask(key) + ", User-Agent: "
                    + config.userAgent());
            String roomId = lookup();
            SignClient.Signed signed = roomId == null ? skipped("2. sign") : sign(roomId);
            WebcastSession session = signed == null ? skipped("3. upgrade") : upgrade(roomId, signed);
            if (session != null) {
                firstMessage(session);
                session.close();
            } else {
                skipped("4. first message");
            }
            out.println(failed ? "Result: the connection does not work; the failed step says why."
                    : "Result: every step worked.");
            out.flush();
            return failed ? 1 : 0;
        }

        private String lookup() throws InterruptedException {
            if (room != null) {
                step("1. room lookup", true, 0, "skipped: room " + room + " given with --room");
                return room;
            }
            long t = System.nanoTime();
            try {
                RoomLookup.Room r = new RoomLookup(http, config).find(user);
                boolean live = r.live();
                step("1. room lookup", live, t, "room " + r.roomId() + ", status " + r.status() + " ("
                        + switch (r.status()) {
                            case 2 -> "live";
                            case 3 -> "paused";
                            case 4 -> "ended: @" + user + " is not LIVE right now";
                            default -> "not said";
                        } + ")");
                return live ? r.roomId() : null;
            } catch (WebcastException e) {
                step("1. room lookup", false, t, e.getMessage());
                return null;
            }
        }

        private SignClient.Signed sign(String roomId) throws InterruptedException {
            long t = System.nanoTime();
            try {
                SignClient.Signed s = new SignClient(http, config).sign(roomId, key);
                var result = s.fetchResult();
                step("2. sign", true, t, "push server " + host(result.getPushServer()) + ", "
                        + result.getRouteParamsCount() + " route parameter(s), cookie " + maskCookie(s.cookie()) + ", "
                        + result.getMessagesCount() + " first message(s)" + (result.getNeedAck() ? ", needs acks" : ""));
                return s;
            } catch (WebcastException e) {
                step("2. sign", false, t, e.getMessage());
                return null;
            }
        }

        private final CountDownLatch first = new CountDownLatch(1);
        private final AtomicReference<String> firstSeen = new AtomicReference<>();

        private WebcastSession upgrade(String roomId, SignClient.Signed signed) throws InterruptedException {
            long t = System.nanoTime();
            try {
                WebcastSession session = WebcastSession.open(http, config, Long.parseLong(roomId.trim()), signed,
                        new WebcastSession.Handler() {
                            @Override
                            public void frame(byte[] frame) {
                                firstSeen.compareAndSet(null, describe(frame));
                                first.countDown();
                            }

                            @Override
                            public void closed(String reason) {
                                firstSeen.compareAndSet(null, "the socket was " + reason);
                                first.countDown();
                            }
                        });
                step("3. upgrade", true, t, "accepted by " + host(signed.fetchResult().getPushServer()) + " with "
                        + config.browserParams().size() + " browser parameters");
                return session;
            } catch (WebcastException e) {
                step("3. upgrade", false, t, e.getMessage());
                return null;
            } catch (NumberFormatException e) {
                step("3. upgrade", false, t, "'" + roomId + "' is not a room id: it is a number.");
                return null;
            }
        }

        private void firstMessage(WebcastSession session) throws InterruptedException {
            long t = System.nanoTime();
            boolean arrived = first.await(waitSeconds, TimeUnit.SECONDS);
            String what = firstSeen.get();
            boolean ok = arrived && what != null && !what.startsWith("the socket was");
            step("4. first message", ok, t, !arrived ? "nothing within " + waitSeconds + " s (a quiet LIVE sends "
                    + "little; try --wait 60)" : what);
        }

        private static String describe(byte[] bytes) {
            try {
                WebcastCodec.Frame frame = WebcastCodec.decodeFrame(bytes, System.currentTimeMillis());
                if (frame.fetchResult() == null) return "a '" + frame.payloadType() + "' frame";
                List<String> methods = frame.fetchResult().getMessagesList().stream().map(BaseProtoMessage::getMethod)
                        .distinct().limit(5).toList();
                return "a frame with " + frame.messages() + " message(s): " + String.join(", ", methods);
            } catch (InvalidFrameException e) {
                return "a frame LTTH cannot read (" + e.getMessage() + ")";
            }
        }

        private void step(String name, boolean ok, long startNanos, String detail) {
            long ms = startNanos == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            if (!ok) failed = true;
            out.printf(Locale.ROOT, "%-17s %-4s %6d ms  %s%n", name, ok ? "ok" : "FAIL", ms, detail);
        }

        /** A step not taken; always null, for the step's result. */
        private <T> T skipped(String name) {
            out.printf(Locale.ROOT, "%-17s %-4s %6s     %s%n", name, "-", "", "skipped: an earlier step failed");
            return null;
        }
    }

    /** Only the scheme and host of an address: its query may hold signatures. */
    static String host(String url) {
        try {
            URI uri = URI.create(url.replace("{", "%7B").replace("}", "%7D"));
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
        } catch (IllegalArgumentException e) {
            return "(not a valid address)";
        }
    }

    static String mask(String secret) {
        if (secret == null || secret.isBlank()) return "not set";
        return "set (" + secret.length() + " characters, ending …" + secret.substring(Math.max(0, secret.length() - 2)) + ")";
    }

    /** Cookie names only: the values are TikTok's session. */
    static String maskCookie(String cookie) {
        StringBuilder names = new StringBuilder();
        for (String part : cookie.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) continue;
            if (names.length() > 0) names.append("; ");
            names.append(part.substring(0, eq).strip()).append("=***");
        }
        return names.length() == 0 ? "(none)" : names.toString();
    }
}
