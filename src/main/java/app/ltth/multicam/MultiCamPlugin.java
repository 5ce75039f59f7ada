package app.ltth.multicam;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;

/** The built-in plugin "multicam": while it is on, chat commands and gifts switch the cam. */
public final class MultiCamPlugin implements Plugin {

    private final MultiCamService cams;

    public MultiCamPlugin(MultiCamService cams) {
        this.cams = cams;
    }

    @Override
    public void start(PluginContext context) {
        context.onEvent(cams::onEvent);
        cams.setActive(true);
    }

    @Override
    public void stop() {
        cams.setActive(false);
    }
}
