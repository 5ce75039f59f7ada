package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reconnect rules with an injected clock and jitter: no sleeping. */
class ReconnectPolicyTest {

    private static ReconnectPolicy policy(double jitter) {
        return new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), () -> jitter);
    }

    @Test
    void backoffDoublesWithinPlusMinusTwentyPercentUpToTheMaximum() {
        ReconnectPolicy low = policy(0.0);
        ReconnectPolicy high = policy(1.0);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long nominal = Math.min(60_000, 1_000L << (attempt - 1));
            assertThat(low.nextDelay(0)).isEqualTo((long) (nominal * 0.8));
            assertThat(high.nextDelay(0)).isEqualTo((long) (nominal * 1.2));
        }
    }

    @Test
    void aRateLimitsRetryAfterIsTheLeastWait() {
        ReconnectPolicy p = policy(0.5);
        assertThat(p.nextDelay(30_000)).isEqualTo(30_000);
        assertThat(p.nextDelay(0)).isEqualTo(2_000);
    }

    @Test
    void theBackoffStartsOverOnlyAfterSixtySecondsOfEvents() {
        ReconnectPolicy p = policy(0.5);
        p.nextDelay(0);
        p.nextDelay(0);
        p.nextDelay(0);
        // Connected, events for 59 s, then lost: the next wait keeps growing.
        p.opened(100_000);
        p.delivered(101_000);
        p.delivered(160_000);
        assertThat(p.closedAtOnce(160_500)).isFalse();
        assertThat(p.nextDelay(0)).isEqualTo(8_000);
        // Connected, but nothing delivered for a long time: no reset either.
        p.opened(200_000);
        assertThat(p.nextDelay(0)).as("an open socket alone is not health").isEqualTo(16_000);
        // Events from 300 s to 360 s: healthy, so the next loss starts from the first step.
        p.opened(299_000);
        p.delivered(300_000);
        p.delivered(359_999);
        assertThat(p.failures()).isEqualTo(5);
        p.delivered(360_000);
        assertThat(p.failures()).isZero();
        assertThat(p.nextDelay(0)).isEqualTo(1_000);
    }

    @Test
    void aSocketAcceptedAndClosedAtOnceIsNoticed() {
        ReconnectPolicy p = policy(0.5);
        p.opened(1_000);
        assertThat(p.closedAtOnce(2_000)).isTrue();
        p.opened(10_000);
        p.delivered(10_500);
        assertThat(p.closedAtOnce(11_000)).as("it delivered events").isFalse();
        p.opened(20_000);
        assertThat(p.closedAtOnce(30_000)).as("it lasted").isFalse();
    }

    @Test
    void theLiveStatusIsCheckedEveryThirdFailure() {
        ReconnectPolicy p = policy(0.5);
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            p.nextDelay(0);
            checks.append(p.checkLiveNow() ? 'x' : '.');
        }
        assertThat(checks.toString()).isEqualTo("..x..x.");
    }
}
