package app.ltth.commands;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.TestApp;
import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat commands through the running app: flows on commands, aliases, permissions, cooldowns, rate limits, prefixes. */
class CommandsApiTest {

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

    private void chat(String user, String comment, boolean moderator) throws Exception {
        app.simulate(Json.MAPPER.createObjectNode().put("type", "chat").put("user", user).put("moderator", moderator)
                .put("comment", comment).toString());
    }

    private String flow(String json) throws Exception {
        TestApp.Response r = app.post("/api/flows", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("warnings")).as(r.body()).isEmpty();
        return r.json().at("/flow/id").asText();
    }

    /** The results of the variable steps of every run of {@code flowId}, oldest first. */
    private java.util.List<String> results(String flowId) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode run : app.get("/api/flows/log").json().get("runs")) {
            if (run.get("flowId").asText().equals(flowId)) for (JsonNode step : run.get("steps")) out.add(0, step.get("result").asText());
        }
        return out;
    }

    /** Waits until the command engine has judged {@code n} commands in all; returns the newest first. */
    private JsonNode recent(int n) throws Exception {
        TestApp.await(() -> app.get("/api/commands").json().get("recent").size() >= n);
        return app.get("/api/commands").json().get("recent");
    }

    private static JsonNode command(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false).filter(c -> c.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no !" + name + " in " + list));
    }

    @Test
    void aFlowOnACommandGetsItsArgumentsAndTheCommandObeysItsSettings() throws Exception {
        String hug = flow("{\"name\":\"hug\",\"trigger\":{\"type\":\"command\",\"name\":\"!Hug\"},\"actions\":[{\"type\":\"variable\","
                + "\"name\":\"h\",\"op\":\"set\",\"value\":\"{username} hugs {arg1} ({args}) via {command}\"}]}");
        JsonNode listed = app.get("/api/commands").json();
        assertThat(listed.get("prefixes").asText()).isEqualTo("!/");
        assertThat(command(listed.get("commands"), "hug").get("source").asText()).isEqualTo("flows");
        assertThat(command(listed.get("commands"), "help").get("source").asText()).isEqualTo("builtin");
        assertThat(command(listed.get("commands"), "commands").get("userCooldownSeconds").asInt()).isEqualTo(30);

        chat("anna", "!hug @ben \"a lot\"", false);
        recent(1);
        TestApp.await(() -> results(hug).contains("h = anna hugs @ben (@ben \"a lot\") via hug"));
        chat("anna", "hug without a prefix", false);
        chat("anna", "!nothing", false);

        // An alias, a permission, a cooldown: all from the Commands page's PUT.
        TestApp.Response bad = app.put("/api/commands/hug", "{\"permission\":\"kings\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("permission");
        assertThat(app.put("/api/commands/hug", "{\"aliases\":[\"help\"]}").json().get("field").asText())
                .as("an alias may not be another command").isEqualTo("aliases");
        assertThat(app.put("/api/commands/nope", "{\"enabled\":false}").status()).isEqualTo(404);
        assertThat(app.put("/api/commands/hug", "{\"aliases\":[\"!Cuddle\"],\"permission\":\"moderator\",\"userCooldownSeconds\":60}")
                .status()).isEqualTo(200);
        chat("ben", "!cuddle anna", false);
        JsonNode refused = recent(2).get(0);
        assertThat(refused.get("viewer").asText()).isEqualTo("ben");
        assertThat(refused.get("ran").asBoolean()).isFalse();
        assertThat(refused.at("/refusal/why").asText()).isEqualTo("permission");
        chat("mod_mia", "/cuddle anna", true);
        TestApp.await(() -> results(hug).contains("h = mod_mia hugs anna (anna) via hug"));
        chat("mod_mia", "!hug again", true);
        assertThat(recent(4).get(0).at("/refusal/why").asText()).isEqualTo("cooldownViewer");
        assertThat(recent(4).get(0).at("/refusal/values/seconds").asInt()).isBetween(55, 60);

        // Blocked in the chat panel: refused, whoever they are.
        app.put("/api/viewers/mod_max/flags", "{\"commands\":\"blocked\"}");
        chat("mod_max", "!hug", true);
        assertThat(recent(5).get(0).at("/refusal/why").asText()).isEqualTo("blocked");
        assertThat(app.get("/api/commands").json().at("/commands").toString()).contains("\"aliases\":[\"cuddle\"]");
    }

    @Test
    void aCommandCanAskForAViewerLevel() throws Exception {
        String hug = flow("{\"name\":\"hug\",\"trigger\":{\"type\":\"command\",\"name\":\"hug\"},\"actions\":[{\"type\":\"variable\","
                + "\"name\":\"h\",\"op\":\"set\",\"value\":\"{username}\"}]}");
        assertThat(app.put("/api/commands/hug", "{\"minLevel\":1001}").json().get("field").asText()).isEqualTo("minLevel");
        assertThat(app.put("/api/commands/hug", "{\"minLevel\":3}").status()).isEqualTo(200);
        assertThat(command(app.get("/api/commands").json().get("commands"), "hug").get("minLevel").asInt()).isEqualTo(3);
        chat("lowbie", "!hug", false);
        JsonNode refused = recent(1).get(0);
        assertThat(refused.at("/refusal/why").asText()).isEqualTo("level");
        assertThat(refused.at("/refusal/values/level").asInt()).isEqualTo(3);
        TestApp.await(() -> app.get("/api/viewers/lowbie").json().has("xp"));   // their chat earned their first XP
        assertThat(app.post("/api/viewers/lowbie/xp", "{\"level\":3}").status()).isEqualTo(200);
        chat("lowbie", "!hug", false);
        TestApp.await(() -> results(hug).contains("h = lowbie"));
        chat("mod_mia", "!hug", true);   // moderators need no level
        TestApp.await(() -> results(hug).contains("h = mod_mia"));
    }

    @Test
    void tenCommandsAMinuteFromOneViewerThePrefixSettingAndTheCommandCondition() throws Exception {
        String wave = flow("{\"name\":\"wave\",\"trigger\":{\"type\":\"command\",\"name\":\"wave\"},\"actions\":[{\"type\":\"variable\","
                + "\"name\":\"n\",\"op\":\"add\",\"value\":1}]}");
        String onChat = flow("{\"name\":\"wave chat\",\"trigger\":{\"type\":\"event\",\"event\":\"chat\"},\"conditions\":"
                + "{\"command\":\"!wave\"},\"actions\":[{\"type\":\"variable\",\"name\":\"c\",\"op\":\"add\",\"value\":1}]}");
        for (int i = 0; i < 11; i++) chat("spammy", "!wave " + i, false);
        JsonNode recent = recent(11);
        assertThat(recent.get(0).at("/refusal/why").asText()).isEqualTo("rate");
        assertThat(recent.get(0).at("/refusal/values/max").asInt()).isEqualTo(10);
        TestApp.await(() -> results(wave).size() == 10);
        TestApp.await(() -> results(onChat).size() == 11);   // the condition looks at the message, not at the limits

        assertThat(app.put("/api/settings", "{\"commands.prefix\":\"?\"}").status()).isEqualTo(200);
        assertThat(app.get("/api/commands").json().get("prefixes").asText()).isEqualTo("?/");
        chat("other", "!wave", false);
        chat("other", "?wave", false);
        TestApp.await(() -> results(wave).size() == 11);
        assertThat(recent(12).get(0).get("viewer").asText()).isEqualTo("other");
        assertThat(app.get("/api/commands").json().get("recent").size()).as("!wave is no command any more").isEqualTo(12);
    }
}
