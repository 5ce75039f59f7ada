package app.ltth.config;

/** The command line or environment asks for something impossible; the message says what and how to fix it. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
