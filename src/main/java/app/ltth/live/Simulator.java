package app.ltth.live;

import app.ltth.events.LiveEvent;
import app.ltth.threads.DaemonThreads;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The demo source: a {@link SimulatedStream} stepped ten times a second at an adjustable rate. */
public final class Simulator implements LiveSource {

    public static final String KIND = "simulator";
    public static final double DEFAULT_RATE = 5;
    public static final double MAX_RATE = 1_000;
    private static final long STEP_MILLIS = 100;

    private final SimulatedStream stream = new SimulatedStream(new Random());
    private volatile double rate = DEFAULT_RATE;
    private ScheduledExecutorService timer;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String username() {
        return "";
    }

    /** Events per second, not counting streak updates and viewer counts. */
    public double rate() {
        return rate;
    }

    public void setRate(double eventsPerSecond) {
        if (!(eventsPerSecond >= 0 && eventsPerSecond <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be between 0 and " + MAX_RATE);
        }
        this.rate = eventsPerSecond;
    }

    @Override
    public synchronized void start(Context context) {
        if (timer != null) return;
        timer = DaemonThreads.scheduler("ltth-simulator");
        timer.scheduleAtFixedRate(() -> {
            for (LiveEvent event : stream.step(System.currentTimeMillis(), STEP_MILLIS / 1000.0, rate)) {
                context.event(event);
            }
        }, 0, STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer == null) return;
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }
}
