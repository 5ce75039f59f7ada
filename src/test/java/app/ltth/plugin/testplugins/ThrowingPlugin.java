package app.ltth.plugin.testplugins;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;

/** Fails on every event: its failures must be counted, and nobody else may notice. */
public final class ThrowingPlugin implements Plugin {
    @Override
    public void start(PluginContext context) {
        context.onEvent(event -> {
            throw new IllegalStateException("broken on purpose: " + event.id());
        });
    }
}
