package app.ltth.events;

import java.util.Locale;
import java.util.Objects;

/**
 * A TikTok user as the live events describe them. Everything here comes from TikTok and is untrusted:
 * pages must show these values as text, never as HTML.
 *
 * @param id              TikTok's numeric user id, kept as text so no client rounds it
 * @param uniqueId        the @handle
 * @param nickname        the display name
 * @param avatarUrl       profile picture URL, may be empty
 * @param follower        follows the streamer
 * @param moderator       moderator of the streamer's room
 * @param subscriber      paying subscriber
 * @param teamLevel       fan-team (team member) level, 0 when none
 */
public record User(String id, String uniqueId, String nickname, String avatarUrl,
                   boolean follower, boolean moderator, boolean subscriber, int teamLevel) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uniqueId, "uniqueId");
        nickname = nickname == null || nickname.isBlank() ? uniqueId : nickname;
        avatarUrl = avatarUrl == null ? "" : avatarUrl;
        if (teamLevel < 0) throw new IllegalArgumentException("teamLevel must not be negative");
    }

    /** A @handle as the streamer's lists compare it: lower case, without the @. */
    public static String handle(String name) {
        String h = name.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("@") ? h.substring(1) : h;
    }

    /** A user known only by handle, as test injections and the simulator create them. */
    public static User named(String uniqueId) {
        return new User("u-" + uniqueId, uniqueId, uniqueId, "", false, false, false, 0);
    }
}
