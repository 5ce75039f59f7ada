package app.ltth.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.User;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private final User anna = new User("42", "anna", "<Anna>", "", true, false, true, 3);

    @Test
    void placeholdersAreFilledFromTheEventsFields() {
        GiftEvent gift = new GiftEvent("g1", 1_700_000_000_000L, anna, 5655, "Rose", 1, 10, true, true, 7, "");
        Map<String, Object> fields = EventFields.of(gift, 1234, ZoneId.of("UTC"));
        assertThat(Template.render("{nickname} sent {giftCount}x {giftName} ({coins} coins, {totalCoins} today) at {time}",
                fields)).isEqualTo("<Anna> sent 10x Rose (10 coins, 1234 today) at 22:13");
        assertThat(fields).containsEntry("followerRole", "subscriber").containsEntry("date", "2023-11-14")
                .containsEntry("final", true);
    }

    @Test
    void valuesAreEscapedWhereverTheyReachAPage() {
        ChatEvent chat = new ChatEvent("c1", 0, anna, "<img src=x onerror=alert(1)>");
        Map<String, Object> fields = EventFields.of(chat, 0, ZoneId.of("UTC"));
        assertThat(Template.renderHtml("<b>{nickname}</b>: {comment}", fields))
                .isEqualTo("<b>&lt;Anna&gt;</b>: &lt;img src=x onerror=alert(1)&gt;");
        assertThat(Template.render("{comment}", fields)).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void aTemplateFromASharedFileKeepsItsFormattingButNothingThatRuns() {
        Map<String, Object> fields = Map.of("nickname", "<i>Ben</i>");
        assertThat(Template.renderHtml("<b>Hi</b> <span style=\"color:red\" class=\"big\">{nickname}</span>"
                + "<img src=x onerror=\"document.title='pwned'\"><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>"
                + "<b onclick=\"alert(1)\">!</b>", fields))
                .isEqualTo("<b>Hi</b> <span style=\"color:red\" class=\"big\">&lt;i&gt;Ben&lt;/i&gt;</span>x<b>!</b>");
        // The template is cleaned before it is filled: a value cannot leave the attribute it stands in.
        assertThat(Template.renderHtml("<span class=\"{nickname}\">hi</span>", Map.of("nickname", "x\" onclick=\"alert(1)")))
                .isEqualTo("<span class=\"x&quot; onclick=&quot;alert(1)\">hi</span>");
    }

    @Test
    void unknownPlaceholdersStayVisibleAndAreReported() {
        assertThat(Template.render("hi {usrname}!", Map.of("username", "anna"))).isEqualTo("hi {usrname}!");
        assertThat(Template.unknown("{username} {usrname} {var.counter} {giftName} {coin}")).containsExactly("usrname", "coin");
        assertThat(Template.render("count: {var.counter}", Map.of("var.counter", 5))).isEqualTo("count: 5");
        assertThat(Template.render("no {placeholders} with $ and \\ in values", Map.of("placeholders", "$1 \\ ")))
                .isEqualTo("no $1 \\  with $ and \\ in values");
    }
}
