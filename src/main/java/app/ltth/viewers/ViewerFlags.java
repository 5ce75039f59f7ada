package app.ltth.viewers;

import java.util.Locale;

/**
 * What the streamer decided about one viewer in the chat panel.
 *
 * @param handle        the @handle, lower case, without the @
 * @param vip           marked as a VIP: their messages stand out in the chat panel
 * @param commands      whether their chat commands (!tts, !cam, ...) count
 * @param ttsMutedUntil text to speech does not read them before this moment (epoch ms); 0 when not muted
 * @param note          the streamer's note about them (Viewers page), empty when none
 */
public record ViewerFlags(String handle, boolean vip, Commands commands, long ttsMutedUntil, String note) {

    /** DEFAULT: as each command's own rules say; BLOCKED: never; ALLOWED: even where only moderators may. */
    public enum Commands {
        DEFAULT, BLOCKED, ALLOWED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static ViewerFlags none(String handle) {
        return new ViewerFlags(handle, false, Commands.DEFAULT, 0, "");
    }

    public boolean ttsMuted(long now) {
        return ttsMutedUntil > now;
    }

    /** Nothing left to remember once a mute has run out: the row can go. */
    boolean nothingSet(long now) {
        return !vip && commands == Commands.DEFAULT && !ttsMuted(now) && note.isEmpty();
    }
}
