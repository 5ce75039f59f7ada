package app.ltth.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.events.ChatEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.User;
import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import org.junit.jupiter.api.Test;

class EventTriggerTest {

    private static final User ANNA = User.named("anna");

    private static EventTrigger parse(String json) throws Exception {
        return EventTrigger.parse(new JsonFields(Json.MAPPER.readTree(json), "mappings[0]"));
    }

    private static GiftEvent rose(int count, boolean end) {
        return new GiftEvent("g" + count, 0, ANNA, 5655, "Rose", 1, count, end, true, 7, "");
    }

    @Test
    void aGiftStreakFiresOnceWhenItEndsAndOnlyForItsGiftAndCoins() throws Exception {
        EventTrigger rose = parse("{\"on\":\"gift\",\"gift\":\"rose\"}");
        assertThat(rose.fires(rose(1, false), 0, 0)).as("a streak still running").isZero();
        assertThat(rose.fires(rose(5, true), 0, 0)).isEqualTo(1);
        assertThat(rose.fires(new GiftEvent("l", 0, ANNA, 1, "Lion", 29999, 1, false, false, 0, ""), 0, 0)).isZero();
        EventTrigger big = parse("{\"on\":\"gift\",\"minCoins\":5}");
        assertThat(big.fires(rose(4, true), 0, 0)).isZero();
        assertThat(big.fires(rose(5, true), 0, 0)).as("any gift from 5 coins").isEqualTo(1);
    }

    @Test
    void followsSharesSubscriptionsAndChatsByTheirStart() throws Exception {
        assertThat(parse("{\"on\":\"follow\"}").fires(new FollowEvent("f", 0, ANNA), 0, 0)).isEqualTo(1);
        assertThat(parse("{\"on\":\"follow\"}").fires(new ShareEvent("s", 0, ANNA), 0, 0)).isZero();
        assertThat(parse("{\"on\":\"share\"}").fires(new ShareEvent("s", 0, ANNA), 0, 0)).isEqualTo(1);
        assertThat(parse("{\"on\":\"subscribe\"}").fires(new SubscribeEvent("u", 0, ANNA, 2), 0, 0)).isEqualTo(1);
        EventTrigger creeper = parse("{\"on\":\"chat\",\"text\":\"!Creeper\"}");
        assertThat(creeper.fires(new ChatEvent("c", 0, ANNA, "!creeper please"), 0, 0)).isEqualTo(1);
        assertThat(creeper.fires(new ChatEvent("c", 0, ANNA, "no creeper"), 0, 0)).isZero();
        assertThat(parse("{\"on\":\"chat\"}").fires(new ChatEvent("c", 0, ANNA, "hi"), 0, 0)).as("every chat").isEqualTo(1);
    }

    @Test
    void likesFireAtEveryMilestoneCrossedAndNoMoreThanTenAtOnce() throws Exception {
        EventTrigger hundred = parse("{\"on\":\"likes\",\"likes\":100}");
        StreamLikes stream = new StreamLikes();
        long[] first = stream.add(new LikeEvent("l1", 0, ANNA, 90, 0));
        assertThat(hundred.fires(new LikeEvent("l1", 0, ANNA, 90, 0), first[0], first[1])).isZero();
        long[] second = stream.add(new LikeEvent("l2", 0, ANNA, 30, 0));
        assertThat(second).containsExactly(90, 120);
        assertThat(hundred.fires(new LikeEvent("l2", 0, ANNA, 30, 0), second[0], second[1])).isEqualTo(1);
        long[] late = stream.add(new LikeEvent("l3", 0, ANNA, 15, 450));
        assertThat(late).as("TikTok's total counts the likes from before LTTH joined").containsExactly(120, 450);
        assertThat(hundred.fires(new LikeEvent("l3", 0, ANNA, 15, 450), late[0], late[1])).isEqualTo(3);
        assertThat(parse("{\"on\":\"likes\",\"likes\":1}").fires(new LikeEvent("l4", 0, ANNA, 500, 0), 0, 500)).isEqualTo(10);
    }

    @Test
    void badTriggersNameTheirField() {
        assertThatThrownBy(() -> parse("{\"on\":\"raid\"}")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("mappings[0].on"));
        assertThatThrownBy(() -> parse("{\"on\":\"likes\"}")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("mappings[0].likes"));
        assertThatThrownBy(() -> parse("{\"on\":\"gift\",\"minCoins\":-1}")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("mappings[0].minCoins"));
    }
}
