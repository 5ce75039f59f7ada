package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The wheel of fortune in Chromium: at each of the four OBS source sizes a spin lands on the segment LTTH decided,
 * shows the prize and stays inside the source; the Games page saves a wheel and spins it.
 */
class GamesBrowserTest extends BrowserSuite {

    private static final int[][] SOURCES = {{800, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}};

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static Map<?, ?> wheel() {
        return (Map<?, ?>) js("return LTTH_WHEEL.state();");
    }

    @AfterEach
    void windowAsBefore() {
        OverlayFitBrowserTest.windowAsBefore();
    }

    @Test
    void aSpinLandsWhereLtthDecidedAtEverySourceSize() throws Exception {
        app.put("/api/games/wheel/config", "{\"wheels\":[{\"id\":\"main\",\"name\":\"The wheel with a rather long name\","
                + "\"spinSeconds\":2,\"segments\":[{\"text\":\"10 points\",\"colour\":\"#4dabf7\",\"prize\":{\"text\":\"10 points\",\"points\":10}},"
                + "{\"text\":\"<b>Dare</b>\",\"colour\":\"#f783ac\"},{\"text\":\"Jackpot\",\"colour\":\"#fcc419\"},"
                + "{\"text\":\"Try again\",\"colour\":\"#868e96\"},{\"text\":\"50 points\",\"colour\":\"#51cf66\"}]}]}");
        for (int[] size : SOURCES) {
            OverlayFitBrowserTest.browserSource(size[0], size[1]);
            browser.get(app.baseUrl() + "/overlays/wheel.html");
            waiting(browser).until(d -> js("return window.LTTH_WHEEL ? LTTH_WHEEL.state().ready : false").equals(true));
            app.post("/api/games/wheel/start", "{}");
            waiting(browser).until(d -> wheel().get("landed") != null);
            Map<?, ?> state = wheel();
            assertThat(state.get("landed")).as("the pointer stops on the decided segment").isEqualTo(state.get("decided"));
            WebElement prize = browser.findElement(By.id("wheel-prize"));
            assertThat(prize.isDisplayed()).isTrue();
            assertThat(browser.findElements(By.tagName("b"))).as("segment texts stay text").isEmpty();
            assertThat((List<?>) js(OverlayFitBrowserTest.OUTSIDE)).as("inside %dx%d", size[0], size[1]).isEmpty();
            BrowserSuite.screenshot(browser, "wheel-" + size[0] + "x" + size[1]);
            waiting(browser).until(d -> !(Boolean) wheel().get("shown"));   // gone after the prize
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void plinkoBallsLandWhereLtthDecidedAtEverySourceSizeAndHoldThirtyFramesASecond() throws Exception {
        for (int[] size : SOURCES) {
            OverlayFitBrowserTest.browserSource(size[0], size[1]);
            browser.get(app.baseUrl() + "/overlays/plinko.html");
            waiting(browser).until(d -> js("return window.LTTH_PLINKO ? LTTH_PLINKO.state().ready : false").equals(true));
            app.post("/api/games/plinko/start", "{\"stake\":100}");
            waiting(browser).until(d -> ((List<?>) plinko().get("landed")).size() == 1);
            assertThat(plinko().get("landed")).as("the ball rests in the decided slot").isEqualTo(plinko().get("decided"));
            assertThat((List<?>) js(OverlayFitBrowserTest.OUTSIDE)).as("inside %dx%d", size[0], size[1]).isEmpty();
            BrowserSuite.screenshot(browser, "plinko-" + size[0] + "x" + size[1]);
            if (size[0] == 1920) {
                // a stream of balls, several at once: the frames counted in the page over 5 s
                for (int i = 0; i < 12; i++) app.post("/api/games/plinko/start", "{\"stake\":10}");
                waiting(browser).until(d -> ((Number) plinko().get("balls")).intValue() >= 3);
                long before = ((Number) plinko().get("frames")).longValue();
                long started = System.nanoTime();
                Thread.sleep(5_000);
                double fps = (((Number) plinko().get("frames")).longValue() - before) / ((System.nanoTime() - started) / 1e9);
                System.out.printf("plinko, 1920x1080, up to 5 balls at once: %.1f frames/s%n", fps);
                assertThat(fps).as("frames a second during the drops").isGreaterThanOrEqualTo(30);
                waiting(browser).until(d -> ((List<?>) plinko().get("landed")).size() == 13);
                assertThat(plinko().get("landed")).isEqualTo(plinko().get("decided"));
            }
            waiting(browser).until(d -> !(Boolean) plinko().get("shown"));
        }
    }

    @Test
    void theCoinBattleShowsItsScoreboardAndResultsAtEverySourceSize() throws Exception {
        assertThat(app.put("/api/games/coinbattle/config", "{\"teams\":[{\"name\":\"Red team, a long name\",\"colour\":\"#ff6b6b\"},"
                + "{\"name\":\"Blue\",\"colour\":\"#4dabf7\"}]}").status()).isEqualTo(200);
        int group = 500;
        for (int[] size : SOURCES) {
            OverlayFitBrowserTest.browserSource(size[0], size[1]);
            browser.get(app.baseUrl() + "/overlays/coinbattle.html?results=3");
            waiting(browser).until(d -> js("return window.LTTH_BATTLE ? LTTH_BATTLE.state().ready : false").equals(true));
            assertThat(app.post("/api/games/coinbattle/start", "{\"seconds\":300,\"mode\":\"teams\"}").status()).isEqualTo(202);
            app.giftStreak("someone_with_a_very_long_tiktok_name", "<b>Someone</b> with a very long TikTok name", "Rose", 1, 3, group++);
            app.giftStreak("whale", "Whale", "Lion", 29999, 1, group++);
            waiting(browser).until(d -> (Boolean) battle().get("running") && browser.findElements(By.cssSelector("#battle-players li")).size() == 2);
            assertThat(battle().get("clock").toString()).matches("[45]:\\d\\d");
            assertThat(browser.findElements(By.tagName("b"))).as("names stay text").isEmpty();
            assertThat((List<?>) js(OverlayFitBrowserTest.OUTSIDE)).as("scoreboard inside %dx%d", size[0], size[1]).isEmpty();
            BrowserSuite.screenshot(browser, "coinbattle-" + size[0] + "x" + size[1]);
            app.post("/api/games/coinbattle/stop", "");
            waiting(browser).until(d -> browser.findElement(By.id("battle-results")).isDisplayed());
            assertThat(browser.findElement(By.id("results-winner")).getText()).isIn("Blue wins!", "Red team, a long name wins!");
            assertThat((List<?>) js(OverlayFitBrowserTest.OUTSIDE)).as("results inside %dx%d", size[0], size[1]).isEmpty();
            BrowserSuite.screenshot(browser, "coinbattle-results-" + size[0] + "x" + size[1]);
        }
    }

    @Test
    void theQuizShowsQuestionResultsAndWinnerAtEverySourceSize() throws Exception {
        assertThat(app.put("/api/games/quiz/config", "{\"pack\":\"general-en\",\"questions\":1,\"seconds\":60,\"pauseSeconds\":2}")
                .status()).isEqualTo(200);
        for (int[] size : SOURCES) {
            OverlayFitBrowserTest.browserSource(size[0], size[1]);
            browser.get(app.baseUrl() + "/overlays/quiz.html?results=3");
            waiting(browser).until(d -> js("return window.LTTH_QUIZ ? LTTH_QUIZ.state().ready : false").equals(true));
            assertThat(app.post("/api/games/quiz/start", "{}").status()).isEqualTo(202);
            waiting(browser).until(d -> browser.findElements(By.cssSelector("#quiz-answers li")).size() == 4);
            app.simulate("{\"type\":\"chat\",\"user\":\"quick_" + size[0] + "\",\"nickname\":\"<i>Quick</i>\",\"comment\":\"a\"}");
            assertThat((List<?>) js(OverlayFitBrowserTest.OUTSIDE)).as("question inside %dx%d", size[0], size[1]).isEmpty();
            BrowserSuite.screenshot(browser, "quiz-" + size[0] + "x" + size[1]);
            app.post("/api/games/quiz/joker", "{\"kind\":\"fifty\"}");
            waiting(browser).until(d -> browser.findElements(By.cssSelector("#quiz-answers li.gone")).size() == 2);
            app.post("/api/games/quiz/stop", "");
            waiting(browser).until(d -> browser.findElements(By.cssSelector("#quiz-answers li.correct")).size() == 1);
            assertThat(browser.findElement(By.id("quiz-right")).isDisplayed()).isTrue();
            assertThat(browser.findElements(By.tagName("i"))).as("names stay text").isEmpty();
            assertThat((List<?>) js(OverlayFitBrowserTest.OUTSIDE)).as("results inside %dx%d", size[0], size[1]).isEmpty();
            waiting(browser).until(d -> ((Number) ((Map<?, ?>) js("return LTTH_QUIZ.state();")).get("ended")).intValue() == 1);
            assertThat(browser.findElement(By.id("quiz-count")).getText()).isEqualTo("The quiz is over");
            BrowserSuite.screenshot(browser, "quiz-end-" + size[0] + "x" + size[1]);
            waiting(browser).until(d -> !browser.findElement(By.id("quiz")).isDisplayed());
        }
    }

    private static Map<?, ?> battle() {
        return (Map<?, ?>) js("return LTTH_BATTLE.state();");
    }

    private static Map<?, ?> plinko() {
        return (Map<?, ?>) js("return LTTH_PLINKO.state();");
    }

    @Test
    void theGamesPageSavesAWheelAndSpinsIt() throws Exception {
        browser.get(app.baseUrl() + "/games.html");
        WebElement card = waiting(browser).until(d -> d.findElement(By.cssSelector("#wheels .wheel")));
        WebElement name = card.findElement(By.name("name"));
        name.clear();
        name.sendKeys("Dare wheel");
        WebElement firstSegment = card.findElements(By.cssSelector(".segment [name=text]")).get(0);
        firstSegment.clear();
        firstSegment.sendKeys("Push-ups");
        clickCentered(browser.findElement(By.cssSelector("#wheel-form button[type='submit']")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Games saved."));
        assertThat(app.get("/api/games/wheel/config").json().at("/wheels/0/segments/0/text").asText()).isEqualTo("Push-ups");
        clickCentered(browser.findElement(By.cssSelector("#wheels .wheel [data-spin]")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Dare wheel spins on the overlay."));
        waiting(browser).until(d -> d.findElement(By.id("wheel-state")).getText().startsWith("Last:"));
        BrowserSuite.screenshot(browser, "games-page");

        // plinko's chances follow the weights; a coin battle starts and ends from the page and is listed
        WebElement firstWeight = browser.findElement(By.cssSelector("#plinko-slots .slot [name=weight]"));
        firstWeight.clear();
        firstWeight.sendKeys("4096");   // 4096 of 8191
        waiting(browser).until(d -> d.findElement(By.cssSelector("#plinko-slots .slot .chance")).getText().equals("50.01 %"));
        clickCentered(browser.findElement(By.id("battle-start")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("The match begins on the overlay."));
        clickCentered(browser.findElement(By.id("battle-stop")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().startsWith("The match is over"));
        waiting(browser).until(d -> !d.findElements(By.cssSelector("#battle-history li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#battle-history li")).getText()).contains("Solo").contains("0 players");
        BrowserSuite.screenshot(browser, "games-page-battle");

        // a quiz pack imported from a file, chosen, and a quiz started from the page
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("my-quiz.json"), "{\"name\":\"Channel lore\","
                + "\"language\":\"en\",\"questions\":[{\"question\":\"Who is the best mod?\",\"answers\":[\"Sam\",\"Kim\"],\"correct\":1}]}");
        browser.findElement(By.id("quiz-import")).sendKeys(file.toAbsolutePath().toString());
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Channel lore imported: 1 questions."));
        waiting(browser).until(d -> d.findElements(By.cssSelector("#quiz-pack option[value='channel-lore']")).size() == 1);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("quiz-pack"))).selectByValue("channel-lore");
        clickCentered(browser.findElement(By.cssSelector("#quiz-form button[type='submit']")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("Games saved."));
        clickCentered(browser.findElement(By.id("quiz-start")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("The quiz begins on the overlay."));
        clickCentered(browser.findElement(By.id("quiz-stop")));
        waiting(browser).until(d -> d.findElement(By.id("message")).getText().equals("The quiz ends after this question."));
        BrowserSuite.screenshot(browser, "games-page-quiz");

        WebElement weight = browser.findElement(By.cssSelector("#wheels .wheel .segment [name=weight]"));
        weight.clear();
        weight.sendKeys("0");
        clickCentered(browser.findElement(By.cssSelector("#wheel-form button[type='submit']")));
        waiting(browser).until(d -> d.findElement(By.cssSelector("[data-error='wheels']")).getText().contains("whole number"));
    }
}
