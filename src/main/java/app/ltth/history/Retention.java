package app.ltth.history;

import app.ltth.settings.SettingsRegistry;
import app.ltth.settings.SettingsService;
import app.ltth.store.ProfileManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes stored events older than the setting {@code events.retentionDays}; 0 (the default) keeps everything.
 * Runs at start and every hour. Nothing else ever trims the event log.
 */
public final class Retention implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final ProfileManager profiles;
    private final SettingsService settings;

    public Retention(ProfileManager profiles, SettingsService settings) {
        this.profiles = profiles;
        this.settings = settings;
    }

    @Override
    public void run() {
        long days = settings.number(SettingsRegistry.EVENTS_RETENTION_DAYS);
        if (days <= 0) return;
        long before = System.currentTimeMillis() - Duration.ofDays(days).toMillis();
        try {
            int deleted = profiles.withDatabase(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM events WHERE ts < ?")) {
                    ps.setLong(1, before);
                    return ps.executeUpdate();
                }
            });
            if (deleted > 0) log.info("Deleted {} event(s) older than {} days, as the retention setting says", deleted, days);
        } catch (Exception e) {
            log.error("Applying the event retention failed", e);
        }
    }
}
