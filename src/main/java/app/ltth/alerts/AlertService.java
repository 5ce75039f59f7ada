package app.ltth.alerts;

import app.ltth.audio.AudioOut;
import app.ltth.events.EventType;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.i18n.Texts;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.live.EventInjector;
import app.ltth.stats.StreamStats;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.template.EventFields;
import app.ltth.template.Template;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns live events into alerts and shows them one at a time: each is sent to the alert overlays as
 * {@code alert:show}, and the next follows when its time is up (or when it is skipped). A gift streak alerts once,
 * at its end, with its full count; a like alert marks a milestone of the room's likes.
 */
public final class AlertService implements ProfileManager.Listener, AutoCloseable {

    public static final String SHOW = "alert:show";
    public static final String SKIP = "alert:skip";
    /** A pause between two alerts, so that they do not run into each other on stream. */
    static final long GAP_MS = 600;
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final SocketServer sockets;
    private final AudioOut audio;
    private final StreamStats stats;
    private final EventInjector samples = new EventInjector();
    private final AtomicLong ids = new AtomicLong();
    private final AlertQueue queue = new AlertQueue(20, "drop-lowest");
    private final Thread player;
    /** As saved, per type; the text is left out while it is the language's default, so that it follows the language. */
    private volatile Map<String, JsonNode> stored = Map.of();
    private volatile Texts texts;
    private volatile Map<String, AlertConfig> configs;
    private volatile Database database;
    private long likeMilestone;
    private Alert showing;
    private boolean skip;
    private long shown;
    private long droppedLately;
    private long dropsLoggedAt;
    private boolean closed;

    public AlertService(SocketServer sockets, AudioOut audio, StreamStats stats, Texts texts) {
        this.sockets = sockets;
        this.audio = audio;
        this.stats = stats;
        this.texts = texts;
        this.configs = resolve(Map.of(), texts);
        player = new Thread(this::play, "ltth-alerts");
        player.setDaemon(true);
        player.start();
    }

    /** The saved configs on top of the language's defaults. */
    private static Map<String, AlertConfig> resolve(Map<String, JsonNode> stored, Texts texts) {
        Map<String, AlertConfig> all = new LinkedHashMap<>();
        for (String type : AlertConfig.TYPES) {
            AlertConfig defaults = AlertConfig.defaults(type, texts);
            JsonNode saved = stored.get(type);
            try {
                all.put(type, saved == null ? defaults : AlertConfig.parse(type, saved, defaults));
            } catch (RuntimeException e) {
                log.warn("The stored {} alert is not valid; its defaults apply: {}", type, e.getMessage());
                all.put(type, defaults);
            }
        }
        return Map.copyOf(all);
    }

    /** The streamer's language changed: texts left at their default now say it in the new one. */
    public void useLanguage(Texts newTexts) {
        if (newTexts == texts) return;
        texts = newTexts;
        configs = resolve(stored, newTexts);
    }

    // ---- configuration -------------------------------------------------------------------------------------

    @Override
    public void profileOpened(String profile, Database db) throws SQLException {
        Map<String, JsonNode> loaded = new LinkedHashMap<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT event_type, config FROM alert_configs");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        loaded.put(rs.getString(1), Json.MAPPER.readTree(rs.getString(2)));
                    } catch (Exception e) {
                        log.warn("The stored {} alert is not valid; its defaults apply: {}", rs.getString(1), e.getMessage());
                    }
                }
            }
            return null;
        });
        database = db;
        stored = Map.copyOf(loaded);
        configs = resolve(stored, texts);
        synchronized (this) {
            queue.clear();
        }
    }

    public List<AlertConfig> configs() {
        return AlertConfig.TYPES.stream().map(configs::get).toList();
    }

    public AlertConfig update(String type, JsonNode json) throws SQLException {
        AlertConfig updated = AlertConfig.parse(type, json, configs.get(type));
        ObjectNode saved = Json.MAPPER.valueToTree(updated);
        if (updated.text().equals(AlertConfig.defaults(type, texts).text())) saved.remove("text");
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_configs(event_type, enabled, config, "
                    + "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(event_type) DO UPDATE SET enabled = excluded.enabled, "
                    + "config = excluded.config, updated_at = excluded.updated_at")) {
                ps.setString(1, type);
                ps.setInt(2, updated.enabled() ? 1 : 0);
                ps.setString(3, saved.toString());
                ps.setLong(4, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
        Map<String, JsonNode> all = new LinkedHashMap<>(stored);
        all.put(type, saved);
        stored = Map.copyOf(all);
        configs = resolve(stored, texts);
        return updated;
    }

    public synchronized void configureQueue(int max, String policy) {
        queue.configure(max, policy);
    }

    // ---- what alerts -----------------------------------------------------------------------------------------

    /** Bus listener (after the stream totals, whose like count the milestones follow). */
    public void onEvent(LiveEvent event) {
        AlertConfig config = configs.get(event.type().wireName());
        if (event instanceof LikeEvent) {
            likeMilestone(config);
            return;
        }
        if (config == null || !config.enabled()) return;
        if (event instanceof GiftEvent g && (!g.isFinal() || g.coins() < config.minCoins())) return;
        enqueue(config, fields(event), event instanceof GiftEvent g ? g.coins() : 0);
    }

    private void likeMilestone(AlertConfig config) {
        long reached = stats.snapshot().likes() / config.likeStep();
        boolean passed = reached > likeMilestone;
        likeMilestone = reached;   // also follows the count down to zero when a new stream starts
        if (!passed || !config.enabled()) return;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("totalLikes", reached * config.likeStep());
        fields.put("likeCount", reached * config.likeStep());
        enqueue(config, fields, 0);
    }

    private Map<String, Object> fields(LiveEvent event) {
        return EventFields.of(event, stats.snapshot().coins(), ZoneId.systemDefault());
    }

    /** The dashboard's test button: a sample event of the type, shown next, even while that alert is switched off. */
    public Alert test(String type) {
        AlertConfig config = Optional.ofNullable(configs.get(type))
                .orElseThrow(() -> new ValidationException("type", "type must be one of " + String.join(", ", AlertConfig.TYPES)));
        EventType eventType = EventType.fromWireName(type).orElseThrow();
        Map<String, Object> fields = fields(samples.sample(eventType));
        if (type.equals("like")) fields.put("totalLikes", config.likeStep());
        return render(enqueue(new Waiting(nextId(), type, fields, Long.MAX_VALUE, true, null)));
    }

    /**
     * The preview of a gift variation: a sample gift that it matches (its gift, or the low end of its range), shown
     * as a real gift of that kind would be, so an earlier variation that also matches is what shows.
     */
    public Alert testVariation(String type, String index) {
        List<AlertVariation> variations = configs.get("gift").variations();
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            i = -1;
        }
        if (!type.equals("gift") || i < 0 || i >= variations.size()) {
            throw new ValidationException("variation", "No such variation: save it first",
                    "error.alert.noVariation", Map.of());
        }
        AlertVariation v = variations.get(i);
        Map<String, Object> fields = fields(samples.sample(EventType.GIFT));
        long coins = v.giftName().isEmpty() ? Math.max(v.minCoins(), 1) : 1;
        if (!v.giftName().isEmpty()) {
            fields.put("giftName", v.giftName());
            fields.put("giftPicture", "");
        }
        fields.put("giftCount", 1);
        fields.put("diamondCount", coins);
        fields.put("coins", coins);
        return render(enqueue(new Waiting(nextId(), type, fields, Long.MAX_VALUE, true, null)));
    }

    /** A flow's "show alert" action: its own text (a template), and optionally a sound and a picture or video. */
    public Alert custom(String template, Map<String, Object> fields, int seconds, String sound, String media) {
        AlertConfig look = new AlertConfig("custom", true, template, sound, 0.8, media, seconds, "slide", "clean", 0, 1,
                List.of());
        return render(enqueue(new Waiting(nextId(), "custom", fields, Alert.priority("custom", 0), false, look)));
    }

    /**
     * A gift milestone's celebration: its text (a template), sound and picture or video, shown before every ordinary
     * alert waiting (they wait), after celebrations already waiting, and never dropped.
     */
    public Alert celebrate(String template, Map<String, Object> fields, int seconds, String sound, String media) {
        AlertConfig look = new AlertConfig(Waiting.MILESTONE, true, template, sound, 0.8, media, seconds, "zoom", "clean",
                0, 1, List.of());
        Waiting w = new Waiting(nextId(), Waiting.MILESTONE, fields, Long.MAX_VALUE, false, look);
        synchronized (this) {
            queue.offerAhead(w).ifPresent(dropped -> droppedLately++);
            notifyAll();
        }
        return render(w);
    }

    private void enqueue(AlertConfig config, Map<String, Object> fields, long coins) {
        enqueue(new Waiting(nextId(), config.type(), fields, Alert.priority(config.type(), coins), false, null));
    }

    private String nextId() {
        return "a" + ids.incrementAndGet();
    }

    private Waiting enqueue(Waiting alert) {
        synchronized (this) {
            (alert.test() ? queue.offerFirst(alert) : queue.offer(alert)).ifPresent(dropped -> droppedLately++);
            // The streamer pressed Test and looks at OBS: the alert on screen makes way at once.
            if (alert.test() && showing != null) skip();
            notifyAll();
        }
        return alert;
    }

    /**
     * What the overlay shows: the alert's text, sound and media from the settings of now (or the flow's own); a gift
     * takes its variation's, if one matches.
     */
    private Alert render(Waiting w) {
        AlertConfig config = w.look() != null ? w.look() : configs.get(w.type());
        boolean gift = w.type().equals("gift");
        if (gift) config = config.forGift(String.valueOf(w.fields().get("giftName")), coins(w.fields()));
        String picture = gift ? Alert.picture(w.fields().get("giftPicture")) : "";
        return new Alert(w.id(), w.type(), Template.renderHtml(config.text(), w.fields()), config.sound(), config.volume(),
                config.media(), Alert.mediaKind(config.media()), config.seconds(), config.animation(), config.style(),
                gift && picture.isEmpty() ? Alert.GIFT_PICTURE : picture, Alert.picture(w.fields().get("avatar")),
                String.valueOf(w.fields().getOrDefault("nickname", "")), w.priority());
    }

    private static long coins(Map<String, Object> fields) {
        return fields.get("coins") instanceof Number n ? n.longValue() : 0;
    }

    /** A full queue drops alerts by the dozen in a busy LIVE: the log says how many once a minute, not each one. */
    private synchronized void logDrops() {
        long now = System.currentTimeMillis();
        if (droppedLately == 0 || now - dropsLoggedAt < 60_000) return;
        log.info("The alert queue was full ({} waiting at most): {} alerts dropped in the last minute", queue.max(),
                droppedLately);
        droppedLately = 0;
        dropsLoggedAt = now;
    }

    // ---- showing -------------------------------------------------------------------------------------------

    private void play() {
        try {
            while (true) {
                Alert next;
                synchronized (this) {
                    while (!closed && queue.size() == 0) wait();
                    if (closed) return;
                    logDrops();
                    Optional<Waiting> waiting = queue.poll();
                    if (waiting.isEmpty()) continue;
                    Waiting w = waiting.get();
                    // Switched off while it waited: the streamer no longer wants it (a test shows anyway).
                    if (!w.test() && w.look() == null && !configs.get(w.type()).enabled()) continue;
                    next = render(w);
                    showing = next;
                    skip = false;
                    shown++;
                }
                sockets.broadcast(SHOW, next);
                // Through the audio overlay, like every sound of LTTH: one volume, and quieter while TTS speaks.
                if (!next.sound().isEmpty()) {
                    audio.play(new AudioOut.Clip(audio.nextId("alert"), AudioOut.Channel.SOUND, next.sound(),
                            next.volume(), 0, null));
                }
                synchronized (this) {
                    long until = System.currentTimeMillis() + next.seconds() * 1000L + GAP_MS;
                    for (long left; !skip && !closed && (left = until - System.currentTimeMillis()) > 0; ) wait(left);
                    showing = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the alert on screen now; the next one follows. */
    public synchronized void skip() {
        if (showing != null) sockets.broadcast(SKIP, Map.of("id", showing.id()));
        skip = true;
        notifyAll();
    }

    public synchronized Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("waiting", queue.size());
        status.put("max", queue.max());
        status.put("overflow", queue.policy());
        status.put("dropped", queue.dropped());
        status.put("shown", shown);
        status.put("showing", showing);
        return status;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        player.interrupt();
    }
}
