package app.ltth.store;

import app.ltth.input.ValidationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile the app has open, and switching it without a restart. Modules that keep profile data register a
 * {@link Listener}: before a database closes they finish their writes ({@code profileClosing}); once the next is
 * open they reload from it ({@code profileOpened}).
 */
public final class ProfileManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProfileManager.class);

    public interface Listener {
        /** Finish every write to the current database; it closes when this returns. */
        default void profileClosing() {
        }

        void profileOpened(String profile, Database database) throws Exception;
    }

    private final ProfileStore store;
    private final Backups backups;
    private final Consumer<String> notices;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile String profile;
    private volatile Database database;

    public ProfileManager(ProfileStore store, Backups backups, Consumer<String> notices) {
        this.store = store;
        this.backups = backups;
        this.notices = notices;
    }

    public synchronized void open(String name) throws StoreException {
        database = store.open(name, notices);
        profile = name;
    }

    /** Adds a listener and tells it about the open profile at once. */
    public void addListener(Listener listener) throws Exception {
        listeners.add(listener);
        listener.profileOpened(profile, database);
    }

    public String active() {
        return profile;
    }

    public Database database() {
        return database;
    }

    public ProfileStore store() {
        return store;
    }

    public Backups backups() {
        return backups;
    }

    /** Backs the open profile up now; never while a switch or restore is under way. */
    public synchronized Path backupNow(String reason) throws StoreException {
        return backups.create(database, profile, reason);
    }

    /** Runs {@code work} on the open database; never while a switch or restore is under way. */
    public synchronized <T> T withDatabase(Database.SqlWork<T> work) throws java.sql.SQLException {
        return database.write(work);
    }

    /** Closes the open profile and opens {@code name} in its place; every module reloads. */
    public synchronized void switchTo(String name) throws Exception {
        ProfileStore.requireValidName(name, "name");
        String stored = store.existing(name)
                .orElseThrow(() -> new ValidationException("name", "There is no profile named '" + name + "'"));
        if (stored.equals(profile)) return;
        reopen(stored, () -> { });
        log.info("Switched to profile '{}'", stored);
    }

    /** Renames a profile; the open one is closed for the move and reopened under its new name. */
    public synchronized void rename(String from, String to) throws Exception {
        String stored = store.existing(from).orElse(from);
        if (stored.equals(profile)) {
            reopen(to, () -> store.rename(stored, to));
        } else {
            store.rename(stored, to);
        }
    }

    /** Deletes a profile that is not open (however its name is spelt: "DEFAULT" is "default" on Windows). */
    public synchronized void delete(String name) throws IOException {
        String stored = store.existing(name).orElse(name);
        if (stored.equals(profile)) {
            throw new ValidationException("name", "'" + stored + "' is the open profile: switch to another one first");
        }
        store.delete(stored);
    }

    /**
     * Replaces the open profile's data with a backup. The current state is backed up first ("before-restore"), so a
     * restore can itself be undone.
     */
    public synchronized void restore(String backupName) throws Exception {
        Path backup = backups.find(profile, backupName)
                .orElseThrow(() -> new ValidationException("name", "There is no backup named '" + backupName + "'"));
        try {
            Backups.validateDatabase(backup);
        } catch (StoreException e) {
            throw new ValidationException("name", "The backup " + backupName + " cannot be restored. " + e.getMessage());
        }
        backups.create(database, profile, "before-restore");
        String name = profile;
        reopen(name, () -> store.replaceDatabase(name, backup));
        log.info("Restored profile '{}' from {}", name, backupName);
    }

    @FunctionalInterface
    private interface WhileClosed {
        void run() throws Exception;
    }

    private void reopen(String next, WhileClosed whileClosed) throws Exception {
        for (Listener l : listeners) l.profileClosing();
        database.close();
        String previous = profile;
        try {
            whileClosed.run();
            open(next);
        } catch (Exception e) {
            // Never leave the app without a database: go back to the profile that was open.
            log.error("Could not open profile '{}'; reopening '{}'", next, previous, e);
            open(store.exists(previous) ? previous : next);
            notifyOpened();
            throw e;
        }
        notifyOpened();
    }

    private void notifyOpened() throws Exception {
        for (Listener l : listeners) l.profileOpened(profile, database);
    }

    @Override
    public synchronized void close() {
        for (Listener l : listeners) l.profileClosing();
        if (database != null) database.close();
    }
}
