package app.ltth.osc;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;

/** The built-in plugin "osc": while it is on, the bridge's ports are open and gift rules send. */
public final class OscPlugin implements Plugin {

    private final OscBridge bridge;

    public OscPlugin(OscBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void start(PluginContext context) {
        context.onEvent(bridge::onEvent);
        bridge.setActive(true);
    }

    @Override
    public void stop() {
        bridge.setActive(false);
    }
}
