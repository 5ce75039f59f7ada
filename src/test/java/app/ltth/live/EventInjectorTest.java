package app.ltth.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.events.ChatEvent;
import app.ltth.events.EventType;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.ViewerCountEvent;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventInjectorTest {

    private final EventInjector injector = new EventInjector();

    private LiveEvent parse(String json) throws Exception {
        return injector.parse(Json.MAPPER.readTree(json));
    }

    @Test
    void aGiftWithCountIsOneFinishedStreakWorthCoinsTimesCount() throws Exception {
        GiftEvent gift = (GiftEvent) parse("{\"type\":\"gift\",\"user\":\"anna\",\"giftName\":\"Rose\",\"coins\":1,\"count\":5}");
        assertThat(gift.user().uniqueId()).isEqualTo("anna");
        assertThat(gift.giftName()).isEqualTo("Rose");
        assertThat(gift.repeatCount()).isEqualTo(5);
        assertThat(gift.isFinal()).isTrue();
        assertThat(gift.coins()).isEqualTo(5);
    }

    @Test
    void aStreakUpdateCanBeInjectedToo() throws Exception {
        GiftEvent gift = (GiftEvent) parse("{\"type\":\"gift\",\"giftName\":\"Rose\",\"count\":3,\"repeatEnd\":false,\"groupId\":77}");
        assertThat(gift.streakInProgress()).isTrue();
        assertThat(gift.groupId()).isEqualTo(77);
    }

    @Test
    void everyInjectableTypeParses() throws Exception {
        assertThat(((ChatEvent) parse("{\"type\":\"chat\",\"user\":\"a\",\"comment\":\"hi 👋\"}")).comment()).isEqualTo("hi 👋");
        assertThat(((LikeEvent) parse("{\"type\":\"like\",\"count\":15}")).likeCount()).isEqualTo(15);
        assertThat(((SubscribeEvent) parse("{\"type\":\"subscribe\",\"months\":3}")).months()).isEqualTo(3);
        assertThat(((ViewerCountEvent) parse("{\"type\":\"viewers\",\"viewerCount\":120}")).viewerCount()).isEqualTo(120);
        for (String type : new String[] {"follow", "share", "join", "emote", "streamEnd"}) {
            assertThat(parse("{\"type\":\"" + type + "\"}").type().wireName()).isEqualTo(type);
        }
        assertThat(parse("{\"type\":\"question\",\"question\":\"why?\"}").type()).isEqualTo(EventType.QUESTION);
    }

    @Test
    void userFlagsAreTakenOver() throws Exception {
        ChatEvent chat = (ChatEvent) parse("{\"type\":\"chat\",\"user\":\"mod\",\"nickname\":\"The Mod\","
                + "\"moderator\":true,\"subscriber\":true,\"follower\":true,\"teamLevel\":7,\"comment\":\"x\"}");
        assertThat(chat.user().nickname()).isEqualTo("The Mod");
        assertThat(chat.user().moderator()).isTrue();
        assertThat(chat.user().subscriber()).isTrue();
        assertThat(chat.user().follower()).isTrue();
        assertThat(chat.user().teamLevel()).isEqualTo(7);
    }

    @Test
    void htmlInNamesIsKeptAsTheTextItIs() throws Exception {
        ChatEvent chat = (ChatEvent) parse("{\"type\":\"chat\",\"user\":\"<img src=x onerror=alert(1)>\",\"comment\":\"<b>hi</b>\"}");
        assertThat(chat.user().uniqueId()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(chat.comment()).isEqualTo("<b>hi</b>");
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @CsvSource(delimiter = '|', value = {
            "[]                                                  | ",
            "{}                                                  | type",
            "{\"type\":5}                                        | type",
            "{\"type\":\"party\"}                                | type",
            "{\"type\":\"connection\"}                           | type",
            "{\"type\":\"chat\"}                                 | comment",
            "{\"type\":\"chat\",\"comment\":\"  \"}              | comment",
            "{\"type\":\"chat\",\"comment\":42}                  | comment",
            "{\"type\":\"gift\"}                                 | giftName",
            "{\"type\":\"gift\",\"giftName\":\"Rose\",\"count\":0}      | count",
            "{\"type\":\"gift\",\"giftName\":\"Rose\",\"count\":\"5\"}  | count",
            "{\"type\":\"gift\",\"giftName\":\"Rose\",\"count\":1.5}    | count",
            "{\"type\":\"gift\",\"giftName\":\"Rose\",\"coins\":-1}     | coins",
            "{\"type\":\"gift\",\"giftName\":\"Rose\",\"coin\":5}       | coin",
            "{\"type\":\"gift\",\"giftName\":\"Rose\",\"repeatEnd\":\"yes\"} | repeatEnd",
            "{\"type\":\"like\",\"count\":100001}                | count",
            "{\"type\":\"viewers\"}                              | viewerCount",
            "{\"type\":\"viewers\",\"viewerCount\":10,\"user\":\"a\"} | user",
            "{\"type\":\"follow\",\"user\":\"\"}                 | user",
            "{\"type\":\"follow\",\"teamLevel\":-1}              | teamLevel",
            "{\"type\":\"question\"}                             | question",
    })
    void badInputIsRefusedNamingTheField(String json, String field) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field))
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void overlongTextIsRefused() {
        String longName = "x".repeat(EventInjector.MAX_NAME + 1);
        assertThatThrownBy(() -> parse("{\"type\":\"follow\",\"user\":\"" + longName + "\"}"))
                .hasMessageContaining("at most");
        String longComment = "x".repeat(EventInjector.MAX_TEXT + 1);
        assertThatThrownBy(() -> parse("{\"type\":\"chat\",\"comment\":\"" + longComment + "\"}"))
                .hasMessageContaining("at most " + EventInjector.MAX_TEXT);
    }
}
