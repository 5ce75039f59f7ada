package app.ltth;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.web.SocketEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /api/events/simulate} through the real pipeline to a real socket.io client. */
class SimulateApiTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static TestSocket socket;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dir);
        socket = TestSocket.connect(app.socketUrl(), app.baseUrl(), SocketEvents.EVENT, SocketEvents.STATS,
                SocketEvents.STATUS);
    }

    @AfterAll
    static void stop() {
        if (socket != null) socket.close();
        if (app != null) app.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "chat      | {\"type\":\"chat\",\"user\":\"anna\",\"comment\":\"hi 👋\"}                          | /user/uniqueId | anna",
            "gift      | {\"type\":\"gift\",\"user\":\"ben\",\"giftName\":\"Rose\",\"coins\":1,\"count\":5}  | /coins         | 5",
            "like      | {\"type\":\"like\",\"user\":\"cleo\",\"count\":15}                                  | /likeCount     | 15",
            "follow    | {\"type\":\"follow\",\"user\":\"dan\"}                                              | /user/uniqueId | dan",
            "share     | {\"type\":\"share\",\"user\":\"eve\"}                                               | /user/uniqueId | eve",
            "subscribe | {\"type\":\"subscribe\",\"user\":\"finn\",\"months\":2}                             | /months        | 2",
            "join      | {\"type\":\"join\",\"user\":\"gia\"}                                                | /user/uniqueId | gia",
            "viewers   | {\"type\":\"viewers\",\"viewerCount\":321}                                          | /viewerCount   | 321",
            "emote     | {\"type\":\"emote\",\"user\":\"hal\",\"emoteId\":\"wave\"}                          | /emoteId       | wave",
            "question  | {\"type\":\"question\",\"user\":\"ida\",\"question\":\"why?\"}                      | /question      | why?",
            "streamEnd | {\"type\":\"streamEnd\",\"reason\":\"bye\"}                                         | /reason        | bye",
            "battle    | {\"type\":\"battle\",\"phase\":\"end\",\"score\":120,\"opponentScore\":80}       | /teams/0/won   | true",
            "liveGoal  | {\"type\":\"liveGoal\",\"description\":\"100 roses\",\"progress\":40}             | /progress      | 40",
            "treasureChest | {\"type\":\"treasureChest\",\"user\":\"jo\",\"diamonds\":500}                 | /diamonds      | 500",
            "poll      | {\"type\":\"poll\",\"title\":\"Pizza?\",\"options\":\"Yes:3,No:1\"}              | /options/0/votes | 3",
            "pin       | {\"type\":\"pin\",\"user\":\"kai\",\"comment\":\"pinned!\"}                       | /comment       | pinned!",
            "superFan  | {\"type\":\"superFan\",\"user\":\"lia\"}                                          | /kind          | joined",
            "giftSub   | {\"type\":\"giftSub\",\"user\":\"max\",\"count\":5}                              | /count         | 5",
    })
    void everyTypeReachesSocketClients(String type, String body, String pointer, String expected) throws Exception {
        TestApp.Response response = app.post("/api/events/simulate", body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String id = response.json().get("id").asText();

        JsonNode message = socket.await(SocketEvents.EVENT, m -> m.at("/data/id").asText().equals(id));
        assertThat(message.get("type").asText()).isEqualTo(type);
        assertThat(message.at("/data" + pointer).asText()).isEqualTo(expected);
        assertThat(message.at("/data/timestamp").asLong()).isPositive();
    }

    @Test
    void giftsCarryTheirStreakFields() throws Exception {
        String id = app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"ben\",\"giftName\":\"Rose\","
                + "\"coins\":1,\"count\":3,\"repeatEnd\":false,\"groupId\":42}").json().get("id").asText();
        JsonNode data = socket.await(SocketEvents.EVENT, m -> m.at("/data/id").asText().equals(id)).get("data");
        assertThat(data.get("giftName").asText()).isEqualTo("Rose");
        assertThat(data.get("repeatCount").asInt()).isEqualTo(3);
        assertThat(data.get("repeatEnd").asBoolean()).isFalse();
        assertThat(data.get("streakable").asBoolean()).isTrue();
        assertThat(data.get("groupId").asLong()).isEqualTo(42);
        assertThat(data.get("final").asBoolean()).isFalse();
        assertThat(data.get("diamondCount").asInt()).isEqualTo(1);
    }

    @Test
    void totalsArriveAsStatsAndInTheStatus() throws Exception {
        app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"zed\",\"giftName\":\"Galaxy\",\"coins\":1000,"
                + "\"count\":1,\"streakable\":false}");
        JsonNode stats = socket.await(SocketEvents.STATS, s -> s.get("coins").asLong() >= 1000);
        assertThat(stats.get("gifts").asLong()).isPositive();
        JsonNode status = app.get("/api/status").json();
        assertThat(status.at("/stats/coins").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(status.at("/bus/published").asLong()).isPositive();
        assertThat(status.at("/connection/state").asText()).isEqualTo("offline");
        assertThat(status.at("/ports/socket").asInt()).isEqualTo(app.app().socketPort());
        assertThat(status.get("socketClients").asInt()).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json           | {nope                                               | ",
            "empty body         | ''                                                  | ",
            "array              | [1,2]                                               | ",
            "no type            | {\"user\":\"a\"}                                    | type",
            "unknown type       | {\"type\":\"party\"}                                | type",
            "chat w/o comment   | {\"type\":\"chat\",\"user\":\"a\"}                  | comment",
            "count as text      | {\"type\":\"gift\",\"giftName\":\"Rose\",\"count\":\"5\"} | count",
            "negative coins     | {\"type\":\"gift\",\"giftName\":\"Rose\",\"coins\":-3}    | coins",
            "typo in a field    | {\"type\":\"follow\",\"usr\":\"a\"}                 | usr",
    })
    void badInputGetsA400WithAClearMessage(String name, String body, String field) throws Exception {
        TestApp.Response response = app.post("/api/events/simulate", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode error = response.json();
        assertThat(error.get("error").asText()).isNotBlank();
        if (field == null) {
            assertThat(error.has("field")).isFalse();
        } else {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("error").asText()).contains(field);
        }
    }

    @Test
    void aBatchIsCheckedWholeThenPublishedAsOneRequest() throws Exception {
        long before = app.app().bus().stats().published();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            batch.append(i == 0 ? "" : ",").append(i % 2 == 0
                    ? "{\"type\":\"chat\",\"user\":\"load" + i + "\",\"comment\":\"hi\"}"
                    : "{\"type\":\"gift\",\"user\":\"load" + i + "\",\"giftName\":\"Rose\",\"coins\":1}");
        }
        TestApp.Response sent = app.post("/api/events/simulate/batch", batch.append("]").toString());
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.json().get("accepted").asInt() + sent.json().get("shed").asInt()).isEqualTo(500);
        assertThat(app.app().bus().stats().published() - before).isEqualTo(sent.json().get("accepted").asLong());

        // One bad event: none is published, and the error names it.
        long now = app.app().bus().stats().published();
        TestApp.Response bad = app.post("/api/events/simulate/batch",
                "[{\"type\":\"chat\",\"user\":\"a\",\"comment\":\"ok\"},{\"type\":\"gift\",\"user\":\"b\"}]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("[1].giftName");
        assertThat(app.app().bus().stats().published()).isEqualTo(now);
        assertThat(app.post("/api/events/simulate/batch", "{\"type\":\"chat\"}").status()).isEqualTo(400);
        assertThat(app.post("/api/events/simulate/batch", "[" + "{},".repeat(1000) + "{}]").status()).isEqualTo(400);
    }

    @Test
    void unknownApiPathsAnswerJson() throws Exception {
        TestApp.Response response = app.get("/api/does-not-exist");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).contains("/api/does-not-exist");
    }

    @Test
    void aPageFromAnotherOriginCannotInjectOrChangeAnything() throws Exception {
        // What a foreign web page can send without a CORS preflight: a "simple" text/plain POST.
        TestApp.Response refused = app.post("/api/events/simulate",
                "{\"type\":\"follow\",\"user\":\"csrf_victim\"}", "http://evil.example");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).contains("http://evil.example");
        assertThat(app.post("/api/demo", "{\"enabled\":true}", "http://evil.example").status()).isEqualTo(403);
        assertThat(app.get("/api/status").json().at("/connection/state").asText()).isEqualTo("offline");

        TestApp.Response own = app.post("/api/events/simulate", "{\"type\":\"follow\",\"user\":\"fan\"}",
                app.baseUrl());
        assertThat(own.status()).isEqualTo(202);
        socket.await(SocketEvents.EVENT, m -> m.at("/data/user/uniqueId").asText().equals("fan"));
    }

    @Test
    void aForeignHostNameIsRefusedSoDnsRebindingCannotReadTheApi() throws Exception {
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", app.app().httpPort())) {
            raw.getOutputStream().write(("GET /api/status HTTP/1.1\r\nHost: attacker.example:" + app.app().httpPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(raw.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("\"bus\"");
        }
        assertThat(app.get("/api/status").status()).isEqualTo(200);
    }

    @Test
    void aPageFromAnotherOriginCannotListenIn() throws Exception {
        assertThat(TestSocket.isRefused(app.socketUrl(), "http://evil.example")).isTrue();
        assertThat(TestSocket.isRefused(app.socketUrl(), "null")).isTrue();
        try (TestSocket local = TestSocket.connect(app.socketUrl(),
                "http://localhost:" + app.app().httpPort(), SocketEvents.STATUS)) {
            JsonNode greeting = local.await(SocketEvents.STATUS, s -> true);
            assertThat(greeting.get("state").asText()).isEqualTo("offline");
        }
    }
}
