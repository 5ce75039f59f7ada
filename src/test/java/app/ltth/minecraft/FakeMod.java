package app.ltth.minecraft;

import app.ltth.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Minecraft mod as the original LTTH's minecraft-connect protocol has it: on connecting it says what it can do
 * ({@code available_actions}), then runs every {@code execute_action} it is sent and answers with an
 * {@code action_result}; {@code refuse} names an action the game says no to.
 */
public final class FakeMod implements AutoCloseable {

    public final BlockingQueue<JsonNode> executed = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    public FakeMod(int port, String refuse) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/"),
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            try {
                                JsonNode m = Json.MAPPER.readTree(text.toString());
                                if (m.path("type").asText().equals("execute_action")) {
                                    executed.add(m);
                                    boolean ok = !m.path("action").asText().equals(refuse);
                                    ws.sendText("{\"type\":\"action_result\",\"success\":" + ok + ",\"action\":\""
                                            + m.path("action").asText() + "\"" + (ok ? "" : ",\"error\":\"Unknown entity\"") + "}", true);
                                }
                            } catch (Exception e) {
                                executed.add(Json.MAPPER.createObjectNode().put("unreadable", text.toString()));
                            }
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"available_actions\",\"actions\":[{\"name\":\"spawn_entity\",\"description\":\"Spawns a mob\","
                + "\"params\":[\"entity\",\"count\",\"name\"]},{\"name\":\"give_item\",\"params\":[\"item\",\"count\"]},"
                + "{\"name\":\"lightning\",\"params\":[]}]}", true).get(5, TimeUnit.SECONDS);
    }

    public JsonNode next() throws InterruptedException {
        return executed.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
