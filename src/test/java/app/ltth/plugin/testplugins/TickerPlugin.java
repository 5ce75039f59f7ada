package app.ltth.plugin.testplugins;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;
import java.util.Map;

/** Offers the flow trigger ticker.tick, fired by POST /api/plugins/ticker/tick. */
public final class TickerPlugin implements Plugin {
    @Override
    public void start(PluginContext context) {
        context.registerFlowTrigger("tick", "A tick from the test plugin");
        context.route("POST", "tick", request -> {
            context.fireTrigger("tick", Map.of("note", request.body()));
            return Map.of("fired", true);
        });
    }
}
