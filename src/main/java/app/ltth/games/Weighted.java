package app.ltth.games;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** Picks by weight and says whether a gift rule fits a gift: what the wheel's and the plinko board's settings share. */
final class Weighted {

    private Weighted() {
    }

    /** The index of the item the randomness lands on, each as likely as its weight of the total. */
    static <T> int pick(List<T> items, ToIntFunction<T> weight, SplittableRandom random) {
        int total = items.stream().mapToInt(weight).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < items.size(); i++) {
            r -= weight.applyAsInt(items.get(i));
            if (r < 0) return i;
        }
        throw new IllegalStateException("weights add up to " + total);
    }

    /** A rule of a gift by name (any gift when empty) worth at least {@code minCoins} fits this finished streak. */
    static boolean giftFits(String gift, long minCoins, String giftName, long coins) {
        return coins >= minCoins && (gift.isEmpty() || gift.equalsIgnoreCase(giftName));
    }
}
