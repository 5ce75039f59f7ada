package app.ltth.timers;

import java.util.ArrayDeque;
import java.util.Deque;

/** Likes of the last seconds, for a timer whose speed follows them: pure, the clock is passed in. */
final class LikeMeter {

    private final Deque<long[]> seconds = new ArrayDeque<>();   // {epoch second, likes}

    void add(long likes, long now) {
        long second = now / 1000;
        long[] last = seconds.peekLast();
        if (last != null && last[0] == second) last[1] += likes; else seconds.addLast(new long[] {second, likes});
    }

    /** The likes of the last {@code window} seconds, forgetting older ones. */
    long within(int window, long now) {
        long first = now / 1000 - window + 1;
        while (!seconds.isEmpty() && seconds.peekFirst()[0] < first) seconds.removeFirst();
        long sum = 0;
        for (long[] s : seconds) sum += s[1];
        return sum;
    }

    /** The speed the likes give: 1 plus a step for every {@code likes} of them, between min and max. */
    static double rate(TimerDef.LikeSpeed speed, long likes) {
        double rate = 1 + speed.step() * (likes / speed.likes());
        return Math.max(speed.min(), Math.min(speed.max(), rate));
    }
}
