package app.ltth.viewers;

import app.ltth.events.User;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The streamer's decisions about viewers, per profile (table viewer_flags): VIP marks, chat commands blocked or
 * allowed, text to speech muted for some minutes. Looked up for every chat message (TTS, cams), so they are kept in
 * memory as one map that is replaced on each change; reads never wait. Each change is told to the pages at once.
 */
public final class ViewerModeration implements ProfileManager.Listener {

    public static final String CHANGED_EVENT = "viewers:flags";
    static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
    static final int MAX_MUTE_MINUTES = 24 * 60;
    private static final Set<String> CHANGEABLE = Set.of("vip", "commands", "ttsMuteMinutes", "note");
    static final int MAX_NOTE = 500;

    private final ProfileManager profiles;
    private final SocketServer sockets;
    private final LongSupplier clock;
    private volatile Map<String, ViewerFlags> flags = Map.of();
    /**
     * Counts the changes: a page gets a change twice (the answer to its own PUT and the broadcast), and the broadcast
     * of an earlier change can arrive after the answer to a later one; the revision lets it keep the newest.
     */
    private volatile long revision;

    public ViewerModeration(ProfileManager profiles, SocketServer sockets) {
        this(profiles, sockets, System::currentTimeMillis);
    }

    ViewerModeration(ProfileManager profiles, SocketServer sockets, LongSupplier clock) {
        this.profiles = profiles;
        this.sockets = sockets;
        this.clock = clock;
    }

    @Override
    public void profileOpened(String profile, Database database) throws Exception {
        flags = database.read(c -> {
            Map<String, ViewerFlags> all = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT handle, vip, commands, tts_muted_until, note FROM viewer_flags");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.put(rs.getString(1), new ViewerFlags(rs.getString(1), rs.getInt(2) != 0,
                            commands(rs.getString(3)), rs.getLong(4), rs.getString(5)));
                }
            }
            return Map.copyOf(all);
        });
    }

    private static ViewerFlags.Commands commands(String stored) {
        try {
            return ViewerFlags.Commands.valueOf(stored.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ViewerFlags.Commands.DEFAULT;   // written by a newer LTTH: as if nothing was decided
        }
    }

    public ViewerFlags of(String name) {
        String handle = User.handle(name);
        return flags.getOrDefault(handle, ViewerFlags.none(handle));
    }

    public boolean ttsMuted(String name) {
        return of(name).ttsMuted(clock.getAsLong());
    }

    public ViewerFlags.Commands commands(User user) {
        return of(user.uniqueId()).commands();
    }

    /** One viewer's decisions as the pages read them (a mute that ran out reads 0). */
    public Map<String, Object> describe(String name) {
        return describe(of(name), clock.getAsLong(), revision);
    }

    /**
     * Every viewer with a decision in force, for the chat panel, and the revision they are at least as new as (read
     * before the decisions, which change before the revision counts up).
     */
    public Map<String, Object> all() {
        long at = revision;
        long now = clock.getAsLong();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ViewerFlags f : flags.values()) if (!f.nothingSet(now)) out.add(describe(f, now, at));
        out.sort((a, b) -> String.valueOf(a.get("handle")).compareTo(String.valueOf(b.get("handle"))));
        return Map.of("revision", at, "viewers", out);
    }

    /**
     * The chat panel's change: {@code {"vip": true}}, {@code {"commands": "blocked"}} (default, blocked, allowed),
     * {@code {"ttsMuteMinutes": 10}} (0 lifts the mute), and the Viewers page's {@code {"note": "…"}}. All checked
     * before any is kept.
     */
    public synchronized Map<String, Object> change(String name, JsonNode change) throws SQLException {
        String handle = User.handle(name);
        if (!HANDLE.matcher(handle).matches()) {
            throw new ValidationException("handle", "'" + name + "' is not a TikTok @handle");
        }
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(CHANGEABLE, "key", "use vip, commands, ttsMuteMinutes or note");
        ViewerFlags old = of(handle);
        long now = clock.getAsLong();
        String commands = f.choice("commands", List.of("default", "blocked", "allowed"), old.commands().wireName());
        long minutes = f.number("ttsMuteMinutes", -1, 0, MAX_MUTE_MINUTES);
        ViewerFlags next = new ViewerFlags(handle, f.bool("vip", old.vip()), commands(commands),
                minutes < 0 ? old.ttsMutedUntil() : minutes == 0 ? 0 : now + TimeUnit.MINUTES.toMillis(minutes),
                f.text("note", old.note(), MAX_NOTE));
        profiles.withDatabase(c -> {
            try (PreparedStatement ps = c.prepareStatement(next.nothingSet(now) ? "DELETE FROM viewer_flags WHERE handle = ?"
                    : "INSERT INTO viewer_flags(handle, vip, commands, tts_muted_until, note, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(handle) DO UPDATE SET vip = excluded.vip, commands = excluded.commands, "
                    + "tts_muted_until = excluded.tts_muted_until, note = excluded.note, updated_at = excluded.updated_at")) {
                ps.setString(1, handle);
                if (!next.nothingSet(now)) {
                    ps.setInt(2, next.vip() ? 1 : 0);
                    ps.setString(3, next.commands().wireName());
                    ps.setLong(4, next.ttsMutedUntil());
                    ps.setString(5, next.note());
                    ps.setLong(6, now);
                }
                return ps.executeUpdate();
            }
        });
        Map<String, ViewerFlags> copy = new HashMap<>(flags);
        if (next.nothingSet(now)) copy.remove(handle); else copy.put(handle, next);
        flags = Map.copyOf(copy);
        Map<String, Object> described = describe(next, now, ++revision);
        sockets.broadcast(CHANGED_EVENT, described);
        return described;
    }

    private static Map<String, Object> describe(ViewerFlags f, long now, long revision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", revision);
        m.put("handle", f.handle());
        m.put("vip", f.vip());
        m.put("commands", f.commands().wireName());
        m.put("ttsMutedUntil", f.ttsMuted(now) ? f.ttsMutedUntil() : 0);
        m.put("note", f.note());
        return m;
    }
}
