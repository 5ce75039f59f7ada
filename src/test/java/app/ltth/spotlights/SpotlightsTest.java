package app.ltth.spotlights;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import org.junit.jupiter.api.Test;

class SpotlightsTest {

    private final User anna = User.named("anna");
    private final User ben = User.named("ben");

    private static GiftEvent gift(String id, User user, String name, int coinsEach, int count, boolean end) {
        return new GiftEvent(id, 1_000, user, 1, name, coinsEach, count, end, true, 7, "https://img/" + name + ".png");
    }

    @Test
    void eachEventFillsItsSpotlight() {
        Spotlights s = new Spotlights();
        assertThat(s.apply(new FollowEvent("f", 1, anna))).containsExactly("follower");
        assertThat(s.apply(new ShareEvent("s", 2, ben))).containsExactly("sharer");
        assertThat(s.apply(new LikeEvent("l", 3, anna, 15, 100))).containsExactly("liker");
        assertThat(s.apply(new ChatEvent("c", 4, ben, "hello <b>there</b>"))).containsExactly("chatter");
        assertThat(s.apply(new SubscribeEvent("u", 5, anna, 3))).containsExactly("subscriber");
        assertThat(s.apply(new ViewerCountEvent("v", 6, 10))).isEmpty();
        assertThat(s.get("follower").uniqueId()).isEqualTo("anna");
        assertThat(s.get("liker").count()).isEqualTo(15);
        assertThat(s.get("chatter").comment()).isEqualTo("hello <b>there</b>");
        assertThat(s.get("subscriber").count()).isEqualTo(3);
        assertThat(s.all()).containsOnlyKeys("follower", "sharer", "liker", "chatter", "subscriber");
    }

    @Test
    void giftsMoveTheLastGifterAtTheStreaksEndTheTopGiftByCoinsAndTheLongestStreakWhileItRuns() {
        Spotlights s = new Spotlights();
        assertThat(s.apply(gift("r1", anna, "Rose", 1, 3, false))).containsExactly("streak");
        assertThat(s.get("gifter")).as("a running streak is no finished gift yet").isNull();
        assertThat(s.apply(gift("r2", anna, "Rose", 1, 12, true))).containsExactly("streak", "gifter", "topGift");
        assertThat(s.get("topGift").coins()).isEqualTo(12);
        assertThat(s.apply(gift("g1", ben, "Galaxy", 1000, 1, true))).containsExactly("gifter", "topGift");
        assertThat(s.get("topGift").uniqueId()).isEqualTo("ben");
        assertThat(s.get("streak").uniqueId()).as("12 Roses are still the longest").isEqualTo("anna");
        assertThat(s.apply(gift("r3", ben, "Rose", 1, 5, true))).containsExactly("gifter");
        assertThat(s.get("gifter").gift()).isEqualTo("Rose");
        assertThat(s.get("gifter").giftImage()).isEqualTo("https://img/Rose.png");

        assertThat(s.newStream()).containsExactlyInAnyOrder("topGift", "streak");
        assertThat(s.get("topGift")).isNull();
        assertThat(s.get("gifter").uniqueId()).as("the last gifter stays").isEqualTo("ben");
        assertThat(s.newStream()).isEmpty();
    }
}
