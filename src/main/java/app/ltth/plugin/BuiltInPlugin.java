package app.ltth.plugin;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;
import java.util.function.Consumer;

/**
 * A plugin that switches one of LTTH's own modules (soundboard, TTS, OSC, multi-cam, VDO.Ninja) on and off: while it
 * runs the module works, and hears the live events if it wants them, on the plugin's own thread.
 */
public final class BuiltInPlugin implements Plugin {

    private final Consumer<Boolean> active;
    private final PluginContext.EventListener events;

    /** @param events the module's event listener, or null for a module that needs no live events */
    public BuiltInPlugin(Consumer<Boolean> active, PluginContext.EventListener events) {
        this.active = active;
        this.events = events;
    }

    @Override
    public void start(PluginContext context) {
        if (events != null) context.onEvent(events);
        active.accept(true);
    }

    @Override
    public void stop() {
        active.accept(false);
    }
}
