package app.ltth.commands;

import app.ltth.events.ChatEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.viewers.ViewerFlags;
import app.ltth.viewers.ViewerModeration;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where chat commands are read, for every feature: the cam switcher, TTS, flows and the built-ins
 * register theirs here; this engine finds the command in a chat line (by name or alias), checks the viewer (blocked in
 * the chat panel, permission, team level), the rate limits and cooldowns, and runs it. Refusals are silent to the
 * chat (TikTok offers no way to write there) and kept with their reason for the Commands page, as are the last runs.
 * Each command's settings belong to the profile (table command_settings).
 */
public final class CommandEngine implements ProfileManager.Listener {

    private static final Logger log = LoggerFactory.getLogger(CommandEngine.class);
    static final int RECENT = 100;
    /** Accepted as well as the configured prefix, as the original LTTH does. */
    static final char ALWAYS = '/';

    /** What a command does when it runs. */
    @FunctionalInterface
    public interface Handler {
        void run(CommandCall call, ChatEvent chat) throws Exception;
    }

    /**
     * A command as a feature offers it.
     *
     * @param source      who offers it: builtin, tts, multicam, flows, or plugin:&lt;id&gt;
     * @param description the locale key of its description, or a text of its own (flows and plugins name theirs)
     */
    public record Registered(String name, String source, String description, CommandSettings defaults, Handler handler) {
    }

    /** Told of every command that ran, after its feature: flows start on it. */
    @FunctionalInterface
    public interface Ran {
        void ran(String command, CommandCall call, ChatEvent chat);
    }

    /** One command that ran, or was refused (and why), as the Commands page lists them. */
    public record Outcome(long at, String viewer, String command, boolean ran, Refusal refusal) {
    }

    private final ProfileManager profiles;
    private final ViewerModeration viewers;
    private final Supplier<String> prefix;
    private final Supplier<String> broadcaster;
    private final ToIntFunction<String> levelOf;
    private final LongSupplier clock;
    private final CommandGate gate = new CommandGate();                  // the engine's thread only
    private final Map<String, Registered> features = new ConcurrentHashMap<>();   // what features registered
    private final List<Ran> listeners = new CopyOnWriteArrayList<>();
    private volatile Set<String> flowCommands = Set.of();
    private volatile Map<String, Registered> commands = Map.of();        // the features' and the flows' own
    private final Deque<Outcome> recent = new ArrayDeque<>();            // guarded by itself
    private volatile Map<String, CommandSettings> settings = Map.of();
    private volatile Map<String, String> names = Map.of();               // name or alias -> command

    /**
     * @param prefix      the configured prefix character ("!")
     * @param broadcaster the streamer's own @handle, who may use every command
     * @param levelOf     a viewer's level by @handle (1 when they have none): asked only of commands with a minimum
     */
    public CommandEngine(ProfileManager profiles, ViewerModeration viewers, Supplier<String> prefix,
                         Supplier<String> broadcaster, ToIntFunction<String> levelOf) {
        this(profiles, viewers, prefix, broadcaster, levelOf, System::currentTimeMillis);
    }

    CommandEngine(ProfileManager profiles, ViewerModeration viewers, Supplier<String> prefix, Supplier<String> broadcaster,
                  ToIntFunction<String> levelOf, LongSupplier clock) {
        this.profiles = profiles;
        this.viewers = viewers;
        this.prefix = prefix;
        this.broadcaster = broadcaster;
        this.levelOf = levelOf;
        this.clock = clock;
    }

    @Override
    public void profileOpened(String profile, Database database) throws Exception {
        settings = database.read(c -> {
            Map<String, CommandSettings> all = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, settings FROM command_settings");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Registered r = commands.get(rs.getString(1));
                    CommandSettings base = r != null ? r.defaults() : CommandSettings.everyone(0);
                    try {
                        all.put(rs.getString(1), base.with(Json.MAPPER.readTree(rs.getString(2))));
                    } catch (Exception e) {
                        log.warn("The settings of !{} could not be read ({}); its defaults apply", rs.getString(1), e.getMessage());
                    }
                }
            }
            return Map.copyOf(all);
        });
        index();
    }

    // ---- the commands ------------------------------------------------------------------------------------------

    public void register(Registered command) {
        features.put(command.name(), command);
        index();
    }

    /** A source's commands now are {@code now}: the others it had are gone (TTS prefix changed, cam command renamed). */
    public void replace(String source, List<Registered> now) {
        features.values().removeIf(r -> r.source().equals(source));
        now.forEach(r -> features.put(r.name(), r));
        index();
    }

    /**
     * The names flows start on ({@code {"type": "command"}} triggers). A name no feature has becomes a command of its
     * own, listed and set up like the others; on a feature's command (!cam) the flow runs after the feature.
     */
    public void flowCommands(Set<String> names) {
        flowCommands = Set.copyOf(names);
        index();
    }

    public void onRan(Ran listener) {
        listeners.add(listener);
    }

    private synchronized void index() {
        Map<String, Registered> all = new HashMap<>(features);
        for (String name : flowCommands) {
            all.putIfAbsent(name, new Registered(name, "flows", "commands.desc.flow", CommandSettings.everyone(0),
                    (call, chat) -> { }));
        }
        commands = Map.copyOf(all);
        Map<String, String> byName = new HashMap<>();
        for (Registered r : commands.values()) byName.put(r.name(), r.name());
        for (Registered r : commands.values()) {
            for (String alias : settingsOf(r).aliases()) byName.putIfAbsent(alias, r.name());   // a name wins over an alias
        }
        names = Map.copyOf(byName);
    }

    private CommandSettings settingsOf(Registered r) {
        return settings.getOrDefault(r.name(), r.defaults());
    }

    /** Every command with its source and settings, by name. */
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        commands.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("source", r.source());
            m.put("description", r.description());
            m.putAll(settingsOf(r).toMap());
            out.add(m);
        });
        return out;
    }

    public Optional<Registered> get(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** The Commands page's change of one command's settings, checked, kept in the profile. */
    public synchronized CommandSettings update(Registered command, JsonNode change) throws SQLException, IOException {
        CommandSettings next = settingsOf(command).with(change);
        for (String alias : next.aliases()) {
            String owner = names.get(alias);
            if (owner != null && !owner.equals(command.name())) {
                throw new ValidationException("aliases", "!" + alias + " is already !" + owner);
            }
        }
        String json = Json.MAPPER.writeValueAsString(next.toMap());
        profiles.withDatabase(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO command_settings(name, settings) VALUES (?, ?) "
                    + "ON CONFLICT(name) DO UPDATE SET settings = excluded.settings")) {
                ps.setString(1, command.name());
                ps.setString(2, json);
                return ps.executeUpdate();
            }
        });
        Map<String, CommandSettings> copy = new HashMap<>(settings);
        copy.put(command.name(), next);
        settings = Map.copyOf(copy);
        index();
        return next;
    }

    public List<Outcome> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** The prefixes a command may start with: the configured one and '/'. */
    public String prefixes() {
        String p = prefix.get();
        return (p == null || p.isEmpty() ? "!" : p.substring(0, 1)) + ALWAYS;
    }

    // ---- running them ------------------------------------------------------------------------------------------

    /** The bus listener (on a thread of its own: a command may take a while, e.g. switching an OBS scene). */
    public void onEvent(LiveEvent event) {
        if (!(event instanceof ChatEvent chat)) return;
        Optional<CommandCall> call = CommandCall.parse(chat.comment(), prefixes());
        if (call.isEmpty()) return;
        String name = names.get(call.get().name());
        Registered command = name == null ? null : commands.get(name);
        if (command == null) return;   // "!" at the start of a line that is no command: just chat
        User user = chat.user();
        String viewer = User.handle(user.uniqueId());
        CommandSettings s = settingsOf(command);
        long now = clock.getAsLong();
        Refusal refusal = refusal(command, s, user, viewer, now);
        if (refusal != null) {
            remember(new Outcome(now, viewer, command.name(), false, refusal));
            return;
        }
        gate.ran(command.name(), viewer, now);
        remember(new Outcome(now, viewer, command.name(), true, null));
        try {
            command.handler().run(call.get(), chat);
        } catch (Exception e) {
            log.warn("!{} of @{} failed", command.name(), viewer, e);
        }
        for (Ran listener : listeners) listener.ran(command.name(), call.get(), chat);
    }

    private Refusal refusal(Registered command, CommandSettings s, User user, String viewer, long now) {
        ViewerFlags.Commands access = viewers.commands(user);
        if (access == ViewerFlags.Commands.BLOCKED) return new Refusal("blocked", Map.of());
        if (!s.enabled()) return new Refusal("off", Map.of());
        boolean streamer = viewer.equals(User.handle(broadcaster.get()));
        if (access != ViewerFlags.Commands.ALLOWED) {
            if (!s.permission().allows(user, streamer)) {
                return new Refusal("permission", Map.of("permission", s.permission().wireName()));
            }
            if (user.teamLevel() < s.minTeamLevel() && !user.moderator() && !streamer) {
                return new Refusal("teamLevel", Map.of("level", s.minTeamLevel()));
            }
            if (s.minLevel() > 1 && !user.moderator() && !streamer && levelOf.applyAsInt(viewer) < s.minLevel()) {
                return new Refusal("level", Map.of("level", s.minLevel()));
            }
        }
        return gate.refusal(command.name(), viewer, s, now);
    }

    private void remember(Outcome outcome) {
        synchronized (recent) {
            recent.addFirst(outcome);
            while (recent.size() > RECENT) recent.removeLast();
        }
    }

    /** The names and aliases chat may use now, for !commands: "!cam, !tts (!say)". */
    public String summary() {
        StringBuilder out = new StringBuilder();
        commands.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(r -> {
            CommandSettings s = settingsOf(r);
            if (!s.enabled()) return;
            if (out.length() > 0) out.append(", ");
            out.append(prefixes().charAt(0)).append(r.name());
            if (!s.aliases().isEmpty()) out.append(" (").append(String.join(", ", s.aliases())).append(')');
        });
        return out.toString();
    }
}
