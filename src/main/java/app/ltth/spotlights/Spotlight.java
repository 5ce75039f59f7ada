package app.ltth.spotlights;

import app.ltth.events.User;

/**
 * Who is in one spotlight, and what they did: the gift and its count and coins for gifts, the likes for likes, the
 * message for chat, the months for subscriptions.
 *
 * @param kind one of {@link Spotlights#KINDS}
 * @param at   when it happened (epoch ms)
 */
public record Spotlight(String kind, String uniqueId, String nickname, String avatarUrl, long at, String gift,
                        String giftImage, long count, long coins, String comment) {

    static Spotlight of(String kind, User user, long at) {
        return new Spotlight(kind, user.uniqueId(), user.nickname(), user.avatarUrl() == null ? "" : user.avatarUrl(), at, "",
                "", 0, 0, "");
    }

    Spotlight withGift(String name, String image, long giftCount, long giftCoins) {
        return new Spotlight(kind, uniqueId, nickname, avatarUrl, at, name, image == null ? "" : image, giftCount, giftCoins,
                comment);
    }

    Spotlight withCount(long n) {
        return new Spotlight(kind, uniqueId, nickname, avatarUrl, at, gift, giftImage, n, coins, comment);
    }

    Spotlight withComment(String text) {
        return new Spotlight(kind, uniqueId, nickname, avatarUrl, at, gift, giftImage, count, coins, text);
    }
}
