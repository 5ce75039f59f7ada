package app.ltth.customevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.events.CustomEvent;
import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import app.ltth.template.EventFields;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomEventsTest {

    private static CustomEvent read(String json) throws Exception {
        return CustomEvents.read(Json.MAPPER.readTree(json), Set.of("token"), "udp", "c-1", 1_000L);
    }

    private static String fieldAtFault(String json) {
        try {
            read(json);
        } catch (ValidationException e) {
            return e.field();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void nameAndFieldsInTheirOrderBecomeTheEventsPlaceholders() throws Exception {
        CustomEvent e = read("{\"token\":\"t\",\"name\":\"Spiel:Sieg_1\",\"fields\":{\"spieler\":\"Zoë 🎮\",\"punkte\":12,"
                + "\"quote\":1.5,\"neu\":true,\"leer\":null}}");
        assertThat(e.name()).isEqualTo("Spiel:Sieg_1");
        assertThat(e.source()).isEqualTo("udp");
        assertThat(e.fields()).containsExactly(Map.entry("spieler", "Zoë 🎮"), Map.entry("punkte", 12L),
                Map.entry("quote", 1.5), Map.entry("neu", true), Map.entry("leer", "")).hasSize(5);
        Map<String, Object> placeholders = EventFields.of(e, 0, ZoneOffset.UTC);
        assertThat(placeholders).containsEntry("type", "custom").containsEntry("name", "Spiel:Sieg_1")
                .containsEntry("source", "udp").containsEntry("spieler", "Zoë 🎮").containsEntry("punkte", 12L);
        assertThat(read("{\"name\":\"ping\"}").fields()).isEmpty();
    }

    @Test
    void whatAProgramGetsWrongIsRefusedWithTheFieldAtFault() {
        assertThat(fieldAtFault("{\"fields\":{}}")).isEqualTo("name");
        assertThat(fieldAtFault("{\"name\":\"\"}")).isEqualTo("name");
        assertThat(fieldAtFault("{\"name\":\"two words\"}")).isEqualTo("name");
        assertThat(fieldAtFault("{\"name\":\"" + "x".repeat(65) + "\"}")).isEqualTo("name");
        assertThat(fieldAtFault("{\"name\":7}")).isEqualTo("name");
        assertThat(fieldAtFault("{\"name\":\"a\",\"user\":\"anna\"}")).isEqualTo("user");
        assertThat(fieldAtFault("{\"name\":\"a\",\"fields\":[1]}")).isEqualTo("fields");
        assertThat(fieldAtFault("{\"name\":\"a\",\"fields\":{\"x\":{\"y\":1}}}")).isEqualTo("fields.x");
        assertThat(fieldAtFault("{\"name\":\"a\",\"fields\":{\"x\":[1]}}")).isEqualTo("fields.x");
        assertThat(fieldAtFault("{\"name\":\"a\",\"fields\":{\"1x\":1}}")).isEqualTo("fields.1x");
        assertThat(fieldAtFault("{\"name\":\"a\",\"fields\":{\"a-b\":1}}")).isEqualTo("fields.a-b");
        assertThat(fieldAtFault("{\"name\":\"a\",\"fields\":{\"totalCoins\":1}}")).isEqualTo("fields.totalCoins");
        assertThat(fieldAtFault("{\"name\":\"a\",\"fields\":{\"x\":\"" + "y".repeat(501) + "\"}}")).isEqualTo("fields.x");
        StringBuilder many = new StringBuilder("{\"name\":\"a\",\"fields\":{");
        for (int i = 0; i < 33; i++) many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        assertThat(fieldAtFault(many.append("}}").toString())).isEqualTo("fields");
        assertThatThrownBy(() -> CustomEvents.read(Json.MAPPER.readTree("[1]"), Set.of(), "http", "c", 0))
                .isInstanceOf(ValidationException.class);
    }
}
