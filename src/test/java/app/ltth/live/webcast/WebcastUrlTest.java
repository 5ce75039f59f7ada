package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The websocket address as TikTok's web client builds it, and the address templates in the settings. */
class WebcastUrlTest {

    private static final String AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36";
    private static final ProtoMessageFetchResult SIGNED = ProtoMessageFetchResult.newBuilder().setCursor("t-1")
            .setInternalExt("fetch_time:1|x").putRouteParams("wrss", "abc").putRouteParams("empty", "").build();

    @Test
    void browserParametersThenTheConnectionThenRouteParamsThenTheTrailingVersion() {
        String url = WebcastSession.url("wss://webcast.tiktok.com/webcast/im/push/v2/",
                BrowserParams.defaults(AGENT, ZoneId.of("Europe/Berlin")), 7300000000000000001L, SIGNED);
        String query = url.substring(url.indexOf('?') + 1);
        assertThat(query).startsWith("aid=1988&app_language=en&app_name=tiktok_web&version_code=180800&device_platform=web"
                + "&identity=audience&live_id=12&did_rule=3&client_enter=1&heartbeat_duration=0");
        assertThat(query).contains("&browser_platform=MacIntel&browser_name=Mozilla&browser_version=5.0+%28Macintosh%3B"
                + "+Intel+Mac+OS+X+10_15_7%29+AppleWebKit%2F537.36&browser_online=true&tz_name=Europe%2FBerlin"
                + "&room_id=7300000000000000001&cursor=t-1&internal_ext=fetch_time%3A1%7Cx&resp_content_type=protobuf"
                + "&compress=gzip&wrss=abc&version_code=270000");
        assertThat(query).as("empty route params are dropped").doesNotContain("empty=");
        assertThat(query).endsWith("&version_code=270000");
    }

    @Test
    void aPushServerThatAlreadyHoldsAQueryIsJoinedCorrectly() {
        Map<String, String> one = Map.of("aid", "1988");
        assertThat(WebcastSession.url("wss://h/push?region=eu", one, 1, SIGNED)).startsWith("wss://h/push?region=eu&aid=1988&room_id=1");
        assertThat(WebcastSession.url("wss://h/push?", one, 1, SIGNED)).startsWith("wss://h/push?aid=1988&");
        assertThat(WebcastSession.url("wss://h/push?a=1&", one, 1, SIGNED)).startsWith("wss://h/push?a=1&aid=1988&");
    }

    @Test
    void overridesReplaceAddOrRemoveParameters() {
        Map<String, String> p = BrowserParams.override(BrowserParams.defaults(AGENT, ZoneId.of("UTC")),
                "version_code=190000&ws_direct=&new_one=a%20b");
        assertThat(p).containsEntry("version_code", "190000").containsEntry("new_one", "a b").doesNotContainKey("ws_direct");
        assertThatThrownBy(() -> BrowserParams.override(Map.of(), "novalue")).hasMessageContaining("name=value");
    }

    @Test
    void templatesAreFilledEncodedAndCheckedWhenSaved() {
        assertThat(UrlTemplate.fill("https://s/f?room_id={roomId}&user_agent={userAgent}",
                Map.of("roomId", "42", "userAgent", "Mozilla/5.0 (X)"))).isEqualTo("https://s/f?room_id=42&user_agent=Mozilla%2F5.0+%28X%29");
        UrlTemplate.check(WebcastConfig.defaults().signUrl(), WebcastConfig.SIGN_PLACEHOLDERS, WebcastConfig.HTTP);
        UrlTemplate.check(WebcastConfig.defaults().relayUrl(), WebcastConfig.RELAY_PLACEHOLDERS, WebcastConfig.WEBSOCKET);
        assertThatThrownBy(() -> UrlTemplate.check("https://s/?u={user}", Set.of("roomId"), WebcastConfig.HTTP))
                .hasMessageContaining("{user} is not a placeholder");
        assertThatThrownBy(() -> UrlTemplate.check("ftp://s/{roomId}", Set.of("roomId"), WebcastConfig.HTTP))
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> UrlTemplate.check("https://a b/{roomId}", Set.of("roomId"), WebcastConfig.HTTP))
                .hasMessageContaining("not a valid address");
    }
}
