package app.ltth.history;

import app.ltth.events.ChatEvent;
import app.ltth.events.User;
import app.ltth.store.Database;
import java.nio.file.Path;

/**
 * Run by {@link EventLogCrashTest} in its own JVM: writes events as fast as it can through the real event log
 * writer and prints "committed N" after every commit, until it is killed.
 */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        EventLogWriter writer = new EventLogWriter(total -> {
            System.out.println("committed " + total);
            System.out.flush();
        });
        writer.profileOpened("crash", db);
        User user = User.named("writer");
        for (long i = 0; ; i++) {
            writer.onEvent(new ChatEvent("e" + i, System.currentTimeMillis(), user, "event " + i));
        }
    }
}
