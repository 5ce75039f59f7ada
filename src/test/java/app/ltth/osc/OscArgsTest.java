package app.ltth.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OscArgsTest {

    @Test
    void typedValuesKeepTheirTypes() {
        assertThat(OscArgs.parse("b:true i:3 f:0.5 s:hello b:0")).containsExactly(true, 3, 0.5f, "hello", false);
    }

    @Test
    void untypedValuesAreReadAsWhatTheyLookLike() {
        assertThat(OscArgs.parse("true 12 -0.25 wave")).containsExactly(true, 12, -0.25f, "wave");
        assertThat(OscArgs.parse("s:12")).containsExactly("12");
    }

    @Test
    void quotedTextsKeepSpacesAndEscapedQuotes() {
        assertThat(OscArgs.parse("s:\"hello world\" \"say \\\"hi\\\"\" b:true")).containsExactly("hello world", "say \"hi\"", true);
        assertThat(OscArgs.parse("   ")).isEmpty();
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> OscArgs.parse("i:1.5")).hasMessageContaining("i:1.5");
        assertThatThrownBy(() -> OscArgs.parse("b:yes")).hasMessageContaining("b:yes");
        assertThatThrownBy(() -> OscArgs.parse("s:\"open")).hasMessageContaining("not closed");
    }

    @Test
    void theTextFormReadsBackAsTheSameArguments() {
        List<Object> args = List.of(true, 7, 1.5f, "a \"quoted\" text");
        assertThat(OscArgs.parse(OscArgs.format(args))).isEqualTo(args);
    }

    @Test
    void theRateCapAllowsABurstThenRefillsWithTime() {
        RateCap cap = new RateCap(2);
        assertThat(cap.take(1000)).isTrue();
        assertThat(cap.take(1000)).isTrue();
        assertThat(cap.take(1000)).isFalse();
        assertThat(cap.take(1400)).as("0.8 of a message refilled").isFalse();
        assertThat(cap.take(1600)).isTrue();
    }
}
