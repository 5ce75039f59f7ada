package app.ltth.customevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(now::get);

    private int allowed(String source, int attempts, int perSecond) {
        int n = 0;
        for (int i = 0; i < attempts; i++) if (limiter.allow(source, perSecond)) n++;
        return n;
    }

    @Test
    void eachSourceGetsItsOwnBurstAndRefillsAtTheRate() {
        assertThat(allowed("udp 10.0.0.2", 50, 5)).isEqualTo(5);
        assertThat(allowed("udp 10.0.0.3", 50, 5)).as("another sender is not slowed down by the first").isEqualTo(5);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));
        assertThat(allowed("udp 10.0.0.2", 50, 5)).as("two fifths of a second: two more").isEqualTo(2);
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertThat(allowed("udp 10.0.0.2", 50, 5)).as("a long pause fills the bucket, no more").isEqualTo(5);
    }

    @Test
    void aForgottenSourceStartsWithAFullBucket() {
        allowed("websocket s1", 10, 3);
        assertThat(limiter.allow("websocket s1", 3)).isFalse();
        limiter.forget("websocket s1");
        assertThat(allowed("websocket s1", 10, 3)).isEqualTo(3);
    }
}
