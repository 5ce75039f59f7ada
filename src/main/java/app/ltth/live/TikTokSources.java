package app.ltth.live;

import app.ltth.live.webcast.BrowserParams;
import app.ltth.live.webcast.RelaySource;
import app.ltth.live.webcast.TikTokLive;
import app.ltth.live.webcast.WebcastConfig;
import app.ltth.live.webcast.WebcastSource;
import app.ltth.settings.SettingsRegistry;
import app.ltth.settings.SettingsService;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/** Makes TikTok live sources from the open profile's settings (username, API key, hosts, way in). */
public final class TikTokSources {

    private final SettingsService settings;
    private final Path recordingsDir;
    // Carries the API key: never follows a redirect to another host.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public TikTokSources(SettingsService settings, Path recordingsDir) {
        this.settings = settings;
        this.recordingsDir = recordingsDir;
    }

    /** The settings' view of TikTok's side: hosts and the websocket parameters as overridden. */
    private WebcastConfig config() {
        WebcastConfig d = WebcastConfig.defaults();
        return new WebcastConfig(settings.text(SettingsRegistry.TIKTOK_LIVE_PAGE_URL),
                settings.text(SettingsRegistry.TIKTOK_API_LIVE_URL), settings.text(SettingsRegistry.TIKTOK_SIGN_URL),
                settings.text(SettingsRegistry.TIKTOK_RELAY_URL), d.userAgent(),
                BrowserParams.override(d.browserParams(), settings.text(SettingsRegistry.TIKTOK_WS_PARAMS)),
                d.heartbeat(), d.silenceLimit(), d.streakTimeout(), d.backoffBase(), d.backoffMax(), d.httpTimeout());
    }

    public TikTokLive create(String username, String roomId) {
        WebcastConfig config = config();
        String key = settings.text(SettingsRegistry.TIKTOK_SIGN_API_KEY);
        WebcastSource direct = new WebcastSource(username, roomId, key, config, http,
                settings.bool(SettingsRegistry.TIKTOK_RECORD) ? recordingsDir : null);
        return new TikTokLive(username, direct, key.isBlank() ? null : () -> new RelaySource(username, key, config, http),
                TikTokLive.Mode.of(settings.text(SettingsRegistry.TIKTOK_CONNECTION)),
                (int) settings.number(SettingsRegistry.TIKTOK_FAILOVER_AFTER));
    }
}
