package app.ltth.store;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Backs the open profile up once a day while LTTH runs: checked every hour, and at start. */
public final class DailyBackups implements Runnable {

    static final Duration INTERVAL = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(DailyBackups.class);

    private final ProfileManager profiles;

    public DailyBackups(ProfileManager profiles) {
        this.profiles = profiles;
    }

    @Override
    public void run() {
        try {
            long newest = profiles.backups().latest(profiles.active()).map(Backups.Backup::createdAt).orElse(0L);
            if (System.currentTimeMillis() - newest >= INTERVAL.toMillis()) {
                log.info("Daily backup of profile '{}': {}", profiles.active(), profiles.backupNow("daily"));
            }
        } catch (IOException | StoreException | RuntimeException e) {
            log.error("The daily backup of profile '{}' failed", profiles.active(), e);
        }
    }
}
