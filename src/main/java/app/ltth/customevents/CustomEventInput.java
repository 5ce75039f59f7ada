package app.ltth.customevents;

import app.ltth.events.CustomEvent;
import app.ltth.events.EventIds;
import app.ltth.events.LiveEvent;
import app.ltth.files.FileModes;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Other programs' events: a Stream Deck, a game or a script sends {@code {"name", "fields"}} over UDP, a WebSocket or
 * HTTP, and it becomes a {@link CustomEvent} on the bus. Each way in is off until the streamer turns it on, listens
 * on this computer only (and on the LAN address while LAN mode is on), and drops what it cannot take: a wrong or
 * missing token, bad JSON, unknown fields, oversized messages and more than the rate limit per source. Every drop is
 * counted by way and reason for the page; none is logged one by one, so a flood cannot fill the log.
 *
 * <p>The choice and the token live in {@code user_data/event-input.json} (0600), for every profile alike.
 */
public final class CustomEventInput implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CustomEventInput.class);

    /** How an event came in; the wire name is also the event's {@code source}. */
    public enum Way {
        UDP, WEBSOCKET, HTTP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a message was dropped. */
    public enum Drop {
        OFF, TOKEN, JSON, FIELDS, SIZE, RATE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of one message: the event, or why it was dropped (and, for a bad field, which). */
    public record Outcome(CustomEvent event, Drop drop, String message, String field) {
        static Outcome dropped(Drop drop, String message, String field) {
            return new Outcome(null, drop, message, field);
        }

        public boolean accepted() {
            return event != null;
        }
    }

    private static final class Counts {
        final LongAdder accepted = new LongAdder();
        final Map<Drop, LongAdder> dropped = new EnumMap<>(Drop.class);

        Counts() {
            for (Drop d : Drop.values()) dropped.put(d, new LongAdder());
        }
    }

    private final Path file;
    private final Consumer<LiveEvent> publish;
    private final RateLimiter limiter;
    private final Map<Way, Counts> counts = new EnumMap<>(Way.class);
    private volatile InputSettings settings;
    private volatile String lanAddress;
    private UdpInput udp;   // guarded by this

    public CustomEventInput(Path file, Consumer<LiveEvent> publish) {
        this(file, publish, System::nanoTime);
    }

    CustomEventInput(Path file, Consumer<LiveEvent> publish, LongSupplier nanoTime) {
        this.file = file;
        this.publish = publish;
        this.limiter = new RateLimiter(nanoTime);
        for (Way w : Way.values()) counts.put(w, new Counts());
        this.settings = load(file);
    }

    private static InputSettings load(Path file) {
        try {
            if (Files.isRegularFile(file)) return InputSettings.restore(Json.MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            log.warn("{} could not be read ({}); custom event input stays off", file, e.getMessage());
        }
        return InputSettings.fresh();
    }

    /** Opens the UDP port if the streamer left it on; a taken port shows on the page, never fails the start. */
    public synchronized void start() {
        reopenUdp();
    }

    public InputSettings settings() {
        return settings;
    }

    /** Applies a change from the page ({@link InputSettings#with}); the UDP port is reopened when it changed. */
    public synchronized Map<String, Object> update(JsonNode change) {
        InputSettings next = settings.with(change);
        boolean udpChanged = next.udp() != settings.udp() || next.udpPort() != settings.udpPort();
        settings = next;
        save();
        if (udpChanged) reopenUdp();
        return status();
    }

    /** A new token: every program given the old one must be given this one. */
    public synchronized Map<String, Object> renewToken() {
        settings = settings.withNewToken();
        save();
        return status();
    }

    /** LAN mode opened (an address) or closed (empty): UDP listens there too, or no longer. */
    public synchronized void lanChanged(Optional<String> address) {
        lanAddress = address.orElse(null);
        reopenUdp();
    }

    private void reopenUdp() {
        if (udp != null) udp.close();
        udp = null;
        if (!settings.udp()) return;
        List<InetAddress> on = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
        try {
            if (lanAddress != null) on.add(InetAddress.getByName(lanAddress));
        } catch (IOException e) {
            log.warn("Custom events over UDP stay on this computer: {}", e.getMessage());
        }
        udp = new UdpInput(on, settings.udpPort(), this);
    }

    /**
     * One message from {@code source} (an address or a connection; the rate limit is per source).
     *
     * @param authenticated whether the way in checked the token already (a WebSocket at its opening); otherwise the
     *                      message itself carries it as {@code "token"}
     */
    public Outcome receive(Way way, String source, byte[] message, boolean authenticated) {
        Outcome outcome = judge(way, source, message, authenticated);
        Counts c = counts.get(way);
        if (outcome.accepted()) {
            c.accepted.increment();
            publish.accept(outcome.event());
        } else {
            c.dropped.get(outcome.drop()).increment();
        }
        return outcome;
    }

    private Outcome judge(Way way, String source, byte[] message, boolean authenticated) {
        InputSettings s = settings;
        if (!s.on(way)) {
            return Outcome.dropped(Drop.OFF, "Custom events over " + way.wireName() + " are off: turn them on on "
                    + "LTTH's Event input page", null);
        }
        if (message.length > CustomEvents.MAX_BYTES) {
            return Outcome.dropped(Drop.SIZE, "A custom event is at most " + CustomEvents.MAX_BYTES + " bytes", null);
        }
        if (!limiter.allow(way.wireName() + " " + source, s.perSecond())) {
            return Outcome.dropped(Drop.RATE, "More than " + s.perSecond() + " custom events a second from one "
                    + "sender: slow down", null);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(message);
        } catch (JacksonException e) {
            return Outcome.dropped(Drop.JSON, "Not JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            return Outcome.dropped(Drop.JSON, "Not JSON", null);
        }
        if (body == null || body.isMissingNode()) return Outcome.dropped(Drop.JSON, "An empty message", null);
        JsonNode token = body.get("token");
        if (token != null || !authenticated) {
            if (token == null || !token.isTextual() || !matches(token.asText())) {
                return Outcome.dropped(Drop.TOKEN, "The token is missing or wrong: copy it from LTTH's Event "
                        + "input page", "token");
            }
        }
        try {
            return new Outcome(CustomEvents.read(body, Set.of("token"), way.wireName(), EventIds.next("custom"),
                    System.currentTimeMillis()), null, null, null);
        } catch (ValidationException e) {
            return Outcome.dropped(Drop.FIELDS, e.getMessage(), e.field());
        }
    }

    /** Compared in constant time: how long a refusal takes says nothing about how much of the token was right. */
    public boolean matches(String token) {
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8));
    }

    /** Counts what a way in refused before a message was read: a WebSocket opened without the right token, ... */
    public void refused(Way way, Drop why) {
        counts.get(way).dropped.get(why).increment();
    }

    /** A WebSocket closed: its rate bucket goes with it. */
    public void forget(Way way, String source) {
        limiter.forget(way.wireName() + " " + source);
    }

    /** For the page: the choices, the token, whether UDP listens, and the counts by way and reason. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>(settings.toMap());
        out.put("udpListening", udp != null && udp.error() == null);
        out.put("udpError", udp == null ? null : udp.error());
        out.put("lanAddress", lanAddress);
        out.put("maxBytes", CustomEvents.MAX_BYTES);
        Map<String, Object> byWay = new LinkedHashMap<>();
        counts.forEach((way, c) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("accepted", c.accepted.sum());
            c.dropped.forEach((drop, n) -> one.put(drop.wireName(), n.sum()));
            byWay.put(way.wireName(), one);
        });
        out.put("counts", byWay);
        return out;
    }

    private void save() {
        try {
            FileModes.writePrivately(file, Json.MAPPER.writeValueAsBytes(settings.toMap()));
        } catch (IOException e) {
            log.warn("Custom event input could not be saved to {}: {}", file, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (udp != null) udp.close();
        udp = null;
    }
}
