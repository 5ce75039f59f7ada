package app.ltth.games;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One quiz question while it is asked: the answers that come from chat ({@code a} to {@code d}, or the answer's text,
 * whatever the case and accents), the first one of each viewer counting; the jokers (50:50 takes two wrong answers
 * away, more time adds seconds); and at the end who was right, in the order they answered, with their points: the
 * first gets the most, each later one less, down to a least. Pure: the caller says what time it is.
 */
public final class QuizQuestion {

    /** A viewer who answered right, and what it earned. */
    public record Right(String handle, String nickname, long points) {
    }

    private final QuizPack.Question question;
    private final Map<String, Integer> answers = new LinkedHashMap<>();   // in the order they came
    private final Map<String, String> nicknames = new LinkedHashMap<>();
    private final Set<Integer> removed = new HashSet<>();
    private long endsAt;

    public QuizQuestion(QuizPack.Question question, long now, int seconds) {
        this.question = question;
        this.endsAt = now + seconds * 1000L;
    }

    public QuizPack.Question question() {
        return question;
    }

    public long endsAt() {
        return endsAt;
    }

    public Set<Integer> removed() {
        return Set.copyOf(removed);
    }

    public int answerCount() {
        return answers.size();
    }

    /** Which answer a chat line gives: 0 to 3, or -1 when it is none (or one 50:50 took away). */
    public int match(String line) {
        String text = normal(line);
        if (text.length() == 1 && text.charAt(0) >= 'a' && text.charAt(0) < 'a' + question.answers().size()) {
            int index = text.charAt(0) - 'a';
            return removed.contains(index) ? -1 : index;
        }
        for (int i = 0; i < question.answers().size(); i++) {
            if (!removed.contains(i) && normal(question.answers().get(i)).equals(text)) return i;
        }
        return -1;
    }

    /** Lower case, without accents, punctuation or doubled spaces: "  Élan! " is "elan". */
    static String normal(String s) {
        String plain = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** A chat line during the question: a viewer's first answer counts, later ones do not. True when it was one. */
    public boolean answer(String handle, String nickname, String line, long now) {
        if (now >= endsAt || answers.containsKey(handle)) return false;
        int index = match(line);
        if (index < 0) return false;
        answers.put(handle, index);
        nicknames.put(handle, nickname);
        return true;
    }

    /** 50:50: two wrong answers go (one when only three are left), picked by the round's randomness. */
    public Set<Integer> fiftyFifty(SplittableRandom random) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < question.answers().size(); i++) if (i != question.correct() && !removed.contains(i)) wrong.add(i);
        for (int n = 0; n < 2 && wrong.size() > 0 && question.answers().size() - removed.size() > 2; n++) {
            removed.add(wrong.remove(random.nextInt(wrong.size())));
        }
        return removed();
    }

    /** More time: the question runs {@code seconds} longer. */
    public void moreTime(int seconds) {
        endsAt += seconds * 1000L;
    }

    /** The question closes now (the streamer stops the quiz). */
    public void close(long now) {
        endsAt = Math.min(endsAt, now);
    }

    public boolean over(long now) {
        return now >= endsAt;
    }

    /** Who was right, first first: the first gets {@code first} points, each later one {@code step} less, never below {@code least}. */
    public List<Right> right(long first, long step, long least) {
        List<Right> out = new ArrayList<>();
        for (Map.Entry<String, Integer> a : answers.entrySet()) {
            if (a.getValue() != question.correct()) continue;
            out.add(new Right(a.getKey(), nicknames.get(a.getKey()), Math.max(least, first - step * out.size())));
        }
        return out;
    }
}
