package app.ltth.games;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import java.io.InputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A quiz question on an injected clock: answer matching, first answers, points in order, jokers; the packs. */
class QuizQuestionTest {

    private static final QuizPack.Question CAPITAL = new QuizPack.Question("Capital of Spain?",
            List.of("Málaga", "Madrid", "São Paulo", "Séville"), 1);

    @Test
    void lettersAndAnswerTextsMatchWhateverTheCaseAndAccents() {
        QuizQuestion q = new QuizQuestion(CAPITAL, 0, 20);
        assertThat(q.match("b")).isEqualTo(1);
        assertThat(q.match(" B ")).isEqualTo(1);
        assertThat(q.match("madrid")).isEqualTo(1);
        assertThat(q.match("MALAGA!")).isEqualTo(0);
        assertThat(q.match("sao paulo")).isEqualTo(2);
        assertThat(q.match("seville")).isEqualTo(3);
        assertThat(q.match("e")).as("there is no fifth answer").isEqualTo(-1);
        assertThat(q.match("I think b")).as("a sentence is no answer").isEqualTo(-1);
        assertThat(q.match("")).isEqualTo(-1);
    }

    @Test
    void eachViewersFirstAnswerCountsAndTheFirstRightEarnsMost() {
        QuizQuestion q = new QuizQuestion(CAPITAL, 0, 20);
        assertThat(q.answer("anna", "Anna", "b", 1_000)).isTrue();
        assertThat(q.answer("ben", "Ben", "a", 2_000)).isTrue();
        assertThat(q.answer("ben", "Ben", "b", 3_000)).as("only the first answer counts").isFalse();
        assertThat(q.answer("cara", "Cara", "Madrid", 4_000)).isTrue();
        assertThat(q.answer("dan", "Dan", "hello", 5_000)).as("chat, no answer").isFalse();
        assertThat(q.answer("dan", "Dan", "b", 5_000)).as("a chat line before takes nothing away").isTrue();
        assertThat(q.answer("eve", "Eve", "b", 20_000)).as("too late").isFalse();
        assertThat(q.answerCount()).isEqualTo(4);
        assertThat(q.right(100, 40, 30)).extracting(QuizQuestion.Right::handle, QuizQuestion.Right::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anna", 100L), org.assertj.core.groups.Tuple.tuple("cara", 60L),
                        org.assertj.core.groups.Tuple.tuple("dan", 30L));
    }

    @Test
    void fiftyFiftyTakesTwoWrongAnswersAndMoreTimeAddsSeconds() {
        for (long seed = 0; seed < 50; seed++) {
            QuizQuestion q = new QuizQuestion(CAPITAL, 0, 20);
            assertThat(q.fiftyFifty(new SplittableRandom(seed))).hasSize(2).doesNotContain(1);
            int gone = q.removed().iterator().next();
            assertThat(q.match(String.valueOf((char) ('a' + gone)))).as("a removed answer no longer counts").isEqualTo(-1);
            assertThat(q.fiftyFifty(new SplittableRandom(seed))).as("two are left: nothing more goes").hasSize(2);
        }
        QuizQuestion q = new QuizQuestion(CAPITAL, 0, 20);
        q.moreTime(10);
        assertThat(q.over(29_999)).isFalse();
        assertThat(q.answer("late", "Late", "b", 25_000)).isTrue();
        assertThat(q.over(30_000)).isTrue();
    }

    @Test
    void everyShippedPackIsValidAndAnImportedOneIsChecked() throws Exception {
        for (String id : QuizGame.BUILT_IN) {
            try (InputStream in = QuizGame.class.getResourceAsStream("/quiz/" + id + ".json")) {
                QuizPack pack = QuizPack.parse(Json.MAPPER.readTree(in));
                assertThat(pack.questions()).as(id).hasSizeGreaterThanOrEqualTo(15);
                assertThat(pack.language()).isEqualTo(id.substring("general-".length()));
            }
        }
        assertThat(refused("{\"name\":\"X\",\"questions\":[{\"question\":\"Q\",\"answers\":[\"a\",\"b\"],\"correct\":2}]}"))
                .isEqualTo("questions[0].correct");
        assertThat(refused("{\"name\":\"X\",\"questions\":[{\"question\":\"Q\",\"answers\":[\"a\"],\"correct\":0}]}"))
                .isEqualTo("questions[0].answers");
        assertThat(refused("{\"name\":\"X\",\"questions\":[]}")).isEqualTo("questions");
        assertThat(refused("{\"name\":\"X\",\"questions\":[{\"question\":\"Q\",\"answers\":[\"a\",\"b\"],\"correct\":0,\"script\":1}]}"))
                .isEqualTo("questions[0].script");
    }

    private static String refused(String json) throws Exception {
        try {
            QuizPack.parse(Json.MAPPER.readTree(json));
        } catch (ValidationException e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + json);
    }
}
