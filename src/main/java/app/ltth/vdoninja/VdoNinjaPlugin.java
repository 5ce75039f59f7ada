package app.ltth.vdoninja;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;

/** The built-in plugin "vdoninja": the room and its links on the VDO.Ninja page. */
public final class VdoNinjaPlugin implements Plugin {

    private final VdoNinjaService vdo;

    public VdoNinjaPlugin(VdoNinjaService vdo) {
        this.vdo = vdo;
    }

    @Override
    public void start(PluginContext context) {
        vdo.setActive(true);
    }

    @Override
    public void stop() {
        vdo.setActive(false);
    }
}
