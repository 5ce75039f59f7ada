package app.ltth.settings;

import app.ltth.i18n.Locales;
import app.ltth.live.webcast.BrowserParams;
import app.ltth.live.webcast.UrlTemplate;
import app.ltth.live.webcast.WebcastConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every setting LTTH knows. Features add theirs here, so that one list documents them all. */
public final class SettingsRegistry {

    public static final String TIKTOK_USERNAME = "tiktok.username";
    public static final String TIKTOK_SIGN_API_KEY = "tiktok.signApiKey";
    public static final String TIKTOK_AUTO_CONNECT = "tiktok.autoConnect";
    public static final String TIKTOK_RECORD = "tiktok.record";
    public static final String TIKTOK_LIVE_PAGE_URL = "tiktok.livePageUrl";
    public static final String TIKTOK_API_LIVE_URL = "tiktok.apiLiveUrl";
    public static final String TIKTOK_SIGN_URL = "tiktok.signUrl";
    public static final String TIKTOK_RELAY_URL = "tiktok.relayUrl";
    public static final String TIKTOK_WS_PARAMS = "tiktok.wsParams";
    public static final String TIKTOK_CONNECTION = "tiktok.connection";
    public static final String TIKTOK_FAILOVER_AFTER = "tiktok.failoverAfter";
    public static final String EVENTS_RETENTION_DAYS = "events.retentionDays";
    public static final String BACKUPS_KEEP = "backups.keep";
    public static final String EVENT_API_PORT = "eventApi.port";
    public static final String MINECRAFT_PORT = "minecraft.port";
    public static final String OPENSHOCK_URL = "openshock.url";
    public static final String OPENSHOCK_TOKEN = "openshock.token";
    public static final String STREAMERBOT_CONNECT = "streamerbot.connect";
    public static final String STREAMERBOT_HOST = "streamerbot.host";
    public static final String STREAMERBOT_PORT = "streamerbot.port";
    public static final String STREAMERBOT_ENDPOINT = "streamerbot.endpoint";
    public static final String STREAMERBOT_PASSWORD = "streamerbot.password";
    public static final String UI_LANGUAGE = "ui.language";
    public static final String UI_THEME = "ui.theme";
    public static final String FLOWS_ALLOW_PRIVATE = "flows.allowPrivateAddresses";
    public static final String ALERTS_QUEUE_MAX = "alerts.queueMax";
    public static final String ALERTS_OVERFLOW = "alerts.overflow";
    public static final String AUDIO_VOLUME = "audio.volume";
    public static final String AUDIO_DUCK = "audio.duckPercent";
    public static final String TTS_TIKTOK_SESSION = "tts.tiktokSessionId";
    public static final String TTS_GOOGLE_KEY = "tts.googleApiKey";
    public static final String TTS_ELEVENLABS_KEY = "tts.elevenLabsApiKey";
    public static final String TTS_OPENAI_KEY = "tts.openAiApiKey";
    public static final String TTS_TIKTOK_URL = "tts.tiktokUrl";
    public static final String TTS_GOOGLE_URL = "tts.googleUrl";
    public static final String TTS_ELEVENLABS_URL = "tts.elevenLabsUrl";
    public static final String TTS_OPENAI_URL = "tts.openAiUrl";
    public static final String MYINSTANTS_URL = "soundboard.myInstantsUrl";
    public static final String TTS_LOCAL_PROGRAM = "tts.localProgram";
    public static final String COMMANDS_PREFIX = "commands.prefix";
    public static final String DESKTOP_AUTOSTART = "desktop.autostart";
    public static final String DESKTOP_UPDATE_CHECK = "desktop.updateCheck";
    public static final String DESKTOP_RELEASES_URL = "desktop.releasesUrl";

    /** The dashboard's colours, the default first. */
    public static final List<String> THEMES = List.of("dark", "light", "contrast");

    private static final Map<String, Setting> ALL = new LinkedHashMap<>();
    /** The Settings page's sections, in order, each with its settings; "advanced" is folded away there. */
    private static final Map<String, List<Setting>> SECTIONS = new LinkedHashMap<>();

    /**
     * The secret that each service address carries. When an address moves to another host, its secret is cleared
     * (the page asks for it again): a key is never sent to a place it was not entered for.
     */
    public static final Map<String, String> SECRET_OF_URL = Map.of(
            TIKTOK_SIGN_URL, TIKTOK_SIGN_API_KEY, TIKTOK_RELAY_URL, TIKTOK_SIGN_API_KEY,
            TTS_TIKTOK_URL, TTS_TIKTOK_SESSION, TTS_GOOGLE_URL, TTS_GOOGLE_KEY,
            TTS_ELEVENLABS_URL, TTS_ELEVENLABS_KEY, TTS_OPENAI_URL, TTS_OPENAI_KEY, OPENSHOCK_URL, OPENSHOCK_TOKEN);

    static {
        String url = "https?://\\S+";
        WebcastConfig d = WebcastConfig.defaults();
        add("appearance", Setting.choice(UI_LANGUAGE, Locales.AUTO, Stream.concat(Stream.of(Locales.AUTO),
                Locales.LANGUAGES.stream()).toList(),
                "Language of the dashboard and overlays"));
        add("appearance", Setting.choice(UI_THEME, THEMES.get(0), THEMES, "Colours of the dashboard"));
        add("desktop", Setting.bool(DESKTOP_AUTOSTART, false, "Start LTTH when you log in to this computer (without opening the browser)"));
        add("desktop", Setting.bool(DESKTOP_UPDATE_CHECK, false, "Look for a new LTTH version at start (asks the releases page only)"));
        add("tiktok", Setting.text(TIKTOK_USERNAME, "", "@?[A-Za-z0-9._]{2,24}", "The TikTok username this profile streams as"));
        add("tiktok", Setting.choice(TIKTOK_CONNECTION, "auto", List.of("auto", "direct", "relay"), "How to connect: directly to "
                + "TikTok, through the Euler relay, or directly with the relay taking over when TikTok keeps refusing "
                + "(needs the API key)"));
        add("tiktok", Setting.number(TIKTOK_FAILOVER_AFTER, 3, 1, 20, "In auto mode: after how many refused direct connections "
                + "in a row the relay takes over"));
        add("tiktok", Setting.bool(TIKTOK_AUTO_CONNECT, false, "Connect to the TikTok username above when LTTH starts"));
        add("tiktok", Setting.bool(TIKTOK_RECORD, false, "Record every raw frame of a LIVE to user_data/recordings (for replays)"));
        add("keys", Setting.secret(TIKTOK_SIGN_API_KEY, "Euler Stream API key: raises the signing service's limits, needed for "
                + "the relay (optional)"));
        add("keys", Setting.secret(TTS_TIKTOK_SESSION, "TikTok voices: your TikTok sessionid cookie"));
        add("keys", Setting.secret(TTS_GOOGLE_KEY, "Google Cloud text-to-speech: API key"));
        add("keys", Setting.secret(TTS_ELEVENLABS_KEY, "ElevenLabs: API key"));
        add("keys", Setting.secret(TTS_OPENAI_KEY, "OpenAI text-to-speech: API key"));
        add("audio", Setting.number(AUDIO_VOLUME, 80, 0, 100, "Master volume of the audio overlay (sounds and speech), in percent"));
        add("audio", Setting.number(AUDIO_DUCK, 30, 0, 100, "While speech plays, sounds play at this percent of their volume"));
        add("alerts", Setting.number(ALERTS_QUEUE_MAX, 20, 1, 500, "How many alerts may wait their turn"));
        add("alerts", Setting.choice(ALERTS_OVERFLOW, "drop-lowest", List.of("drop-lowest", "drop-newest", "drop-oldest"),
                "When the alert queue is full: drop the least valuable alert (joins first, big gifts last), the new one, "
                        + "or the oldest waiting"));
        add("commands", Setting.choice(COMMANDS_PREFIX, "!", List.of("!", "?", "#", ".", "$"),
                "What chat commands start with (/ works as well)"));
        add("interop", Setting.number(EVENT_API_PORT, 21213, 1024, 65535, "The Event API's port (TikFinity's is 21213)"));
        add("interop", Setting.number(MINECRAFT_PORT, 25560, 1024, 65535, "The Minecraft bridge's port (the original LTTH's mod uses 25560)"));
        add("interop", Setting.bool(STREAMERBOT_CONNECT, false, "Connect to Streamer.bot"));
        add("interop", Setting.text(STREAMERBOT_HOST, "127.0.0.1", "[A-Za-z0-9.:\\[\\]-]{1,253}", "Streamer.bot's address"));
        add("interop", Setting.number(STREAMERBOT_PORT, 8080, 1, 65535, "Streamer.bot's WebSocket server port"));
        add("interop", Setting.text(STREAMERBOT_ENDPOINT, "/", "/[A-Za-z0-9._~/-]{0,100}", "Streamer.bot's WebSocket endpoint"));
        add("keys", Setting.secret(OPENSHOCK_TOKEN, "OpenShock: API token"));
        add("keys", Setting.secret(STREAMERBOT_PASSWORD, "Streamer.bot: WebSocket server password"));
        add("backups", Setting.number(BACKUPS_KEEP, 7, 1, 365, "How many backups of each profile to keep"));
        add("backups", Setting.number(EVENTS_RETENTION_DAYS, 0, 0, 36_500,
                "Delete stored events older than this many days; 0 keeps everything"));
        // Where TikTok, the signer and the voice services answer: these drift on their side, so they are settings.
        add("advanced", Setting.bool(FLOWS_ALLOW_PRIVATE, false,
                "Allow flow webhooks to reach private and loopback addresses"));
        add("advanced", Setting.checked(TIKTOK_LIVE_PAGE_URL, d.livePageUrl(), urlTemplate(WebcastConfig.PAGE_PLACEHOLDERS,
                WebcastConfig.HTTP), "Advanced: TikTok LIVE page ({user})"));
        add("advanced", Setting.checked(TIKTOK_API_LIVE_URL, d.apiLiveUrl(), urlTemplate(WebcastConfig.PAGE_PLACEHOLDERS,
                WebcastConfig.HTTP), "Advanced: TikTok room JSON ({user})"));
        add("advanced", Setting.checked(TIKTOK_SIGN_URL, d.signUrl(), urlTemplate(WebcastConfig.SIGN_PLACEHOLDERS, WebcastConfig.HTTP),
                "Advanced: signing service ({roomId}, {userAgent})"));
        add("advanced", Setting.checked(TIKTOK_RELAY_URL, d.relayUrl(), urlTemplate(WebcastConfig.RELAY_PLACEHOLDERS,
                WebcastConfig.WEBSOCKET), "Advanced: Euler relay ({user}, {apiKey})"));
        add("advanced", Setting.checked(TIKTOK_WS_PARAMS, "", params -> BrowserParams.override(Map.of(), params),
                "Advanced: websocket parameters to change, as name=value&name=value (an empty value removes one)"));
        add("advanced", Setting.text(DESKTOP_RELEASES_URL, app.ltth.version.Version.releasesUrl(), url,
                "Advanced: where the update check looks for the latest release (set by the release build)"));
        add("advanced", Setting.text(TTS_TIKTOK_URL, "https://api16-normal-c-useast1a.tiktokv.com/media/api/text/speech/invoke/", url,
                "Advanced: TikTok voices service"));
        add("advanced", Setting.text(TTS_GOOGLE_URL, "https://texttospeech.googleapis.com/v1/text:synthesize", url,
                "Advanced: Google text-to-speech service"));
        add("advanced", Setting.text(TTS_ELEVENLABS_URL, "https://api.elevenlabs.io/v1/text-to-speech/", url, "Advanced: ElevenLabs service"));
        add("advanced", Setting.text(TTS_OPENAI_URL, "https://api.openai.com/v1/audio/speech", url, "Advanced: OpenAI speech service"));
        add("advanced", Setting.text(TTS_LOCAL_PROGRAM, "", "[^\\r\\n]{0,500}",
                "Local voices: the path of espeak-ng if LTTH does not find it (empty: found automatically)"));
        add("advanced", Setting.text(OPENSHOCK_URL, "https://api.openshock.app", url, "Advanced: OpenShock service (or your own)"));
        add("advanced", Setting.text(MYINSTANTS_URL, "https://www.myinstants.com", url, "Advanced: MyInstants address"));
    }

    private SettingsRegistry() {
    }

    private static java.util.function.Consumer<String> urlTemplate(java.util.Set<String> placeholders,
                                                                   java.util.Set<String> schemes) {
        return value -> UrlTemplate.check(value, placeholders, schemes);
    }

    private static void add(String section, Setting setting) {
        ALL.put(setting.key(), setting);
        SECTIONS.computeIfAbsent(section, s -> new java.util.ArrayList<>()).add(setting);
    }

    /** The sections of the Settings page with their settings, in order. */
    public static Map<String, List<Setting>> sections() {
        return java.util.Collections.unmodifiableMap(SECTIONS);
    }

    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(ALL.get(key));
    }

    public static List<Setting> all() {
        return List.copyOf(ALL.values());
    }
}
