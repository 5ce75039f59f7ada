package app.ltth.osc;

/** At most {@code perSecond} messages a second, with bursts up to the same number; the caller passes the clock. */
final class RateCap {

    private final double perSecond;
    private double tokens;
    private long last = Long.MIN_VALUE;

    RateCap(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    synchronized boolean take(long nowMillis) {
        if (last != Long.MIN_VALUE) tokens = Math.min(perSecond, tokens + (nowMillis - last) * perSecond / 1000.0);
        last = nowMillis;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
