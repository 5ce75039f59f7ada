package app.ltth.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the start-up options. A flag wins over its environment variable, which wins over the default:
 *
 * <pre>
 * --port N          LTTH_PORT          dashboard / REST port (default 3000)
 * --socket-port N   LTTH_SOCKET_PORT   Socket.IO port (default 3001)
 * --data-dir DIR    LTTH_DATA_DIR      where user_configs/ and user_data/ live (default: next to the app)
 * --profile NAME    LTTH_PROFILE       profile to open (default: the last one used)
 * --no-browser      LTTH_NO_BROWSER=1  do not open the dashboard in a browser
 * --demo            LTTH_DEMO=1        run the simulator even when a TikTok username is set
 * </pre>
 */
public final class CommandLine {

    public static final String USAGE = """
            Usage: java -jar ltth.jar [options]
              --port N          dashboard and REST port (default 3000, env LTTH_PORT)
              --socket-port N   Socket.IO port (default 3001, env LTTH_SOCKET_PORT)
              --data-dir DIR    folder for user_configs/ and user_data/ (default: next to the app, env LTTH_DATA_DIR)
              --profile NAME    profile to open (default: the last one used, env LTTH_PROFILE)
              --no-browser      do not open the dashboard in the browser (env LTTH_NO_BROWSER=1)
              --demo            run the simulator even when a TikTok username is set (env LTTH_DEMO=1)
              --help            show this text

            A recorded LIVE instead of the demo (speed 1 as recorded, 10, or 0 for full speed):
              java -jar ltth.jar replay user_data/recordings/FILE.jsonl.gz [--speed N] [options]

            Tools:
              java -jar ltth.jar webcast decode --method WebcastGiftMessage   decode base64 messages from stdin
              java -jar ltth.jar webcast decode --frame                       decode base64 push frames from stdin
            """;

    private CommandLine() {
    }

    /** @return the configuration, or empty when only help was asked for */
    public static Optional<AppConfig> parse(String[] args, Map<String, String> env, Path appHome) throws ConfigException {
        Integer port = null;
        Integer socketPort = null;
        String dataDir = null;
        String profile = null;
        boolean noBrowser = false;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inlineValue = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return Optional.empty();
                }
                case "--no-browser" -> noBrowser = true;
                case "--demo" -> demo = true;
                case "--port", "--socket-port", "--data-dir", "--profile" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) throw new ConfigException(arg + " needs a value. " + hint());
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--port" -> port = port(arg, value);
                        case "--socket-port" -> socketPort = port(arg, value);
                        case "--data-dir" -> dataDir = value;
                        default -> profile = value;
                    }
                }
                default -> throw new ConfigException("Unknown option '" + args[i] + "'. " + hint());
            }
        }
        if (port == null && env.containsKey("LTTH_PORT")) port = port("LTTH_PORT", env.get("LTTH_PORT"));
        if (socketPort == null && env.containsKey("LTTH_SOCKET_PORT")) {
            socketPort = port("LTTH_SOCKET_PORT", env.get("LTTH_SOCKET_PORT"));
        }
        if (dataDir == null) dataDir = env.get("LTTH_DATA_DIR");
        if (profile == null) profile = env.get("LTTH_PROFILE");
        noBrowser |= truthy(env.get("LTTH_NO_BROWSER"));
        demo |= truthy(env.get("LTTH_DEMO"));

        int http = port == null ? AppConfig.DEFAULT_HTTP_PORT : port;
        int socket = socketPort == null ? AppConfig.DEFAULT_SOCKET_PORT : socketPort;
        if (http != 0 && http == socket) {
            throw new ConfigException("The dashboard port and the Socket.IO port must differ (both are " + http + ").");
        }
        Path data = dataDir == null || dataDir.isBlank() ? appHome : Path.of(dataDir);
        Optional<String> chosenProfile = Optional.ofNullable(profile).filter(p -> !p.isBlank());
        return Optional.of(new AppConfig(http, socket, appHome, data.toAbsolutePath().normalize(), chosenProfile,
                !noBrowser, demo, true));
    }

    private static int port(String name, String value) throws ConfigException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(name + " must be a port number between 0 and 65535, not '" + value + "'.");
    }

    private static boolean truthy(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    private static String hint() {
        return "Run with --help to see the options.";
    }
}
