package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.tts.TtsService;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.slf4j.LoggerFactory;

/**
 * With no voice able to speak, the TTS page says so with the install hint, "Speak" answers an error at the voice, and
 * a hundred chats that ask to be read leave one line in the log, not a hundred.
 */
class TtsNoVoiceBrowserTest extends BrowserSuite {

    @Test
    void withoutAVoiceSpeakFailsVisiblyAndTheLogSaysItOnce() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(TtsService.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        // The speech program is looked for where the streamer says: nowhere, here.
        assertThat(app.put("/api/settings", "{\"tts.localProgram\": \"/no/such/espeak-ng\"}").status()).isEqualTo(200);
        try {
            TestApp.Response refused = app.post("/api/tts/speak", "{\"text\": \"hello\"}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("voice");
            assertThat(refused.json().get("key").asText()).isEqualTo("tts.error.noVoice");

            browser.get(app.baseUrl() + "/tts.html");
            WebElement warning = waiting(browser).until(d -> d.findElement(By.id("tts-no-voice")));
            waiting(browser).until(d -> warning.isDisplayed());
            assertThat(warning.getText()).contains("espeak-ng");
            browser.findElement(By.id("speak-text")).sendKeys("Is anyone there?");
            browser.findElement(By.cssSelector("#speak-form button[type=submit]")).click();
            WebElement error = waiting(browser).until(d -> d.findElement(By.cssSelector("#speak-form [data-error=voice].d-block")));
            assertThat(error.getText()).startsWith("No voice can speak");
            assertThat(browser.findElement(By.id("speak-voice")).getAttribute("class")).contains("is-invalid");
            assertThat(browser.findElement(By.id("speak-text")).getAttribute("class")).doesNotContain("is-invalid");
            assertThat(browser.findElement(By.id("speak-text")).getAttribute("value")).as("the text stays").isEqualTo("Is anyone there?");
            screenshot(browser, "tts-no-voice");

            app.put("/api/tts/config", "{\"perMinute\": 0, \"duplicateSeconds\": 0, \"queueMax\": 500}");
            for (int i = 0; i < 100; i++) {
                app.simulate("{\"type\":\"chat\",\"user\":\"viewer" + i + "\",\"comment\":\"!tts message " + i + "\"}");
            }
            app.awaitStored();
            long deadline = System.currentTimeMillis() + 20_000;
            JsonNode queue = app.get("/api/tts/queue").json();
            while ((queue.get("waiting").size() > 0 || queue.hasNonNull("speaking")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                queue = app.get("/api/tts/queue").json();
            }
            assertThat(queue.get("waiting")).as("nothing is queued for a voice that does not exist").isEmpty();
            assertThat(queue.get("spoken").asLong()).isZero();
            assertThat(queue.get("lastError").asText()).contains("espeak-ng");
            assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().contains("cannot speak")).hasSize(1);
        } finally {
            logger.detachAppender(lines);
            app.put("/api/settings", "{\"tts.localProgram\": \"\"}");
            app.put("/api/tts/config", "{\"perMinute\": 3, \"duplicateSeconds\": 60, \"queueMax\": 20}");
        }
        assertThat(app.post("/api/tts/speak", "{\"text\": \"back again\"}").status()).isEqualTo(202);
    }
}
