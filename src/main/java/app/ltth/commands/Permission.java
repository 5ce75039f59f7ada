package app.ltth.commands;

import app.ltth.events.User;
import java.util.Locale;

/** Who may use a command; each level includes the ones above it in rank (a moderator may what a follower may). */
public enum Permission {
    EVERYONE, FOLLOWER, SUBSCRIBER, MODERATOR, BROADCASTER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param broadcaster whether {@code user} is the streamer themself */
    boolean allows(User user, boolean broadcaster) {
        return switch (this) {
            case EVERYONE -> true;
            case FOLLOWER -> user.follower() || user.subscriber() || user.moderator() || broadcaster;
            case SUBSCRIBER -> user.subscriber() || user.moderator() || broadcaster;
            case MODERATOR -> user.moderator() || broadcaster;
            case BROADCASTER -> broadcaster;
        };
    }
}
