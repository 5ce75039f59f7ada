package app.ltth.flows;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.TestSocket;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowApiTest {

    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.start(dir);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String create(String json) throws Exception {
        TestApp.Response r = app.post("/api/flows", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/flow/id").asText();
    }

    private JsonNode awaitRun(String flowId, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode run : app.get("/api/flows/log").json().get("runs")) {
                if (run.get("flowId").asText().equals(flowId) && run.get("status").asText().startsWith(status)) return run;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no '" + status + "' run of " + flowId + ": " + app.get("/api/flows/log").body());
    }

    private long runs(String flowId) throws Exception {
        long n = 0;
        for (JsonNode run : app.get("/api/flows/log").json().get("runs")) if (run.get("flowId").asText().equals(flowId)) n++;
        return n;
    }

    @Test
    void flowsMoveGoalsReactToReachedGoalsAndShowAlerts() throws Exception {
        app.put("/api/alerts/gift", "{\"enabled\":false}");   // only the flow's alert, not the gifts' own
        String goal = app.post("/api/goals", "{\"name\":\"Party\",\"metric\":\"custom\",\"target\":100}").json()
                .get("id").asText();
        String adder = create("{\"name\":\"gift adds\",\"trigger\":{\"type\":\"event\",\"event\":\"gift\"},"
                + "\"actions\":[{\"type\":\"goal\",\"goal\":\"party\",\"op\":\"add\",\"value\":\"{coins}\"}]}");
        String party = create("{\"name\":\"party time\",\"trigger\":{\"type\":\"goal\",\"goal\":\"" + goal
                + "\",\"on\":\"reached\"},\"actions\":[{\"type\":\"alert\",\"text\":\"{goalName} reached {goalValue}!\","
                + "\"seconds\":3}]}");
        String progress = create("{\"name\":\"progress\",\"trigger\":{\"type\":\"goal\",\"on\":\"progress\"},"
                + "\"actions\":[{\"type\":\"variable\",\"name\":\"p\",\"op\":\"set\",\"value\":\"{goalPercent}\"}]}");
        assertThat(app.post("/api/flows", "{\"name\":\"x\",\"trigger\":{\"type\":\"goal\",\"on\":\"sometimes\"},"
                + "\"actions\":[]}").json().get("field").asText()).isEqualTo("trigger.on");
        assertThat(app.post("/api/flows", "{\"name\":\"x\",\"trigger\":{\"type\":\"manual\"},"
                + "\"actions\":[{\"type\":\"goal\",\"goal\":\"party\",\"op\":\"set\"}]}").json().get("field").asText())
                .isEqualTo("actions[0].value");

        app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"anna\",\"giftName\":\"Lion\",\"coins\":60,\"count\":1}");
        awaitRun(adder, "done");
        awaitRun(progress, "done");
        assertThat(runs(party)).as("60 of 100: not reached").isZero();
        app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"ben\",\"giftName\":\"Lion\",\"coins\":60,\"count\":1}");
        JsonNode run = awaitRun(party, "done");
        assertThat(run.at("/steps/0/result").asText()).startsWith("queued alert");
        assertThat(app.get("/api/goals/" + goal).json().get("current").asLong()).isEqualTo(120);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!app.get("/api/alerts").json().at("/queue/showing/html").asText().equals("Party reached 120!")) {
            assertThat(System.currentTimeMillis()).as("the flow's alert shows").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void everyExampleInTheDocsWorksAsWritten() throws Exception {
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("docs/flows.md")));
        int examples = 0;
        while (m.find()) {
            create(m.group(1));
            examples++;
        }
        assertThat(examples).isGreaterThanOrEqualTo(5);
        assertThat(app.get("/api/flows").json().get("flows")).hasSize(examples);
    }

    @Test
    void anEventTriggerRunsItsActionsOncePerStreakWhenConditionsHold() throws Exception {
        try (TestSocket socket = TestSocket.connect(app.socketUrl(), null, "flow:overlay")) {
            String id = create("{\"name\":\"big\",\"trigger\":{\"type\":\"event\",\"event\":\"gift\"},"
                    + "\"conditions\":{\"minCoins\":10},\"actions\":[{\"type\":\"variable\",\"name\":\"n\",\"op\":\"add\",\"value\":1},"
                    + "{\"type\":\"overlayText\",\"text\":\"<b>{nickname}</b> #{var.n}: {coins}\"},{\"type\":\"obsScene\",\"scene\":\"Cam 2\"}]}");
            // A streak: updates, then the end. Only the end runs the flow.
            for (int c = 1; c <= 12; c++) {
                app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"<img src=x>\",\"giftName\":\"Rose\","
                        + "\"coins\":1,\"count\":" + c + ",\"repeatEnd\":false,\"groupId\":5}");
            }
            app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"<img src=x>\",\"giftName\":\"Rose\","
                    + "\"coins\":1,\"count\":12,\"groupId\":5}");
            app.post("/api/events/simulate", "{\"type\":\"gift\",\"user\":\"small\",\"giftName\":\"Rose\",\"coins\":1,\"count\":3}");
            JsonNode shown = socket.await("flow:overlay", o -> true);
            assertThat(shown.get("html").asText()).isEqualTo("<b>&lt;img src=x&gt;</b> #1: 12");
            JsonNode run = awaitRun(id, "done");
            assertThat(run.get("steps")).extracting(s -> s.get("outcome").asText()).containsExactly("ok", "ok", "not available");
            assertThat(run.at("/steps/2/result").asText()).contains("No OBS connection is set up");
            Thread.sleep(300);
            assertThat(runs(id)).as("streak updates and the small gift ran nothing").isEqualTo(1);
        }
    }

    @Test
    void battlesPollsAndTheOtherNewTikTokEventsTriggerFlowsWithTheirPlaceholders() throws Exception {
        try (TestSocket socket = TestSocket.connect(app.socketUrl(), null, "flow:overlay")) {
            JsonNode created = app.post("/api/flows", "{\"name\":\"battle\",\"trigger\":{\"type\":\"event\",\"event\":\"battle\"},"
                    + "\"conditions\":{\"field\":\"phase\",\"op\":\"==\",\"value\":\"end\"},"
                    + "\"actions\":[{\"type\":\"overlayText\",\"text\":\"Battle over: {scores}, best {topScore}\"}]}").json();
            assertThat(created.get("warnings")).as("the placeholders are known").isEmpty();
            String poll = create("{\"name\":\"poll\",\"trigger\":{\"type\":\"event\",\"event\":\"poll\"},"
                    + "\"actions\":[{\"type\":\"overlayText\",\"text\":\"{title}: {leader} leads ({options})\"}]}");
            app.post("/api/events/simulate", "{\"type\":\"battle\",\"phase\":\"score\",\"score\":10,\"opponentScore\":5}");
            app.post("/api/events/simulate", "{\"type\":\"battle\",\"phase\":\"end\",\"score\":120,\"opponentScore\":80}");
            assertThat(socket.await("flow:overlay", o -> true).get("html").asText()).isEqualTo("Battle over: 120 : 80, best 120");
            app.post("/api/events/simulate", "{\"type\":\"poll\",\"phase\":\"update\",\"title\":\"Pizza?\",\"options\":\"Yes:3,No:7\"}");
            assertThat(socket.await("flow:overlay", o -> o.get("html").asText().startsWith("Pizza")).get("html").asText())
                    .isEqualTo("Pizza?: No leads (Yes (3), No (7))");
            awaitRun(poll, "done");
        }
    }

    @Test
    void cooldownsAndRateLimitsSkipRunsAndSayWhy() throws Exception {
        String cooled = create("{\"name\":\"c\",\"trigger\":{\"type\":\"event\",\"event\":\"follow\"},\"cooldownSeconds\":60,"
                + "\"actions\":[{\"type\":\"log\",\"line\":\"{username}\"}]}");
        String perUser = create("{\"name\":\"u\",\"trigger\":{\"type\":\"event\",\"event\":\"share\"},\"userCooldownSeconds\":60,"
                + "\"actions\":[{\"type\":\"log\",\"line\":\"{username}\",\"file\":\"shares\"}]}");
        String limited = create("{\"name\":\"r\",\"trigger\":{\"type\":\"event\",\"event\":\"join\"},\"maxRunsPerMinute\":2,"
                + "\"actions\":[{\"type\":\"wait\",\"seconds\":0}]}");
        app.post("/api/events/simulate", "{\"type\":\"follow\",\"user\":\"a\"}");
        app.post("/api/events/simulate", "{\"type\":\"follow\",\"user\":\"b\"}");
        awaitRun(cooled, "skipped: cooldown");
        app.post("/api/events/simulate", "{\"type\":\"share\",\"user\":\"a\"}");
        app.post("/api/events/simulate", "{\"type\":\"share\",\"user\":\"a\"}");
        app.post("/api/events/simulate", "{\"type\":\"share\",\"user\":\"b\"}");
        awaitRun(perUser, "skipped: user cooldown");
        for (int i = 0; i < 4; i++) app.post("/api/events/simulate", "{\"type\":\"join\",\"user\":\"j" + i + "\"}");
        awaitRun(limited, "skipped: rate limit");
        long deadline = System.currentTimeMillis() + 5_000;
        Path shares = dir.resolve("user_data/flow_logs/shares.log");
        while (System.currentTimeMillis() < deadline && (!Files.exists(shares) || Files.readAllLines(shares).size() < 2)) Thread.sleep(25);
        assertThat(Files.readAllLines(shares)).containsExactly("a", "b");
        assertThat(dir.resolve("user_data/flow_logs/" + LocalDate.now() + ".jsonl")).exists();
    }

    @Test
    void aQueueHoldsItsConfiguredLengthSkipsTheRestAndKeepsItsSettings() throws Exception {
        TestApp.Response bad = app.put("/api/flows/queues/slow", "{\"overflow\":\"explode\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("overflow");
        assertThat(app.put("/api/flows/queues/slow", "{\"mode\":\"serial\",\"maxLength\":1}").status()).isEqualTo(200);
        String id = create("{\"name\":\"slow\",\"queue\":\"slow\",\"trigger\":{\"type\":\"manual\"},"
                + "\"actions\":[{\"type\":\"wait\",\"seconds\":1}]}");
        // One runs, one waits, the third finds the queue full.
        for (int i = 0; i < 3; i++) assertThat(app.post("/api/flows/" + id + "/run", "").status()).isEqualTo(202);
        JsonNode skipped = awaitRun(id, "skipped");
        assertThat(skipped.get("status").asText()).isEqualTo("skipped: queue slow is full (1 waiting)");
        JsonNode slow = null;
        for (JsonNode q : app.get("/api/flows/queues").json().get("queues")) if (q.get("name").asText().equals("slow")) slow = q;
        assertThat(slow).isNotNull();
        assertThat(slow.get("maxLength").asInt()).isEqualTo(1);
        assertThat(slow.get("configured").asBoolean()).isTrue();
        assertThat(slow.get("flows")).extracting(JsonNode::asText).containsExactly(id);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && runs(id) < 3) Thread.sleep(50);
        assertThat(app.get("/api/flows/log").json().get("runs")).filteredOn(r -> r.get("flowId").asText().equals(id))
                .extracting(r -> r.get("status").asText()).containsExactlyInAnyOrder("done", "done", "skipped: queue slow is full (1 waiting)");

        app.put("/api/flows/queues/slow", "{\"mode\":\"parallel\",\"maxLength\":7,\"overflow\":\"drop-oldest\"}");
        app.close();
        app = TestApp.start(dir);
        JsonNode kept = null;
        for (JsonNode q : app.get("/api/flows/queues").json().get("queues")) if (q.get("name").asText().equals("slow")) kept = q;
        assertThat(kept).as("the setting survives a restart").isNotNull();
        assertThat(kept.get("mode").asText()).isEqualTo("parallel");
        assertThat(kept.get("overflow").asText()).isEqualTo("drop-oldest");
        JsonNode reset = app.delete("/api/flows/queues/slow").json();
        assertThat(reset.get("mode").asText()).isEqualTo("serial");
        assertThat(reset.get("maxLength").asInt()).isEqualTo(100);
    }

    @Test
    void theLoopGuardStopsAFlowThatRunsItself() throws Exception {
        String id = create("{\"id\":\"again\",\"name\":\"again\",\"trigger\":{\"type\":\"manual\"},"
                + "\"actions\":[{\"type\":\"runFlow\",\"flow\":\"again\"}]}");
        JsonNode run = app.post("/api/flows/" + id + "/test", "").json();
        assertThat(run.get("status").asText()).isEqualTo("loop guard");
        assertThat(run.at("/steps/0/result").asText()).contains("deep");
    }

    /** A local webhook receiver at /hook that keeps every body it gets. */
    private static HttpServer hookReceiver(BlockingQueue<String> received) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        return server;
    }

    @Test
    void webhooksAreRenderedAndPrivateAddressesRefusedUnlessAllowed() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer server = hookReceiver(received);
        try {
            String id = create("{\"name\":\"w\",\"trigger\":{\"type\":\"event\",\"event\":\"gift\"},\"actions\":[{\"type\":\"webhook\","
                    + "\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\","
                    + "\"body\":\"{\\\"user\\\":\\\"{username}\\\",\\\"coins\\\":{coins}}\"}]}");
            JsonNode refused = app.post("/api/flows/" + id + "/test", "").json();
            assertThat(refused.get("status").asText()).isEqualTo("failed");
            assertThat(refused.at("/steps/0/result").asText()).contains("private or local address");
            assertThat(received).isEmpty();

            app.put("/api/settings", "{\"flows.allowPrivateAddresses\":true}");
            JsonNode sent = app.post("/api/flows/" + id + "/test", "{\"event\":{\"type\":\"gift\",\"user\":\"ben\","
                    + "\"giftName\":\"Lion\",\"coins\":29999,\"count\":1,\"streakable\":false}}").json();
            assertThat(sent.get("status").asText()).as(sent.toString()).isEqualTo("done");
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"user\":\"ben\",\"coins\":29999}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aViewersQuoteCannotAddAFieldToAWebhooksJsonBody() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer server = hookReceiver(received);
        try {
            app.put("/api/settings", "{\"flows.allowPrivateAddresses\":true}");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            String byHand = create("{\"name\":\"by hand\",\"trigger\":{\"type\":\"event\",\"event\":\"chat\"},"
                    + "\"actions\":[{\"type\":\"webhook\",\"url\":\"" + url + "\",\"body\":\"{\\\"c\\\":\\\"{comment}\\\"}\"}]}");
            String structured = create("{\"name\":\"structured\",\"trigger\":{\"type\":\"event\",\"event\":\"chat\"},"
                    + "\"actions\":[{\"type\":\"webhook\",\"url\":\"" + url + "\",\"body\":{\"c\":\"{comment}\",\"by\":[\"{username}\"]}}]}");
            String comment = "hi\", \"admin\": true, \"x\": \"\\ \n";
            String event = Json.MAPPER.writeValueAsString(java.util.Map.of("event",
                    java.util.Map.of("type", "chat", "user", "mallory", "comment", comment)));
            for (String id : List.of(byHand, structured)) {
                JsonNode run = app.post("/api/flows/" + id + "/test", event).json();
                assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("done");
                JsonNode body = Json.MAPPER.readTree(received.poll(5, TimeUnit.SECONDS));
                assertThat(body.get("c").asText()).isEqualTo(comment);
                assertThat(body.has("admin")).isFalse();
            }
        } finally {
            app.put("/api/settings", "{\"flows.allowPrivateAddresses\":false}");
            server.stop(0);
        }
    }

    @Test
    void manualWebhookConnectionAndTimerTriggersFire() throws Exception {
        String manual = create("{\"name\":\"m\",\"trigger\":{\"type\":\"manual\"},\"actions\":[{\"type\":\"wait\",\"seconds\":0}]}");
        assertThat(app.post("/api/flows/" + manual + "/run", "").status()).isEqualTo(202);
        awaitRun(manual, "done");

        TestApp.Response hook = app.post("/api/flows", "{\"name\":\"h\",\"trigger\":{\"type\":\"webhook\"},"
                + "\"actions\":[{\"type\":\"log\",\"line\":\"deck {button}\",\"file\":\"deck\"}]}");
        String token = hook.json().at("/flow/trigger/token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(16);
        assertThat(app.post("/api/flows/hooks/" + token, "{\"button\":\"7\"}").status()).isEqualTo(202);
        assertThat(app.post("/api/flows/hooks/wrong-token-wrong-token", "{}").status()).isEqualTo(404);
        awaitRun(hook.json().at("/flow/id").asText(), "done");
        assertThat(Files.readString(dir.resolve("user_data/flow_logs/deck.log"))).contains("deck 7");

        String connection = create("{\"name\":\"c\",\"trigger\":{\"type\":\"connection\",\"state\":\"live\"},"
                + "\"actions\":[{\"type\":\"wait\",\"seconds\":0}]}");
        app.post("/api/demo", "{\"enabled\":true}");
        awaitRun(connection, "done");
        app.post("/api/demo", "{\"enabled\":false}");

        String timer = create("{\"name\":\"t\",\"trigger\":{\"type\":\"timer\",\"everySeconds\":5},"
                + "\"actions\":[{\"type\":\"wait\",\"seconds\":0}]}");
        awaitRun(timer, "done");
    }

    @Test
    void invalidFlowsAreRefusedWithTheFieldAndUnknownPlaceholdersWarned() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"{\"trigger\":{\"type\":\"manual\"},\"actions\":[{\"type\":\"wait\",\"seconds\":1}]}", "name"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"event\",\"event\":\"party\"},\"actions\":[{\"type\":\"wait\",\"seconds\":1}]}", "trigger.event"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"cron\"},\"actions\":[{\"type\":\"wait\",\"seconds\":1}]}", "trigger.type"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"manual\"},\"actions\":[]}", "actions"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"manual\"},\"actions\":[{\"type\":\"teleport\"}]}", "actions[0].type"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"manual\"},\"actions\":[{\"type\":\"wait\",\"seconds\":1},{\"type\":\"webhook\",\"url\":\"ftp://x\"}]}", "actions[1].url"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"manual\"},\"conditions\":{\"field\":\"comment\",\"op\":\"regex\",\"value\":\"(\"},\"actions\":[{\"type\":\"wait\",\"seconds\":1}]}", "conditions.value"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"timer\",\"everySeconds\":1},\"actions\":[{\"type\":\"wait\",\"seconds\":1}]}", "trigger.everySeconds"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"manual\"},\"actions\":[{\"type\":\"log\",\"line\":\"x\",\"file\":\"CON\"}]}", "actions[0].file"});
        cases.add(new String[] {"{\"name\":\"x\",\"trigger\":{\"type\":\"manual\"},\"cooldownSeconds\":-5,\"actions\":[{\"type\":\"wait\",\"seconds\":1}]}", "cooldownSeconds"});
        for (String[] c : cases) {
            TestApp.Response r = app.post("/api/flows", c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(app.get("/api/flows").json().get("flows")).isEmpty();

        JsonNode saved = app.post("/api/flows", "{\"name\":\"typo\",\"trigger\":{\"type\":\"event\",\"event\":\"chat\"},"
                + "\"actions\":[{\"type\":\"overlayText\",\"text\":\"hi {usrname}\"}]}").json();
        assertThat(saved.at("/warnings/0/field").asText()).isEqualTo("actions[0].text");
        assertThat(saved.at("/warnings/0/message").asText()).contains("{usrname}");

        TestApp.Response badImport = app.post("/api/flows/import", "[{\"name\":\"ok\",\"trigger\":{\"type\":\"manual\"},"
                + "\"actions\":[{\"type\":\"wait\",\"seconds\":1}]},{\"name\":\"bad\"}]");
        assertThat(badImport.status()).isEqualTo(400);
        assertThat(badImport.json().get("field").asText()).startsWith("[1]");
        assertThat(app.get("/api/flows").json().get("flows")).as("an invalid import saves nothing").hasSize(1);
        String exported = app.get("/api/flows/export").body();
        assertThat(app.post("/api/flows/import", exported).status()).isEqualTo(200);
    }
}
