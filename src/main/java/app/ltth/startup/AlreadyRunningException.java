package app.ltth.startup;

import java.util.Optional;

/** Another LTTH already runs on this data folder. */
public class AlreadyRunningException extends Exception {
    private final transient Optional<String> dashboardUrl;

    public AlreadyRunningException(Optional<String> dashboardUrl) {
        super("LTTH is already running for this data folder" + dashboardUrl.map(u -> ": " + u).orElse(""));
        this.dashboardUrl = dashboardUrl;
    }

    public Optional<String> dashboardUrl() {
        return dashboardUrl;
    }
}
