package app.ltth.plugin.api;

import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/** What LTTH offers a plugin. Every callback runs on the plugin's own thread, never on LTTH's. */
public interface PluginContext {

    /** The plugin's id, as in its plugin.json. */
    String id();

    /** A logger named {@code plugin.<id>}; its lines go to LTTH's log. */
    Logger log();

    /** A folder of the plugin's own, {@code user_data/plugins/<id>/}; created on first use. */
    Path dataDir();

    /** Settings of this plugin, kept in the open profile's database. */
    Config config();

    /** Every live event (chat, gift, like, ...), in order, on the plugin's thread. */
    void onEvent(EventListener listener);

    /**
     * A REST route under {@code /api/plugins/<id>/<path>}. The handler's result is sent as JSON; it has 5 seconds.
     *
     * @param method GET, POST, PUT or DELETE
     * @param path   e.g. "stats" or "items/list" (no leading slash)
     */
    void route(String method, String path, RouteHandler handler);

    /** Listens to the Socket.IO event {@code plugin:<id>:<event>} sent by a page. */
    void onSocket(String event, SocketListener listener);

    /** Sends the Socket.IO event {@code plugin:<id>:<event>} to every page: dashboard, overlays, ui.html. */
    void emit(String event, Object payload);

    /** Declares a flow trigger {@code <id>.<triggerId>} that this plugin fires with {@link #fireTrigger}. */
    void registerFlowTrigger(String triggerId, String description);

    /** Fires one of this plugin's flow triggers. */
    void fireTrigger(String triggerId, Map<String, Object> data);

    /** Offers a flow action {@code <id>.<actionId>}. */
    void registerFlowAction(String actionId, String description, FlowAction action);

    /**
     * Offers the chat command {@code !name}: it is listed on the Commands page, where the streamer sets its aliases, who
     * may use it and its cooldowns; the handler runs only for what passes them, on this plugin's thread.
     */
    void registerCommand(String name, String description, CommandHandler handler);

    interface CommandHandler {
        /** @param args the words after the command (quotes keep words together); {@code rest} all of it as written */
        void run(User user, List<String> args, String rest) throws Exception;
    }

    interface Config {
        Optional<String> get(String key);

        void set(String key, String value);

        Map<String, String> all();
    }

    @FunctionalInterface
    interface EventListener {
        void onEvent(LiveEvent event) throws Exception;
    }

    @FunctionalInterface
    interface RouteHandler {
        /** @return what to answer, as JSON; throw {@link PluginHttpException} for an error status */
        Object handle(Request request) throws Exception;
    }

    @FunctionalInterface
    interface SocketListener {
        /** @param payload what the page sent: a Map, List, String, number, boolean or null */
        void onMessage(Object payload) throws Exception;
    }

    @FunctionalInterface
    interface FlowAction {
        /** @return the action's result, shown in the flow's run log */
        Object run(Map<String, Object> input) throws Exception;
    }

    /** A REST request to a plugin route. */
    record Request(String method, String path, Map<String, String> query, String body) {
    }
}
