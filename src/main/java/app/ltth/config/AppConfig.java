package app.ltth.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How this run of LTTH is set up, fixed at start.
 *
 * @param httpPort        dashboard, overlays and REST (0 = any free port)
 * @param socketPort      the Socket.IO server (0 = any free port)
 * @param appHome         where the app is installed: public/ and locales/ there override the packaged pages
 * @param dataDir         where user_configs/ and user_data/ live
 * @param profile         the profile to open, empty for the last active one
 * @param openBrowser     open the dashboard in the default browser once started
 * @param demo            run the simulator even when a TikTok username is configured
 * @param startLiveSource start a live source at boot (tests turn it off to see only what they inject)
 */
public record AppConfig(int httpPort, int socketPort, Path appHome, Path dataDir, Optional<String> profile,
                        boolean openBrowser, boolean demo, boolean startLiveSource) {

    public static final int DEFAULT_HTTP_PORT = 3000;
    public static final int DEFAULT_SOCKET_PORT = 3001;
    /** The dashboard listens on loopback only; LAN access is an explicit, token-protected opt-in. */
    public static final String HOST = "127.0.0.1";

    public Path userData() {
        return dataDir.resolve("user_data");
    }
}
