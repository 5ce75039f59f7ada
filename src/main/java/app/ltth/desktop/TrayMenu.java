package app.ltth.desktop;

import app.ltth.events.ConnectionState;
import app.ltth.i18n.Texts;
import java.util.Map;

/**
 * What the tray icon says, in the streamer's language: its tooltip, the connection's state, and its two actions.
 * Pure, so that it is tested without a desktop.
 */
public record TrayMenu(String tooltip, String status, String open, String quit) {

    public static TrayMenu of(Texts texts, ConnectionState state) {
        String stateText = state == null ? texts.get("state.offline") : texts.get("state." + state.wireName());
        return new TrayMenu(texts.get("tray.tooltip", Map.of("state", stateText)),
                texts.get("tray.status", Map.of("state", stateText)), texts.get("tray.open"), texts.get("tray.quit"));
    }
}
