package app.ltth.flows;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import app.ltth.threads.DaemonThreads;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The named queues flows run on. A serial queue runs one run after another; a parallel one up to
 * {@value #PARALLEL_WORKERS} at once. Each holds at most its {@code maxLength} waiting runs; when a run comes to a full
 * queue, the queue's overflow choice either skips the newcomer or drops the oldest waiting run. Either way the run that
 * does not happen is reported, never silently lost. A queue nobody configured is serial, 100 long and skips newcomers;
 * the queue called "parallel" is parallel unless configured otherwise.
 */
final class FlowQueues implements AutoCloseable {

    static final int PARALLEL_WORKERS = 8;
    static final int DEFAULT_LENGTH = 100;
    static final int MAX_LENGTH = 10_000;
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    enum Overflow {
        SKIP_NEW("skip-new"), DROP_OLDEST("drop-oldest");

        final String wire;

        Overflow(String wire) {
            this.wire = wire;
        }

        static List<String> names() {
            return List.of(SKIP_NEW.wire, DROP_OLDEST.wire);
        }

        static Overflow of(String wire) {
            return wire.equals(DROP_OLDEST.wire) ? DROP_OLDEST : SKIP_NEW;
        }
    }

    /** How one queue behaves. */
    record Config(String name, boolean parallel, int maxLength, Overflow overflow) {

        static Config standard(String name) {
            return new Config(name, name.equals("parallel"), DEFAULT_LENGTH, Overflow.SKIP_NEW);
        }

        static Config parse(String name, JsonNode json) {
            if (!NAME.matcher(name).matches()) {
                throw new ValidationException("name", "A queue name is up to 32 letters, digits, '_' or '-'");
            }
            JsonFields f = new JsonFields(json, "");
            Config standard = standard(name);
            String mode = f.choice("mode", List.of("serial", "parallel"), standard.parallel() ? "parallel" : "serial");
            long length = f.number("maxLength", DEFAULT_LENGTH, 1, MAX_LENGTH);
            String overflow = f.choice("overflow", Overflow.names(), Overflow.SKIP_NEW.wire);
            return new Config(name, mode.equals("parallel"), (int) length, Overflow.of(overflow));
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("mode", parallel ? "parallel" : "serial");
            json.put("maxLength", maxLength);
            json.put("overflow", overflow.wire);
            return json;
        }
    }

    /** A run waiting in a queue; told when it will not run after all. */
    interface Job extends Runnable {
        void dropped(String reason);
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, Config> configs = new ConcurrentHashMap<>();

    /** The configured queues, replacing the ones before (a profile was opened). */
    void configure(List<Config> configured) {
        configs.clear();
        configured.forEach(c -> configs.put(c.name(), c));
        lanes.forEach((name, lane) -> lane.apply(config(name)));
    }

    void configure(Config config) {
        configs.put(config.name(), config);
        Lane lane = lanes.get(config.name());
        if (lane != null) lane.apply(config);
    }

    /** Back to the standard behaviour. */
    void reset(String name) {
        configs.remove(name);
        Lane lane = lanes.get(name);
        if (lane != null) lane.apply(Config.standard(name));
    }

    Config config(String name) {
        return configs.getOrDefault(name, Config.standard(name));
    }

    List<Config> configured() {
        return List.copyOf(configs.values());
    }

    int waiting(String name) {
        Lane lane = lanes.get(name);
        return lane == null ? 0 : lane.executor.getQueue().size();
    }

    int running(String name) {
        Lane lane = lanes.get(name);
        return lane == null ? 0 : lane.executor.getActiveCount();
    }

    void submit(String name, Job job) {
        lanes.computeIfAbsent(name, n -> new Lane(config(n))).submit(job);
    }

    @Override
    public void close() {
        lanes.values().forEach(l -> l.executor.shutdownNow());
    }

    /** One queue's threads. The waiting list itself is unbounded: the length rule is applied in {@link #submit}. */
    private static final class Lane {
        final ThreadPoolExecutor executor;
        volatile Config config;

        Lane(Config config) {
            this.config = config;
            int workers = config.parallel() ? PARALLEL_WORKERS : 1;
            executor = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    DaemonThreads.named("ltth-flow-" + config.name()));
            executor.allowCoreThreadTimeOut(true);
        }

        void apply(Config changed) {
            int workers = changed.parallel() ? PARALLEL_WORKERS : 1;
            // The core size may never exceed the maximum, in either direction of change.
            if (workers > executor.getMaximumPoolSize()) {
                executor.setMaximumPoolSize(workers);
                executor.setCorePoolSize(workers);
            } else {
                executor.setCorePoolSize(workers);
                executor.setMaximumPoolSize(workers);
            }
            config = changed;
        }

        synchronized void submit(Job job) {
            Config c = config;
            var waiting = executor.getQueue();
            if (waiting.size() >= c.maxLength()) {
                if (c.overflow() == Overflow.SKIP_NEW) {
                    job.dropped("queue " + c.name() + " is full (" + c.maxLength() + " waiting)");
                    return;
                }
                while (waiting.size() >= c.maxLength()) {
                    Runnable oldest = waiting.poll();
                    if (oldest == null) break;
                    ((Job) oldest).dropped("dropped from the full queue " + c.name() + " for a newer run");
                }
            }
            executor.execute(job);
        }
    }
}
