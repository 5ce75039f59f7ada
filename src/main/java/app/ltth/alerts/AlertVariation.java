package app.ltth.alerts;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import java.util.Locale;

/**
 * A gift alert of its own for one gift, or for streaks in a range of coins: its own text, sound, picture or video
 * and time on screen. The gift alert's style, animation and volume apply.
 *
 * @param giftName the gift's name as TikTok sends it (any case); empty for a coin range
 * @param minCoins a coin range's lower end (the streak's coins)
 * @param maxCoins its upper end, inclusive; 0 for no upper end
 */
public record AlertVariation(String giftName, long minCoins, long maxCoins, String text, String sound, String media,
                             int seconds) {

    boolean matchesName(String gift) {
        return !giftName.isEmpty() && giftName.toLowerCase(Locale.ROOT).equals(gift.toLowerCase(Locale.ROOT));
    }

    boolean matchesCoins(long coins) {
        return giftName.isEmpty() && coins >= minCoins && (maxCoins == 0 || coins <= maxCoins);
    }

    /** The gift alert with this variation's text, sound, media and seconds. */
    AlertConfig applyTo(AlertConfig gift) {
        return new AlertConfig(gift.type(), gift.enabled(), text, sound, gift.volume(), media, seconds, gift.animation(),
                gift.style(), gift.minCoins(), gift.likeStep(), java.util.List.of());
    }

    static AlertVariation parse(JsonFields f) {
        String giftName = f.text("giftName", "", 60);
        long min = f.number("minCoins", 0, 0, 100_000_000);
        long max = f.number("maxCoins", 0, 0, 100_000_000);
        if (max != 0 && max < min) {
            throw new ValidationException(f.path("maxCoins"), "maxCoins must be 0 (no limit) or at least minCoins",
                    "error.alert.range", java.util.Map.of());
        }
        if (giftName.isEmpty() && min == 0 && max == 0) {
            throw new ValidationException(f.path("giftName"), "Name a gift, or give a range of coins",
                    "error.alert.variationMatch", java.util.Map.of());
        }
        return new AlertVariation(giftName, min, max, f.requiredText("text", 300), f.url("sound"), f.url("media"),
                (int) f.number("seconds", 5, 1, 60));
    }
}
