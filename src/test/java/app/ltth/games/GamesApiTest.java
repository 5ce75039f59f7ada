package app.ltth.games;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.audio.AudioOut;
import app.ltth.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wheel of fortune through the running app: a fresh profile spins with {}, a gift spins the wheel its rule names
 * and the overlay hears the decided segment, the prize's points are paid, flows hear the end, !spin from chat, the
 * plugin off, the settings kept across a restart.
 */
class GamesApiTest {

    @TempDir
    Path dir;

    @Test
    void everyGameStartsARoundWithItsDefaultsOnAFreshProfile() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, GameService.STARTED)) {
            JsonNode listed = app.get("/api/games").json().get("games");
            assertThat(listed.findValuesAsText("id")).containsExactly("wheel", "plinko", "coinbattle", "quiz");
            for (String game : java.util.List.of("wheel", "plinko", "coinbattle", "quiz")) {
                TestApp.Response started = app.post("/api/games/" + game + "/start", "{}");
                assertThat(started.status()).as(game + ": " + started.body()).isEqualTo(202);
                overlay.await(GameService.STARTED, m -> m.get("game").asText().equals(game));
                assertThat(app.get("/api/games/" + game + "/config").status()).isEqualTo(200);
            }
            app.post("/api/games/coinbattle/stop", "");
            app.post("/api/games/quiz/stop", "");
        }
    }

    @Test
    void aTeamBattleRunsFromStartToResultsThroughGifts() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, CoinBattleGame.UPDATE, CoinBattleGame.END)) {
            assertThat(app.post("/api/games/coinbattle/stop", "").status()).as("nothing to stop").isEqualTo(409);
            TestApp.Response flow = app.post("/api/flows", "{\"name\":\"battle over\",\"trigger\":{\"type\":\"gameEnded\",\"game\":\"coinbattle\"},"
                    + "\"actions\":[{\"type\":\"variable\",\"name\":\"battle\",\"op\":\"set\",\"value\":\"{winner}\"}]}");
            assertThat(flow.status()).as(flow.body()).isEqualTo(201);
            TestApp.Response started = app.post("/api/games/coinbattle/start", "{\"seconds\":600,\"mode\":\"teams\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(app.post("/api/games/coinbattle/start", "{}").status()).as("one match at a time").isEqualTo(429);
            assertThat(app.post("/api/games/coinbattle/start", "{\"mode\":\"chess\"}").json().get("field").asText()).isEqualTo("mode");

            app.simulate("{\"type\":\"chat\",\"user\":\"blue_fan\",\"comment\":\"!join blue\"}");
            app.giftStreak("red_one", "Red One", "Rose", 1, 5, 41);       // the smaller team: Red (Blue has one)
            app.giftStreak("blue_fan", "Blue Fan", "Lion", 29999, 1, 42);  // Blue
            app.giftStreak("red_two", "Red Two", "Rose", 1, 1, 43);        // Red: the teams are even again
            JsonNode update = overlay.await(CoinBattleGame.UPDATE, u -> u.path("running").asBoolean()
                    && u.at("/standings/teamPoints/1").asLong() == 29999 && u.at("/standings/teamPoints/0").asLong() == 6);
            assertThat(update.at("/standings/players/0/nickname").asText()).isEqualTo("Blue Fan");
            assertThat(update.at("/standings/mode").asText()).isEqualTo("teams");

            assertThat(app.post("/api/games/coinbattle/multiplier", "{\"factor\":2,\"seconds\":60}").status()).isEqualTo(200);
            app.giftStreak("red_one", "Red One", "Rose", 1, 10, 44);   // 20 with the multiplier
            overlay.await(CoinBattleGame.UPDATE, u -> u.at("/standings/teamPoints/0").asLong() == 26 && u.at("/standings/multiplier").asInt() == 2);

            assertThat(app.post("/api/games/coinbattle/stop", "").status()).isEqualTo(200);
            JsonNode end = overlay.await(CoinBattleGame.END, e -> true);
            assertThat(end.get("winner").asText()).isEqualTo("Blue");
            assertThat(end.get("paid").toString()).isEqualTo("[\"blue_fan\"]");
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("battle = Blue"));
            JsonNode history = app.get("/api/games/coinbattle/history").json().get("matches");
            assertThat(history).hasSize(1);
            assertThat(history.at("/0/result/winnerName").asText()).isEqualTo("Blue");
            assertThat(history.at("/0/mode").asText()).isEqualTo("teams");
            TestApp.await(() -> app.get("/api/viewers/blue_fan/corrections").json().toString().contains("coin battle won by Blue"));
        }
    }

    @Test
    void aQuizRoundWithAnswersFromThreeViewersGivesTheStatedPoints() throws Exception {
        QuizPack pack;
        try (java.io.InputStream in = QuizGame.class.getResourceAsStream("/quiz/general-en.json")) {
            pack = QuizPack.parse(app.ltth.json.Json.MAPPER.readTree(in));
        }
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, QuizGame.QUESTION, QuizGame.PROGRESS, QuizGame.RESULT,
                     QuizGame.END, AudioOut.PLAY)) {
            assertThat(app.put("/api/games/quiz/config", "{\"pack\":\"general-en\",\"questions\":1,\"seconds\":60,"
                    + "\"pauseSeconds\":2,\"firstPoints\":100,\"step\":30,\"least\":10,\"fiftyGift\":\"Rose\",\"speak\":true}").status()).isEqualTo(200);
            assertThat(app.put("/api/games/quiz/config", "{\"pack\":\"nope\"}").json().get("field").asText()).isEqualTo("pack");
            TestApp.Response flow = app.post("/api/flows", "{\"name\":\"quiz over\",\"trigger\":{\"type\":\"gameEnded\",\"game\":\"quiz\"},"
                    + "\"actions\":[{\"type\":\"variable\",\"name\":\"quiz\",\"op\":\"set\",\"value\":\"{winner}\"}]}");
            assertThat(flow.status()).as(flow.body()).isEqualTo(201);
            app.simulate("{\"type\":\"chat\",\"user\":\"viewer\",\"comment\":\"!quiz\"}");   // moderators only
            app.simulate("{\"type\":\"chat\",\"user\":\"mod\",\"moderator\":true,\"comment\":\"!quiz\"}");
            JsonNode question = overlay.await(QuizGame.QUESTION, q -> true);
            assertThat(app.get("/api/commands").json().get("recent").toString()).contains("\"viewer\"").contains("permission");
            assertThat(app.post("/api/games/quiz/start", "{}").status()).as("one quiz at a time").isEqualTo(429);
            JsonNode spoken = overlay.await(AudioOut.PLAY, m -> m.get("channel").asText().equals("speech"));
            assertThat(spoken.get("text").asText()).as("text to speech reads the question").startsWith(question.get("question").asText());
            QuizPack.Question asked = pack.questions().stream().filter(q -> q.question().equals(question.get("question").asText()))
                    .findFirst().orElseThrow();
            String rightLetter = String.valueOf((char) ('A' + asked.correct()));
            String wrongLetter = String.valueOf((char) ('a' + (asked.correct() + 1) % asked.answers().size()));
            String rightText = asked.answers().get(asked.correct()).toLowerCase(java.util.Locale.ROOT);

            app.giftStreak("helper", "Helper", "Rose", 1, 1, 51);   // the 50:50 joker
            JsonNode progress = overlay.await(QuizGame.PROGRESS, p -> p.get("removed").size() == 2);
            assertThat(progress.get("removed").toString()).doesNotContain(String.valueOf(asked.correct()));
            app.simulate("{\"type\":\"chat\",\"user\":\"anna\",\"nickname\":\"Anna\",\"comment\":\"" + rightLetter + "\"}");
            app.simulate("{\"type\":\"chat\",\"user\":\"ben\",\"nickname\":\"Ben\",\"comment\":\"" + wrongLetter + "\"}");
            app.simulate("{\"type\":\"chat\",\"user\":\"cara\",\"nickname\":\"Cara\",\"comment\":\"" + rightText + "\"}");
            int bensAnswer = wrongLetter.charAt(0) - 'a';
            boolean bensCounts = !progress.get("removed").toString().contains(String.valueOf(bensAnswer));   // a removed one is no answer
            overlay.await(QuizGame.PROGRESS, p -> p.get("answered").asInt() == (bensCounts ? 3 : 2));
            assertThat(app.post("/api/games/quiz/stop", "").status()).isEqualTo(200);   // the question closes now

            JsonNode result = overlay.await(QuizGame.RESULT, r -> true);
            assertThat(result.get("correct").asInt()).isEqualTo(asked.correct());
            assertThat(result.get("right").toString()).contains("\"handle\":\"anna\"").contains("\"points\":100")
                    .contains("\"handle\":\"cara\"").contains("\"points\":70").doesNotContain("ben");
            JsonNode end = overlay.await(QuizGame.END, e -> true);
            assertThat(end.get("winner").asText()).isEqualTo("Anna");
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("quiz = Anna"));
            TestApp.await(() -> app.get("/api/viewers/cara/corrections").json().toString().contains("quiz: right answer"));
            assertThat(app.get("/api/viewers/cara/corrections").json().at("/corrections/0/amount").asLong()).isEqualTo(70);

            TestApp.Response imported = app.post("/api/games/quiz/packs", "{\"name\":\"Streamer trivia\",\"language\":\"en\","
                    + "\"questions\":[{\"question\":\"My cat's name?\",\"answers\":[\"Momo\",\"Kiki\"],\"correct\":0}]}");
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(app.get("/api/games/quiz/packs").json().toString()).contains("streamer-trivia");
            assertThat(app.post("/api/games/quiz/packs", "{\"name\":\"Bad\",\"questions\":[{\"question\":\"Q\",\"answers\":[\"a\"],"
                    + "\"correct\":0}]}").json().get("field").asText()).isEqualTo("questions[0].answers");
            assertThat(app.put("/api/games/quiz/config", "{\"pack\":\"streamer-trivia\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void aPlinkoBetIsTakenAndPaidAndABetWithoutThePointsDropsNothing() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, PlinkoGame.DROP, GameService.ENDED)) {
            assertThat(app.post("/api/games/plinko/start", "{}").status()).as("a free ball on a fresh profile").isEqualTo(202);
            overlay.await(PlinkoGame.DROP, m -> m.get("nickname").asText().isEmpty());
            app.giftStreak("better", "Better", "Lion", 1000, 1, 31);   // XP and points to bet with
            TestApp.await(() -> app.get("/api/viewers/better").json().at("/xp/points").asLong() >= 1000);
            long before = app.get("/api/viewers/better").json().at("/xp/points").asLong();

            app.simulate("{\"type\":\"chat\",\"user\":\"better\",\"nickname\":\"Better\",\"comment\":\"!plinko 50\"}");
            JsonNode drop = overlay.await(PlinkoGame.DROP, m -> m.get("nickname").asText().equals("Better"));
            assertThat(drop.get("stake").asLong()).isEqualTo(50);
            int slot = drop.get("slot").asInt();
            long right = 0;
            for (JsonNode step : drop.get("path")) if (step.asBoolean()) right++;
            assertThat(right).as("the path ends in the decided slot").isEqualTo(slot);
            long won = Math.round(50 * drop.at("/slots/" + slot + "/multiplier").asDouble());
            overlay.await(GameService.ENDED, m -> m.get("round").asText().equals(drop.get("round").asText()));
            TestApp.await(() -> app.get("/api/viewers/better").json().at("/xp/points").asLong() >= before - 50 + won);
            String corrections = app.get("/api/viewers/better/corrections").json().toString();
            assertThat(corrections).contains("plinko bet").contains("-50");

            app.simulate("{\"type\":\"chat\",\"user\":\"poor\",\"comment\":\"!plinko 500\"}");   // no points at all
            app.simulate("{\"type\":\"chat\",\"user\":\"greedy\",\"comment\":\"!plinko 999999\"}");   // above the highest bet
            Thread.sleep(1500);
            assertThat(overlay.drain(PlinkoGame.DROP)).isEmpty();
        }
    }

    @Test
    void giftsCommandsFlowsAndTheDashboardSpinTheRightWheelAndPrizesArePaid() throws Exception {
        try (TestApp app = TestApp.start(dir);
             TestSocket overlay = TestSocket.connect(app.socketUrl(), null, WheelGame.SPIN, GameService.ENDED, AudioOut.PLAY)) {
            TestApp.Response fresh = app.post("/api/games/wheel/start", "{}");
            assertThat(fresh.status()).as(fresh.body()).isEqualTo(202);
            assertThat(overlay.await(WheelGame.SPIN, m -> true).at("/wheel/id").asText()).isEqualTo("main");
            assertThat(app.post("/api/games/chess/start", "{}").status()).isEqualTo(404);
            assertThat(app.post("/api/games/wheel/start", "{\"wheel\":\"nope\"}").json().get("field").asText()).isEqualTo("wheel");

            // one sure segment on a second wheel, quick to spin, which a Lion spins
            TestApp.Response saved = app.put("/api/games/wheel/config", "{\"wheels\":["
                    + "{\"id\":\"main\",\"name\":\"Main\",\"spinSeconds\":1,\"segments\":[{\"text\":\"a\"},{\"text\":\"b\"}]},"
                    + "{\"id\":\"lion\",\"name\":\"Lion wheel\",\"spinSeconds\":1,\"segments\":["
                    + "{\"text\":\"Jackpot\",\"weight\":10000,\"prize\":{\"text\":\"250 points\",\"points\":250,\"flow\":\"thanks\",\"sound\":\"/media/win.mp3\"}},"
                    + "{\"text\":\"Nothing\",\"weight\":1}]}],"
                    + "\"rules\":[{\"gift\":\"Lion\",\"wheel\":\"lion\"}]}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            TestApp.Response thanks = app.post("/api/flows", "{\"id\":\"thanks\",\"name\":\"thanks\",\"trigger\":{\"type\":\"manual\"},"
                    + "\"actions\":[{\"type\":\"variable\",\"name\":\"thanked\",\"op\":\"set\",\"value\":\"{winner} {prize}\"}]}");
            assertThat(thanks.status()).as(thanks.body()).isEqualTo(201);
            TestApp.Response ended = app.post("/api/flows", "{\"name\":\"ended\",\"trigger\":{\"type\":\"gameEnded\",\"game\":\"wheel\"},"
                    + "\"actions\":[{\"type\":\"variable\",\"name\":\"won\",\"op\":\"set\",\"value\":\"{username} {segment} {points}\"}]}");
            assertThat(ended.status()).as(ended.body()).isEqualTo(201);
            overlay.drain(WheelGame.SPIN);

            app.giftStreak("lucky", "Lucky", "Lion", 29999, 1, 21);
            JsonNode spin = overlay.await(WheelGame.SPIN, m -> m.at("/wheel/id").asText().equals("lion"));
            int segment = spin.get("segment").asInt();
            assertThat(spin.at("/wheel/segments/" + segment + "/text").asText()).isEqualTo("Jackpot");
            assertThat(spin.get("nickname").asText()).isEqualTo("Lucky");
            // the prize's sound as the wheel stops (the gift's alert has its own)
            overlay.await(AudioOut.PLAY, m -> m.get("url").asText().equals("/media/win.mp3"));
            JsonNode result = overlay.await(GameService.ENDED, m -> m.get("round").asText().equals(spin.get("round").asText()));
            assertThat(result.at("/result/prize").asText()).isEqualTo("250 points");
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("won = lucky Jackpot 250"));
            TestApp.await(() -> app.get("/api/flows/log").json().toString().contains("thanked = Lucky 250 points"));
            // the prize's points, kept with the viewer's corrections as who gave them
            TestApp.await(() -> app.get("/api/viewers/lucky/corrections").json().toString().contains("wheel round"));
            assertThat(app.get("/api/viewers/lucky/corrections").json().at("/corrections/0/amount").asLong()).isEqualTo(250);
            TestApp.await(() -> app.get("/api/events?type=custom").json().toString().contains("gameEnded"));   // in the event log

            // chat: a follower spins by name, a stranger does not
            app.simulate("{\"type\":\"chat\",\"user\":\"stranger\",\"comment\":\"!spin lion wheel\"}");
            app.simulate("{\"type\":\"chat\",\"user\":\"fan\",\"follower\":true,\"comment\":\"!spin Lion wheel\"}");
            JsonNode bySpin = overlay.await(WheelGame.SPIN, m -> m.get("nickname").asText().equals("fan"));
            assertThat(bySpin.at("/wheel/id").asText()).isEqualTo("lion");
            assertThat(app.get("/api/commands").json().get("recent").toString()).contains("stranger").contains("permission");

            app.post("/api/plugins/wheel/disable", "");
            assertThat(app.post("/api/games/wheel/start", "{}").status()).isEqualTo(409);
            assertThat(app.get("/api/games").json().at("/games/0/active").asBoolean()).isFalse();
            app.post("/api/plugins/wheel/enable", "");
        }
        try (TestApp again = TestApp.start(dir)) {
            assertThat(again.get("/api/games/wheel/config").json().at("/wheels/1/name").asText()).isEqualTo("Lion wheel");
        }
    }
}
