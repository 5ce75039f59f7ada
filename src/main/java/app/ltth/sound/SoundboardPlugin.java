package app.ltth.sound;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;

/** The built-in plugin "soundboard": while it is on, gifts and events play their sounds and the buttons work. */
public final class SoundboardPlugin implements Plugin {

    private final SoundboardService sounds;

    public SoundboardPlugin(SoundboardService sounds) {
        this.sounds = sounds;
    }

    @Override
    public void start(PluginContext context) {
        context.onEvent(sounds::onEvent);
        sounds.setActive(true);
    }

    @Override
    public void stop() {
        sounds.setActive(false);
    }
}
