package app.ltth.plugin.testplugins;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;

/** Hangs on the first event and forever after: it may hold up only itself. */
public final class SleepingPlugin implements Plugin {
    @Override
    public void start(PluginContext context) {
        context.onEvent(event -> Thread.sleep(Long.MAX_VALUE));
        context.route("GET", "slow", request -> {
            Thread.sleep(Long.MAX_VALUE);
            return null;
        });
    }
}
