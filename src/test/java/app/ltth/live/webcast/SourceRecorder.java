package app.ltth.live.webcast;

import app.ltth.events.ConnectionState;
import app.ltth.events.LiveEvent;
import app.ltth.live.LiveSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What a live source reported, as the manager would get it: every event, and every state as "state: message". */
final class SourceRecorder implements LiveSource.Context {

    final List<LiveEvent> events = Collections.synchronizedList(new ArrayList<>());
    final List<String> states = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void event(LiveEvent event) {
        events.add(event);
    }

    @Override
    public void state(ConnectionState state, String message) {
        states.add(state.wireName() + ": " + message);
    }

    /** Waits up to 15 s for something the source's own threads bring about. */
    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 15 s: " + what);
            Thread.sleep(10);
        }
    }
}
