package app.ltth.tts;

import app.ltth.audio.AudioLength;
import app.ltth.audio.AudioOut;
import app.ltth.commands.CommandCall;
import app.ltth.commands.CommandEngine;
import app.ltth.commands.CommandSettings;
import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.User;
import app.ltth.events.UserEvent;
import app.ltth.i18n.Texts;
import app.ltth.input.ValidationException;
import app.ltth.plugin.PluginConfigRepository;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.template.EventFields;
import app.ltth.template.Template;
import app.ltth.threads.DaemonThreads;
import app.ltth.viewers.ViewerModeration;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text to speech: reads chat and events as configured, moderates chat ({@link ChatFilter}), queues by priority
 * ({@link SpeechQueue}), speaks with the chosen voice's engine and falls back to the next engine that can speak, and
 * plays the result through the audio overlay, one message after another. Runs while the built-in plugin "tts" is on.
 */
public final class TtsService implements ProfileManager.Listener, AutoCloseable {

    public static final String QUEUE_EVENT = "tts:queue";
    static final int CACHE_FILES = 300;
    private static final Logger log = LoggerFactory.getLogger(TtsService.class);

    private final List<TtsEngine> engines;
    private final AudioOut audio;
    private final SocketServer sockets;
    private final PluginConfigRepository store;
    private final UserVoices userVoices;
    private final Path cache;
    private final ChatFilter filter = new ChatFilter();
    private final ViewerModeration viewers;
    private final CommandEngine commands;
    private final SpeechQueue queue = new SpeechQueue(TtsConfig.QUEUE_MAX);   // apply() sets the configured size
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong spoken = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final Thread player;
    private volatile Texts texts;
    private volatile TtsConfig config;
    /** Whether the streamer saved a config; until then the defaults follow the language. */
    private volatile boolean saved;
    private volatile boolean active;
    private volatile boolean paused;
    private volatile Map<String, Object> speaking;
    private volatile String lastError;
    /** Why speaking fails, logged when it changes: one line when a voice goes away, not one per chat message. */
    private final StateChange failures = new StateChange();
    /** The queue's state goes to the dashboard at most every {@value #STATUS_EVERY_MS} ms, however busy the chat. */
    static final long STATUS_EVERY_MS = 250;
    private final ScheduledExecutorService statusSender = DaemonThreads.scheduler("ltth-tts-status");
    private final AtomicBoolean statusDue = new AtomicBoolean();

    /**
     * @param viewers  the chat panel's decisions: muted viewers are not read
     * @param commands where a prefix such as !tts is registered as a chat command (its permission, cooldowns, aliases)
     */
    public TtsService(List<TtsEngine> engines, AudioOut audio, SocketServer sockets, ProfileManager profiles,
                      ViewerModeration viewers, CommandEngine commands, Path cache, Texts texts) {
        this.engines = List.copyOf(engines);
        this.viewers = viewers;
        this.commands = commands;
        this.texts = texts;
        this.config = TtsConfig.defaults(texts);
        this.audio = audio;
        this.sockets = sockets;
        this.store = new PluginConfigRepository(profiles, "tts");
        this.userVoices = new UserVoices(profiles);
        this.cache = cache;
        this.player = new Thread(this::play, "ltth-tts");
        player.setDaemon(true);
        player.start();
    }

    @Override
    public void profileOpened(String profile, Database database) throws Exception {
        userVoices.load(database);
        TtsConfig defaults = TtsConfig.defaults(texts);
        TtsConfig loaded = store.load("config", json -> TtsConfig.parse(json, defaults), null, "TTS settings");
        saved = loaded != null;
        apply(saved ? loaded : defaults);
        filter.forget();
    }

    private void apply(TtsConfig c) {
        config = c;
        synchronized (queue) {
            queue.setMax(c.queueMax());
        }
        String command = commandName(c);
        commands.replace("tts", command == null ? List.of() : List.of(new CommandEngine.Registered(command, "tts",
                "commands.desc.tts", CommandSettings.everyone(0), (call, chat) -> readChat(chat, call.rest(), true))));
    }

    /** The chat command a prefix such as "!tts" is, or null when it is none ("tts:" is read as a plain prefix). */
    private String commandName(TtsConfig c) {
        Optional<CommandCall> call = CommandCall.parse(c.prefix(), commands.prefixes());
        return call.isPresent() && call.get().rest().isEmpty() ? call.get().name() : null;
    }

    /** The streamer's language changed: unless a config was saved, what is read is now said in the new one. */
    public void useLanguage(Texts newTexts) {
        if (newTexts == texts) return;
        texts = newTexts;
        if (!saved) apply(TtsConfig.defaults(newTexts));
    }

    /** The built-in plugin "tts" turns it on and off. */
    public void setActive(boolean on) {
        active = on;
        if (!on) clear();
    }

    public boolean active() {
        return active;
    }

    public TtsConfig config() {
        return config;
    }

    public TtsConfig configure(JsonNode json) {
        TtsConfig parsed = TtsConfig.parse(json, TtsConfig.defaults(texts));
        if (!parsed.voice().isEmpty()) checkVoice(parsed.voice(), "voice");
        store.save("config", parsed);
        saved = true;
        apply(parsed);
        return parsed;
    }

    // ---- voices --------------------------------------------------------------------------------------------

    public List<Map<String, Object>> engines() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TtsEngine e : engines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("name", e.name());
            m.put("available", e.unavailableReason() == null);
            if (e.unavailableReason() != null) {
                m.put("reason", e.unavailableReason());
                m.put("reasonKey", "tts.engine.unavailable." + e.id());   // the same, in the dashboard's language
            }
            m.put("defaultVoice", e.id() + ":" + e.defaultVoice());
            out.add(m);
        }
        return out;
    }

    public List<Map<String, String>> voices() {
        List<Map<String, String>> out = new ArrayList<>();
        for (TtsEngine e : engines) {
            for (TtsEngine.Voice v : e.voices()) {
                out.add(Map.of("id", e.id() + ":" + v.id(), "name", v.name(), "language", v.language(), "engine", e.id()));
            }
        }
        return out;
    }

    /** Refuses a voice of an engine LTTH does not have; the voice itself is the engine's to judge. */
    void checkVoice(String voice, String field) {
        int colon = voice.indexOf(':');
        String engine = colon < 0 ? "" : voice.substring(0, colon);
        if (colon <= 0 || colon == voice.length() - 1 || engines.stream().noneMatch(e -> e.id().equals(engine))) {
            throw new ValidationException(field, "'" + voice + "' is not a voice: write engine:voice with an engine of "
                    + String.join(", ", engines.stream().map(TtsEngine::id).toList()));
        }
    }

    public Map<String, String> userVoices() {
        return userVoices.all();
    }

    public void setUserVoice(String username, String voice) throws java.sql.SQLException {
        checkVoice(voice, "voice");
        if (!username.matches("@?[A-Za-z0-9._]{1,40}")) throw new ValidationException("username", "That is not a TikTok @handle");
        userVoices.set(username, voice);
    }

    public boolean removeUserVoice(String username) throws java.sql.SQLException {
        return userVoices.remove(username);
    }

    // ---- what is read ----------------------------------------------------------------------------------------

    /** The plugin's event listener. */
    public void onEvent(LiveEvent event) {
        TtsConfig c = config;
        if (!active || !c.enabled()) return;
        if (event instanceof ChatEvent chat) {
            if (commandName(c) == null) readChat(chat, chat.comment(), false);   // else the command engine calls
            return;
        }
        String type = event instanceof GiftEvent ? "gift" : event instanceof FollowEvent ? "follow"
                : event instanceof ShareEvent ? "share" : event instanceof SubscribeEvent ? "subscribe" : null;
        if (type == null || !c.events().containsKey(type)) return;
        if (event instanceof GiftEvent g && (!g.isFinal() || g.coins() < c.giftMinCoins())) return;
        String user = ((UserEvent) event).user().uniqueId();
        if (c.block().contains(User.handle(user)) || cannotSpeak()) return;
        String text = Template.render(c.events().get(type), EventFields.of(event, 0, ZoneId.systemDefault()));
        enqueue(event instanceof GiftEvent ? SpeechQueue.Priority.GIFT : SpeechQueue.Priority.EVENT, text, voiceFor(user), user);
    }

    /**
     * Reads a chat message if the filter lets it: {@code text} is the whole message, or what followed the !tts command
     * (which the command engine found, with its aliases, permission and cooldowns).
     */
    private void readChat(ChatEvent chat, String text, boolean command) {
        TtsConfig c = config;
        if (!active || !c.enabled()) return;
        if (viewers.ttsMuted(chat.user().uniqueId())) {
            log.debug("Chat of {} not read: muted in the chat panel", chat.user().uniqueId());
            return;
        }
        ChatFilter.Verdict verdict = filter.check(command ? c.withoutPrefix() : c, chat.user(), text, System.currentTimeMillis());
        if (!verdict.read()) {
            log.debug("Chat of {} not read: {}", chat.user().uniqueId(), verdict.reason());
            return;
        }
        Map<String, Object> fields = EventFields.of(chat, 0, ZoneId.systemDefault());
        fields.put("comment", verdict.text());
        if (cannotSpeak()) return;
        enqueue(SpeechQueue.Priority.CHAT, Template.render(c.chatTemplate(), fields), voiceFor(chat.user().uniqueId()),
                chat.user().uniqueId());
    }

    /** {@code POST /api/tts/speak} and the flow action: first in line after other manual messages. */
    public String speak(String text, String voice) {
        if (!active) throw new NotActive();
        if (voice != null && !voice.isBlank()) checkVoice(voice, "voice");
        // Queued, it would fail out of sight: the streamer who pressed Speak is told now, with what to install.
        String none = noVoice();
        if (none != null) throw new ValidationException("voice", "No voice can speak: " + none, "tts.error.noVoice", Map.of());
        String clipped = text.length() > 1000 ? text.substring(0, 1000) : text;
        return enqueue(SpeechQueue.Priority.MANUAL, clipped, voice == null || voice.isBlank() ? defaultVoice() : voice, null);
    }

    /** Thrown while the built-in plugin is off. */
    public static final class NotActive extends RuntimeException {
        NotActive() {
            super("Text to speech is turned off: turn the plugin 'tts' on under Plugins");
        }
    }

    /** Why no engine can speak, or null when one can. */
    private String noVoice() {
        for (TtsEngine e : engines) if (e.unavailableReason() == null) return null;
        return engines.get(0).unavailableReason();
    }

    /**
     * No engine can speak: nothing is queued for a speaker that does not exist (no work per chat), and the reason is
     * logged once, when it starts.
     */
    private boolean cannotSpeak() {
        String none = noVoice();
        if (none != null) failed(none);
        return none != null;
    }

    private void failed(String reason) {
        lastError = reason;
        if (failures.changedTo(reason)) log.warn("Text to speech cannot speak: {}", reason);
    }

    private String voiceFor(String user) {
        String own = user == null ? null : userVoices.of(user);
        return own != null ? own : defaultVoice();
    }

    String defaultVoice() {
        if (!config.voice().isEmpty()) return config.voice();
        for (TtsEngine e : engines) if (e.unavailableReason() == null) return e.id() + ":" + e.defaultVoice();
        return engines.get(0).id() + ":" + engines.get(0).defaultVoice();
    }

    private String enqueue(SpeechQueue.Priority priority, String text, String voice, String user) {
        long n = sequence.incrementAndGet();
        SpeechQueue.Item item = new SpeechQueue.Item("tts-" + n, priority, n, text, voice, user);
        synchronized (queue) {
            queue.offer(item).ifPresent(out -> {
                dropped.incrementAndGet();
                log.debug("TTS queue full: '{}' not read", out.text());
            });
            queue.notifyAll();
        }
        publish();
        return item.id();
    }

    // ---- playing -----------------------------------------------------------------------------------------------

    private void play() {
        while (!Thread.currentThread().isInterrupted()) {
            SpeechQueue.Item item;
            try {
                synchronized (queue) {
                    while (paused || queue.size() == 0) queue.wait();
                    item = queue.poll().orElseThrow();
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                say(item);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                lastError = e.toString();
                log.warn("TTS failed on '{}'", item.text(), e);
            } finally {
                speaking = null;
                publish();
            }
        }
    }

    private void say(SpeechQueue.Item item) throws InterruptedException {
        Spoken s;
        try {
            s = synthesize(item.text(), item.voice());
        } catch (TtsException e) {
            failed(e.getMessage());
            return;
        }
        if (failures.changedTo(null)) log.info("Text to speech speaks again");
        Map<String, Object> now = describe(item);
        now.put("voice", s.voice());   // the one that spoke: a fallback may have taken over
        speaking = now;
        publish();
        spoken.incrementAndGet();
        audio.playAndWait(new AudioOut.Clip(item.id(), AudioOut.Channel.SPEECH, "/api/tts/audio/" + s.file(),
                config.volume() / 100.0, s.millis(), item.text()), 500L + item.text().length() * 90L);
    }

    record Spoken(String voice, String file, long millis) {
    }

    /**
     * Speaks with the voice's engine; if that fails, with each other engine that can speak, in its default voice.
     * The audio is kept in the cache folder (the same text in the same voice is not fetched twice).
     */
    Spoken synthesize(String text, String voice) throws TtsException {
        int colon = voice.indexOf(':');
        String engineId = colon < 0 ? voice : voice.substring(0, colon);
        String voiceId = colon < 0 ? "" : voice.substring(colon + 1);
        List<TtsEngine> order = new ArrayList<>();
        engines.stream().filter(e -> e.id().equals(engineId)).forEach(order::add);
        engines.stream().filter(e -> !e.id().equals(engineId) && e.unavailableReason() == null).forEach(order::add);
        List<String> failures = new ArrayList<>();
        for (TtsEngine engine : order) {
            String v = engine.id().equals(engineId) && !voiceId.isEmpty() ? voiceId : engine.defaultVoice();
            try {
                Path file = cached(engine.id(), v, text);
                byte[] audio;
                if (file == null) {
                    TtsEngine.Speech speech = engine.speak(text, v);
                    file = store(engine.id(), v, text, speech);
                    audio = speech.audio();
                } else {
                    audio = Files.readAllBytes(file);
                }
                if (!failures.isEmpty()) fallbacks.incrementAndGet();
                return new Spoken(engine.id() + ":" + v, file.getFileName().toString(), AudioLength.millis(audio));
            } catch (TtsException | IOException e) {
                failures.add(engine.name() + ": " + e.getMessage());
            }
        }
        throw new TtsException(failures.isEmpty() ? "No voice engine can speak" : String.join("; ", failures));
    }

    private Path cached(String engine, String voice, String text) throws IOException {
        for (String ext : List.of("mp3", "wav")) {
            Path p = cache.resolve(key(engine, voice, text) + "." + ext);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private Path store(String engine, String voice, String text, TtsEngine.Speech speech) throws IOException {
        Files.createDirectories(cache);
        Path file = cache.resolve(key(engine, voice, text) + "." + speech.extension());
        Path tmp = Files.createTempFile(cache, "tts-", ".part");
        Files.write(tmp, speech.audio());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        trimCache();
        return file;
    }

    private void trimCache() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.(mp3|wav)"))
                    .sorted(java.util.Comparator.comparingLong(p -> p.toFile().lastModified())).toList();
            for (int i = 0; i < all.size() - CACHE_FILES; i++) Files.deleteIfExists(all.get(i));
        }
    }

    private static String key(String engine, String voice, String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((engine + "\n" + voice + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of the cache, for {@code GET /api/tts/audio/{name}}; empty for anything else. */
    public Optional<Path> audioFile(String name) {
        if (!name.matches("[0-9a-f]{64}\\.(mp3|wav)")) return Optional.empty();
        Path p = cache.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    // ---- the queue ---------------------------------------------------------------------------------------------

    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("active", active);
        s.put("paused", paused);
        s.put("speaking", speaking);
        List<Map<String, Object>> waiting = new ArrayList<>();
        synchronized (queue) {
            for (SpeechQueue.Item i : queue.snapshot()) waiting.add(describe(i));
        }
        s.put("waiting", waiting);
        s.put("spoken", spoken.get());
        s.put("dropped", dropped.get());
        s.put("fallbacks", fallbacks.get());
        if (lastError != null) s.put("lastError", lastError);
        return s;
    }

    private static Map<String, Object> describe(SpeechQueue.Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id());
        m.put("text", item.text());
        m.put("voice", item.voice());
        m.put("priority", item.priority().name().toLowerCase(java.util.Locale.ROOT));
        if (item.user() != null) m.put("user", item.user());
        return m;
    }

    /** The queue changed: its state is sent soon, merged with the changes until then. */
    private void publish() {
        if (statusDue.getAndSet(true)) return;
        statusSender.schedule(() -> {
            statusDue.set(false);
            sockets.broadcast(QUEUE_EVENT, status());
        }, STATUS_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    public void skip() {
        Map<String, Object> now = speaking;
        if (now != null) audio.stop(String.valueOf(now.get("id")));
    }

    /** The chat panel's "skip their TTS": what the viewer has waiting goes, and what is being read of theirs stops. */
    public int skipViewer(String name) {
        String handle = User.handle(name);
        int removed;
        synchronized (queue) {
            removed = queue.removeIf(i -> i.user() != null && User.handle(i.user()).equals(handle));
        }
        Map<String, Object> now = speaking;
        if (now != null && now.get("user") != null && User.handle(String.valueOf(now.get("user"))).equals(handle)) skip();
        publish();
        return removed;
    }

    public int clear() {
        int n;
        synchronized (queue) {
            n = queue.clear();
        }
        skip();
        publish();
        return n;
    }

    public void pause(boolean pause) {
        synchronized (queue) {
            paused = pause;
            queue.notifyAll();
        }
        publish();
    }

    @Override
    public void close() {
        player.interrupt();
        statusSender.shutdownNow();
    }
}
