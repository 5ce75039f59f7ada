package app.ltth.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.i18n.Locales;
import java.nio.file.Path;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import org.junit.jupiter.api.Test;

/** Which look a gift streak gets: a variation for its name, else one for its coins, else the gift alert. */
class AlertVariationTest {

    private static final AlertConfig DEFAULTS = AlertConfig.defaults("gift",
            new Locales(Path.of("target", "no-overrides")).texts("en"));

    private static AlertConfig gift(String json) throws Exception {
        return AlertConfig.parse("gift", Json.MAPPER.readTree(json), DEFAULTS);
    }

    @Test
    void aGiftsNameWinsOverACoinRangeAndRangesGoInOrder() throws Exception {
        AlertConfig gift = gift("""
                {"text": "default", "style": "neon", "variations": [
                  {"minCoins": 100, "maxCoins": 999, "text": "hundreds", "seconds": 7},
                  {"minCoins": 500, "text": "five hundred and up", "sound": "/sounds/like.wav"},
                  {"giftName": "corgi", "text": "a corgi!", "media": "/media/corgi.gif"}]}""");
        assertThat(gift.forGift("Corgi", 299).text()).isEqualTo("a corgi!");
        assertThat(gift.forGift("Corgi", 299).media()).isEqualTo("/media/corgi.gif");
        assertThat(gift.forGift("Rose", 150).text()).isEqualTo("hundreds");
        assertThat(gift.forGift("Rose", 150).seconds()).isEqualTo(7);
        assertThat(gift.forGift("Rose", 150).style()).as("the gift alert's style").isEqualTo("neon");
        assertThat(gift.forGift("Rose", 600).text()).as("the first range that holds it").isEqualTo("hundreds");
        assertThat(gift.forGift("Lion", 29_999).sound()).isEqualTo("/sounds/like.wav");
        assertThat(gift.forGift("Rose", 99).text()).isEqualTo("default");
        assertThat(gift.forGift("Rose", 99).sound()).as("LTTH's own gift sound by default").isEqualTo("/sounds/gift.wav");
    }

    @Test
    void variationsThatCannotMatchOrAreTooManyAreRefusedAtTheirField() {
        assertThatThrownBy(() -> gift("{\"variations\": [{\"text\": \"x\"}]}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("variations[0].giftName");
                    assertThat(e.key()).isEqualTo("error.alert.variationMatch");
                });
        assertThatThrownBy(() -> gift("{\"variations\": [{\"giftName\": \"Rose\", \"text\": \"x\"}, {\"minCoins\": 10, \"maxCoins\": 5, \"text\": \"y\"}]}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("variations[1].maxCoins"));
        assertThatThrownBy(() -> gift("{\"variations\": [{\"giftName\": \"Rose\", \"text\": \"x\", \"sound\": \"javascript:alert(1)\"}]}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("variations[0].sound"));
        assertThatThrownBy(() -> gift("{\"variations\": {\"giftName\": \"Rose\"}}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("variations"));
        assertThatThrownBy(() -> gift("{\"style\": \"glitter\"}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("style"));
    }
}
