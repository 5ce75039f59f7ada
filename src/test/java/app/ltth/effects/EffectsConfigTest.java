package app.ltth.effects;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The effect settings: every field checked, gift rules matched by name or coins, the emoji rain's sets. */
class EffectsConfigTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static String refusedField(String change) {
        try {
            EffectsConfig.defaults().with(json(change));
        } catch (ValidationException e) {
            return e.field();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + change);
    }

    @Test
    void giftRulesMatchByNameOrByCoinsAndKeepTheirOrder() throws Exception {
        EffectsConfig c = EffectsConfig.defaults().with(json("{\"rules\":["
                + "{\"gift\":\"rose\",\"effect\":\"snow\"},"
                + "{\"minCoins\":1000,\"effect\":\"fireworks\",\"seconds\":8,\"intensity\":1},"
                + "{\"gift\":\"Lion\",\"minCoins\":29999,\"effect\":\"flame\"}]}"));
        assertThat(c.rulesFor("Rose", 1)).extracting(EffectsConfig.GiftRule::effect).containsExactly("snow");
        assertThat(c.rulesFor("Rose", 1)).first().satisfies(r -> {
            assertThat(r.seconds()).as("the default seconds").isEqualTo(15);
            assertThat(r.intensity()).isEqualTo(0.7);
        });
        assertThat(c.rulesFor("Lion", 29999)).extracting(EffectsConfig.GiftRule::effect).containsExactly("fireworks", "flame");
        assertThat(c.rulesFor("Lion", 5000)).extracting(EffectsConfig.GiftRule::effect).containsExactly("fireworks");
        assertThat(c.rulesFor("Heart", 5)).isEmpty();
    }

    @Test
    void everyFieldIsCheckedAndNamedWhenRefused() {
        assertThat(refusedField("{\"sparkles\":true}")).isEqualTo("sparkles");
        assertThat(refusedField("{\"maxParticles\":5}")).isEqualTo("maxParticles");
        assertThat(refusedField("{\"intensity\":2}")).isEqualTo("intensity");
        assertThat(refusedField("{\"commandEffects\":[\"snow\",\"tornado\"]}")).isEqualTo("commandEffects");
        assertThat(refusedField("{\"rules\":[{\"effect\":\"snow\"}]}")).as("a rule names a gift or coins").isEqualTo("rules[0].gift");
        assertThat(refusedField("{\"rules\":[{\"gift\":\"Rose\",\"effect\":\"tornado\"}]}")).isEqualTo("rules[0].effect");
        assertThat(refusedField("{\"emoji\":{\"gift\":[]}}")).isEqualTo("emoji.gift");
        assertThat(refusedField("{\"emoji\":{\"like\":[\"not an emoji at all\"]}}")).isEqualTo("emoji.like");
        assertThat(refusedField("{\"emoji\":{\"gift\":[\"javascript:alert(1)\"]}}")).isEqualTo("emoji.gift");
        assertThat(refusedField("{\"emoji\":{\"preset\":\"hurricane\"}}")).isEqualTo("emoji.preset");
        assertThat(refusedField("{\"emoji\":{\"viewers\":{\"@anna\":\"\"}}}")).isEqualTo("emoji.viewers.@anna");
    }

    @Test
    void emojiSetsTakePicturesAndViewersAreKeptByHandle() throws Exception {
        EffectsConfig c = EffectsConfig.defaults().with(json("{\"emoji\":{\"gift\":[\"🍕\",\"/media/cat.png\"],"
                + "\"perViewer\":true,\"viewers\":{\"@Anna\":\"🦄\"},\"burstCoins\":0}}"));
        assertThat(c.emoji().gift()).containsExactly("🍕", "/media/cat.png");
        assertThat(c.emoji().like()).as("left out: as it was").isEqualTo(EffectsConfig.defaults().emoji().like());
        assertThat(c.emoji().viewers()).containsEntry("anna", "🦄");
        assertThat(c.emoji().perViewer()).isTrue();
        assertThat(c.emoji().burstCoins()).isZero();
        // what is stored reads back the same
        EffectsConfig again = EffectsConfig.defaults().with(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(c)));
        assertThat(again).isEqualTo(c);
    }
}
