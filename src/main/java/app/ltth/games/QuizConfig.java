package app.ltth.games;

import app.ltth.input.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * How the streamer set up the quiz show: the pack (empty: LTTH's own in the dashboard's language), questions per
 * quiz, seconds per question and for the results between, the points (the first right answer most, each later one
 * {@code step} less, never below {@code least}), the gifts that buy the jokers, and whether text to speech reads the
 * questions. Pure.
 */
public record QuizConfig(String pack, int questions, int seconds, int pauseSeconds, long firstPoints, long step, long least,
                         String fiftyGift, String timeGift, int timeSeconds, boolean speak) {

    private static final Set<String> FIELDS = Set.of("pack", "questions", "seconds", "pauseSeconds", "firstPoints", "step",
            "least", "fiftyGift", "timeGift", "timeSeconds", "speak");

    public static QuizConfig defaults() {
        return new QuizConfig("", 5, 20, 6, 100, 20, 10, "Rose", "Finger Heart", 10, false);
    }

    /** This configuration with a change: the page's settings, or one quiz's own options. */
    public QuizConfig with(JsonNode change) {
        JsonFields f = new JsonFields(change, "");
        f.refuseUnknown(FIELDS, "setting", "use " + String.join(", ", FIELDS));
        return new QuizConfig(f.text("pack", pack, 60), (int) f.number("questions", questions, 1, 50),
                (int) f.number("seconds", seconds, 5, 300), (int) f.number("pauseSeconds", pauseSeconds, 2, 60),
                f.number("firstPoints", firstPoints, 0, 100_000), f.number("step", step, 0, 100_000), f.number("least", least, 0, 100_000),
                f.text("fiftyGift", fiftyGift, 60), f.text("timeGift", timeGift, 60), (int) f.number("timeSeconds", timeSeconds, 1, 120),
                f.bool("speak", speak));
    }
}
