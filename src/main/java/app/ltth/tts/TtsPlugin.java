package app.ltth.tts;

import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;

/** The built-in plugin "tts": while it is on, TTS reads; off, nothing is read and the queue is emptied. */
public final class TtsPlugin implements Plugin {

    private final TtsService tts;

    public TtsPlugin(TtsService tts) {
        this.tts = tts;
    }

    @Override
    public void start(PluginContext context) {
        context.onEvent(tts::onEvent);
        tts.setActive(true);
    }

    @Override
    public void stop() {
        tts.setActive(false);
    }
}
