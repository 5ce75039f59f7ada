package app.ltth.live;

import app.ltth.live.webcast.WebcastConfig;
import app.ltth.live.webcast.WebcastSource;
import app.ltth.settings.SettingsRegistry;
import app.ltth.settings.SettingsService;
import java.net.http.HttpClient;
import java.time.Duration;

/** Makes TikTok live sources from the open profile's settings (username, API key, hosts). */
public final class TikTokSources {

    private final SettingsService settings;
    private final java.nio.file.Path recordingsDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public TikTokSources(SettingsService settings, java.nio.file.Path recordingsDir) {
        this.settings = settings;
        this.recordingsDir = recordingsDir;
    }

    public WebcastSource create(String username, String roomId) {
        WebcastConfig d = WebcastConfig.defaults();
        WebcastConfig config = new WebcastConfig(settings.text(SettingsRegistry.TIKTOK_LIVE_PAGE_URL),
                settings.text(SettingsRegistry.TIKTOK_API_LIVE_URL), settings.text(SettingsRegistry.TIKTOK_SIGN_URL),
                d.userAgent(), d.heartbeat(), d.silenceLimit(), d.streakTimeout(), d.backoffBase(), d.backoffMax(),
                d.httpTimeout());
        return new WebcastSource(username, roomId, settings.text(SettingsRegistry.TIKTOK_SIGN_API_KEY), config, http,
                settings.bool(SettingsRegistry.TIKTOK_RECORD) ? recordingsDir : null);
    }
}
