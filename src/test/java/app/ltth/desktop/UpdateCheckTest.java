package app.ltth.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpdateCheckTest {

    @Test
    void versionsCompareNumberByNumberAndASuffixComesFirst() {
        assertThat(UpdateCheck.compare("1.10.0", "1.9.3")).isPositive();
        assertThat(UpdateCheck.compare("v0.2.0", "0.1.0-SNAPSHOT")).isPositive();
        assertThat(UpdateCheck.compare("0.1.0", "0.1.0-SNAPSHOT")).as("the release after its snapshot").isPositive();
        assertThat(UpdateCheck.compare("1.0", "1.0.0")).isZero();
        assertThat(UpdateCheck.compare("v1.2.0", "1.2.0")).isZero();
        assertThat(UpdateCheck.compare("1.0.0-rc1", "1.0.0")).isNegative();
        assertThat(UpdateCheck.compare("0.0.1", "dev")).as("a build from the folder is older than any release").isPositive();
        assertThat(UpdateCheck.compare("99999999999999999999.0", "1.0")).as("huge numbers do not overflow").isPositive();
    }

    @Test
    void onlyAReleaseWithAVersionTagAndAnHttpsPageCounts() {
        assertThat(UpdateCheck.latest("{\"tag_name\":\"v1.4.2\",\"html_url\":\"https://github.com/o/r/releases/tag/v1.4.2\"}"))
                .contains(new UpdateCheck.Release("1.4.2", "https://github.com/o/r/releases/tag/v1.4.2"));
        assertThat(UpdateCheck.latest("{\"tag_name\":\"v1.4.2\",\"html_url\":\"javascript:alert(1)\"}")).isEmpty();
        assertThat(UpdateCheck.latest("{\"tag_name\":\"<b>new</b>\",\"html_url\":\"https://x\"}")).isEmpty();
        assertThat(UpdateCheck.latest("{\"tag_name\":\"v2.0.0\",\"html_url\":\"https://x\",\"draft\":true}")).isEmpty();
        assertThat(UpdateCheck.latest("not json")).isEmpty();
        assertThat(UpdateCheck.latest("[]")).isEmpty();
    }

    @Test
    void theSameVersionIsCurrentAndEachAddressIsAskedOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        io.javalin.Javalin releases = io.javalin.Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.get("/latest", ctx -> {
                asked.incrementAndGet();
                ctx.result("{\"tag_name\":\"v1.2.0\",\"html_url\":\"https://example.org/r/v1.2.0\"}");
            });
        }).start();
        try {
            String address = "http://127.0.0.1:" + releases.port() + "/latest";
            UpdateCheck check = new UpdateCheck("1.2.0");
            assertThat(check.apply(false, address).get().state()).isEqualTo(UpdateCheck.State.OFF);
            assertThat(check.apply(true, "").get().state()).isEqualTo(UpdateCheck.State.NO_ADDRESS);
            UpdateCheck.Status found = check.apply(true, address).get();
            assertThat(found.state()).isEqualTo(UpdateCheck.State.CURRENT);
            assertThat(found.latest()).isEqualTo("1.2.0");
            assertThat(check.apply(true, address).get()).isEqualTo(found);
            assertThat(asked).hasValue(1);
            assertThat(new UpdateCheck("1.1.9").apply(true, address).get().state()).isEqualTo(UpdateCheck.State.NEWER);
        } finally {
            releases.stop();
        }
    }
}
