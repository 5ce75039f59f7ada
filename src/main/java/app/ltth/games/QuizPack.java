package app.ltth.games;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A pack of quiz questions: LTTH ships one per language, streamers import their own (a JSON file, untrusted: every
 * field is checked and only text is kept). Each question has two to four answers and the index of the right one.
 */
public record QuizPack(String id, String name, String language, List<Question> questions) {

    static final int MAX_QUESTIONS = 2000;

    public record Question(String question, List<String> answers, int correct) {
        public Question {
            answers = List.copyOf(answers);
        }
    }

    public QuizPack {
        questions = List.copyOf(questions);
    }

    /** A pack from its JSON: {"id"?, "name", "language"?, "questions": [{"question", "answers": [...], "correct"}]}. */
    public static QuizPack parse(JsonNode json) {
        JsonFields f = new JsonFields(json, "");
        f.refuseUnknown(Set.of("id", "name", "language", "questions"), "key", "use id, name, language and questions");
        String name = f.requiredText("name", 80);
        String id = f.text("id", name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""), 60);
        if (!id.matches("[a-z0-9-]{1,60}")) throw new ValidationException("id", "an id is 1 to 60 small letters, digits or '-'");
        JsonNode qs = f.node("questions");
        if (qs == null || !qs.isArray() || qs.isEmpty() || qs.size() > MAX_QUESTIONS) {
            throw new ValidationException("questions", "a pack has 1 to " + MAX_QUESTIONS + " questions");
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            JsonFields qf = new JsonFields(qs.get(i), "questions[" + i + "]");
            qf.refuseUnknown(Set.of("question", "answers", "correct"), "key", "use question, answers and correct");
            JsonNode a = qf.node("answers");
            if (a == null || !a.isArray() || a.size() < 2 || a.size() > 4) {
                throw new ValidationException(qf.path("answers"), "a question has 2 to 4 answers");
            }
            List<String> answers = new ArrayList<>();
            for (JsonNode one : a) {
                String text = one.isTextual() ? one.asText().trim() : "";
                if (text.isEmpty() || text.length() > 100) throw new ValidationException(qf.path("answers"), "an answer is a text of 1 to 100 characters");
                answers.add(text);
            }
            questions.add(new Question(qf.requiredText("question", 300), answers,
                    (int) qf.requiredNumber("correct", 0, answers.size() - 1)));
        }
        return new QuizPack(id, name, f.text("language", "", 8), questions);
    }
}
