package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The Event API page: turned on from it, a widget connected shows in the list with what it was sent, turned off. */
class EventApiBrowserTest extends BrowserSuite {

    @Test
    void turnedOnFromThePageListsTheWidgetsConnected() throws Exception {
        int port = TestApp.freeTcpPort();
        assertThat(app.put("/api/settings", "{\"eventApi.port\": " + port + "}").status()).isEqualTo(200);
        browser.get(app.baseUrl() + "/event-api.html");
        waiting(browser).until(d -> "off".equals(d.findElement(By.id("eventapi-state")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("eventapi-none")).isDisplayed()).isTrue();

        browser.findElement(By.id("eventapi-toggle")).click();
        waiting(browser).until(d -> "on".equals(d.findElement(By.id("eventapi-state")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("eventapi-url")).getAttribute("value")).isEqualTo("ws://localhost:" + port + "/");

        WebSocket widget = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "https://widgets.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS);
        try {
            // Connected is when LTTH lists it: the handshake's answer reaches the widget before LTTH has taken it in.
            TestApp.await(() -> app.get("/api/event-api").json().get("clients").size() == 1);
            app.simulate("{\"type\":\"gift\",\"user\":\"anna\",\"giftName\":\"Rose\",\"coins\":1,\"count\":1,\"streakable\":false}");
            waiting(browser).until(d -> d.findElements(By.cssSelector("#eventapi-clients tr")).size() == 1
                    && d.findElement(By.cssSelector("#eventapi-clients tr td:last-child")).getText().equals("1"));
            assertThat(browser.findElement(By.cssSelector("#eventapi-clients tr")).getText()).contains("https://widgets.example");
            assertThat(browser.findElement(By.id("eventapi-none")).isDisplayed()).isFalse();
            screenshot(browser, "event-api");
        } finally {
            CompletableFuture<WebSocket> closed = widget.sendClose(WebSocket.NORMAL_CLOSURE, "");
            closed.get(5, TimeUnit.SECONDS);
        }
        browser.findElement(By.id("eventapi-toggle")).click();
        waiting(browser).until(d -> "off".equals(d.findElement(By.id("eventapi-state")).getAttribute("data-state")));
        assertThat(app.get("/api/event-api").json().get("listening").asBoolean()).isFalse();
    }
}
