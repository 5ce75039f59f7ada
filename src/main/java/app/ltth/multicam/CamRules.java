package app.ltth.multicam;

import app.ltth.events.User;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who may switch the cam and when, apart from any I/O: the chat command, gifts, moderators-only with its allowed
 * users, and the cooldowns (per viewer and for everyone). Moderators and allowed users skip the per-viewer cooldown;
 * nobody skips the global one, so two mods cannot flicker the stream. Not thread-safe.
 */
final class CamRules {

    /** A switch to cam {@code index} (0-based), or a refusal with its reason (index -1). */
    record Decision(int index, String reason) {
        boolean allowed() {
            return index >= 0;
        }

        static Decision refused(String reason) {
            return new Decision(-1, reason);
        }
    }

    private final Map<String, Long> lastByUser = new HashMap<>();
    private long lastSwitch = Long.MIN_VALUE;

    /** @return null when the comment is not the command (ordinary chat) */
    Decision command(MultiCamConfig c, String handle, boolean moderator, String comment, int current, long now) {
        String text = comment.strip().toLowerCase(Locale.ROOT);
        if (!text.startsWith(c.command() + " ") && !text.equals(c.command())) return null;
        String arg = text.substring(c.command().length()).strip();
        if (c.cams().isEmpty()) return Decision.refused("no cams are set up");
        int index = target(arg, c.cams().size(), current);
        if (index < 0) return Decision.refused("use " + c.command() + " 1.." + c.cams().size() + ", next or prev");
        boolean trusted = moderator || c.allowedUsers().contains(User.handle(handle));
        if (c.modsOnly() && !trusted) return Decision.refused("only moderators may switch the cam");
        Decision d = cooldowns(c, index, current, now);
        if (!d.allowed()) return d;
        Long last = lastByUser.get(handle);
        if (!trusted && last != null && now - last < c.userCooldownSeconds() * 1000L) {
            return Decision.refused("@" + handle + " may switch again in " + seconds(last + c.userCooldownSeconds() * 1000L - now) + " s");
        }
        return d;
    }

    /** A gift from anyone may switch (the gift is the permission); the global cooldown still holds. */
    Decision gift(MultiCamConfig c, String giftName, int current, long now) {
        String target = c.gifts().get(giftName);
        if (target == null || c.cams().isEmpty()) return null;
        int index = target(target, c.cams().size(), current);
        if (index < 0) return Decision.refused("the gift " + giftName + " points to cam " + target + ", which is not set up");
        return cooldowns(c, index, current, now);
    }

    /** A switch happened: the cooldowns start now. */
    void switched(String handle, long now) {
        lastSwitch = now;
        if (handle != null) lastByUser.put(handle, now);
        lastByUser.values().removeIf(t -> now - t > 3_600_000L);
    }

    private Decision cooldowns(MultiCamConfig c, int index, int current, long now) {
        if (index == current) return Decision.refused("cam " + (index + 1) + " is already on");
        if (lastSwitch != Long.MIN_VALUE && now - lastSwitch < c.globalCooldownSeconds() * 1000L) {
            return Decision.refused("the cam switched " + seconds(now - lastSwitch) + " s ago; wait "
                    + seconds(lastSwitch + c.globalCooldownSeconds() * 1000L - now) + " s");
        }
        return new Decision(index, "");
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    /** "1".."n", "next" or "prev" as a 0-based index; -1 when it is none of them. */
    static int target(String arg, int cams, int current) {
        if (arg.equals("next")) return current < 0 ? 0 : (current + 1) % cams;
        if (arg.equals("prev")) return current < 0 ? cams - 1 : (current - 1 + cams) % cams;
        if (arg.matches("[1-9]")) {
            int n = Integer.parseInt(arg);
            return n <= cams ? n - 1 : -1;
        }
        return -1;
    }
}
