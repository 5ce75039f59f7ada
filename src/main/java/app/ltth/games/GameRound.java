package app.ltth.games;

import java.util.SplittableRandom;

/**
 * One round of a game: who started it, how ({@code gift}, {@code command}, {@code flow} or {@code dashboard}) and with
 * what (the wheel, the bet), and the seed of its randomness: the same seed plays the same round again, so a test can
 * replay one.
 *
 * @param handle   the viewer's @handle, empty when the streamer started it
 * @param argument what the round is played with: a wheel's id, a bet
 */
public record GameRound(String id, String game, String handle, String nickname, String how, String argument, long seed) {

    /** The round's own randomness: everything random in it comes from here, in order. */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }
}
