package app.ltth.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum ConnectionState {
    CONNECTING, LIVE, RECONNECTING, OFFLINE, ENDED, ERROR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
