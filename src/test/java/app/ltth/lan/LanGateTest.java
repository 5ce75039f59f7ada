package app.ltth.lan;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.web.Access;
import org.junit.jupiter.api.Test;

class LanGateTest {

    private final LanTokens tokens = LanTokens.fresh();
    private long now;
    private final LanGate gate = new LanGate(() -> tokens, () -> now);

    @Test
    void theDashboardLinkOpensEverythingAndTheOverlayLinkOnlyOverlays() {
        assertThat(gate.request("192.168.1.20", "PUT", "/api/settings", tokens.dashboard()))
                .isEqualTo(new LanGate.Verdict.Admitted(Access.FULL));
        for (String path : new String[] {"/overlay.html", "/overlays/chat.html", "/js/overlay.js", "/api/client-config",
                "/api/leaderboard", "/media/ding.mp3", "/api/tts/audio/a1.mp3", "/plugins/hello/overlay.html",
                "/plugins/hello/assets/overlay.js", "/locales/de.json", "/vendor/socket.io/socket.io.min.js"}) {
            assertThat(gate.request("192.168.1.20", "GET", path, tokens.overlay())).as(path)
                    .isEqualTo(new LanGate.Verdict.Admitted(Access.OVERLAY));
        }
        for (String path : new String[] {"/api/settings", "/dashboard.html", "/plugins.html", "/api/plugins",
                "/plugins/hello", "/api/profiles/default/export", "/api/lan", "/api/lan/qr", "/overlays/../api/lan"}) {
            assertThat(gate.request("192.168.1.20", "GET", path, tokens.overlay())).as(path)
                    .isInstanceOf(LanGate.Verdict.Refused.class);
        }
        assertThat(gate.request("192.168.1.20", "POST", "/api/overlays/anything", tokens.overlay()))
                .isInstanceOf(LanGate.Verdict.Refused.class);
        assertThat(gate.request("192.168.1.20", "GET", "/overlay.html", null))
                .isEqualTo(new LanGate.Verdict.Refused(401, gate.token("x", null) instanceof LanGate.Verdict.Refused r ? r.message() : ""));
    }

    @Test
    void wrongTokensAreSlowedDownPerAddressForAMinute() {
        for (int i = 0; i < LanGate.WRONG_TOKENS_ALLOWED; i++) {
            assertThat(gate.token("192.168.1.66", "guess" + i)).extracting(v -> ((LanGate.Verdict.Refused) v).status())
                    .isEqualTo(401);
        }
        assertThat(gate.token("192.168.1.66", tokens.dashboard())).as("even the right one, for now")
                .extracting(v -> ((LanGate.Verdict.Refused) v).status()).isEqualTo(429);
        assertThat(gate.token("192.168.1.20", tokens.dashboard())).as("another device is not held up")
                .isEqualTo(new LanGate.Verdict.Admitted(Access.FULL));
        now += java.util.concurrent.TimeUnit.SECONDS.toNanos(61);
        assertThat(gate.token("192.168.1.66", tokens.dashboard())).isEqualTo(new LanGate.Verdict.Admitted(Access.FULL));
    }

    @Test
    void cookiesAreReadByName() {
        assertThat(LanMode.cookie("a=1; ltth_lan=abc; b=2")).isEqualTo("abc");
        assertThat(LanMode.cookie("xltth_lan=abc")).isNull();
        assertThat(LanMode.cookie(null)).isNull();
    }
}
