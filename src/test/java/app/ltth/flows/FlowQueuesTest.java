package app.ltth.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowQueuesTest {

    final FlowQueues queues = new FlowQueues();
    final ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> dropped = new ConcurrentLinkedQueue<>();

    @AfterEach
    void close() {
        queues.close();
    }

    /** A run that waits for the gate, so the test decides when the queue moves on. */
    FlowQueues.Job job(String name, CountDownLatch gate, CountDownLatch done) {
        return new FlowQueues.Job() {
            public void run() {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.add(name);
                done.countDown();
            }

            public void dropped(String reason) {
                dropped.add(name + ": " + reason);
                done.countDown();
            }
        };
    }

    static FlowQueues.Config config(String name, String json) throws Exception {
        return FlowQueues.Config.parse(name, Json.MAPPER.readTree(json));
    }

    void awaitRunning(String queue, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (queues.running(queue) != n && System.currentTimeMillis() < deadline) Thread.sleep(5);
        assertThat(queues.running(queue)).isEqualTo(n);
    }

    @Test
    void aFullSerialQueueSkipsNewcomersAndRunsTheRestInOrder() throws Exception {
        queues.configure(config("q", "{\"maxLength\": 2}"));
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        queues.submit("q", job("1", gate, done));
        awaitRunning("q", 1);
        for (int i = 2; i <= 5; i++) queues.submit("q", job(String.valueOf(i), gate, done));
        assertThat(queues.waiting("q")).isEqualTo(2);
        assertThat(dropped).containsExactly("4: queue q is full (2 waiting)", "5: queue q is full (2 waiting)");
        gate.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("1", "2", "3");
    }

    @Test
    void dropOldestMakesRoomForTheNewestRun() throws Exception {
        queues.configure(config("q", "{\"maxLength\": 2, \"overflow\": \"drop-oldest\"}"));
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        queues.submit("q", job("1", gate, done));
        awaitRunning("q", 1);
        for (int i = 2; i <= 5; i++) queues.submit("q", job(String.valueOf(i), gate, done));
        assertThat(dropped).containsExactly("2: dropped from the full queue q for a newer run",
                "3: dropped from the full queue q for a newer run");
        gate.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("1", "4", "5");
    }

    @Test
    void aParallelQueueRunsSeveralAtOnceAndASerialOneDoesNot() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(6);
        for (int i = 0; i < 3; i++) queues.submit("parallel", job("p" + i, gate, done));
        for (int i = 0; i < 3; i++) queues.submit("default", job("s" + i, gate, done));
        awaitRunning("parallel", 3);
        awaitRunning("default", 1);
        assertThat(queues.waiting("default")).isEqualTo(2);
        gate.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dropped).isEmpty();
    }

    @Test
    void aQueueCanBeMadeParallelWhileInUseAndResetToStandard() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        queues.submit("q", job("a", first, done));
        awaitRunning("q", 1);
        queues.configure(config("q", "{\"mode\": \"parallel\"}"));
        CountDownLatch second = new CountDownLatch(1);
        queues.submit("q", job("b", second, done));
        queues.submit("q", job("c", second, done));
        awaitRunning("q", 3);
        second.countDown();
        first.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        queues.reset("q");
        assertThat(queues.config("q")).isEqualTo(FlowQueues.Config.standard("q"));
        assertThat(queues.configured()).isEmpty();
    }

    @Test
    void configurationsAreValidatedFieldByField() throws Exception {
        assertThat(config("x", "{}")).isEqualTo(new FlowQueues.Config("x", false, 100, FlowQueues.Overflow.SKIP_NEW));
        assertThat(config("parallel", "{}").parallel()).isTrue();
        assertThat(config("x", "{\"mode\":\"parallel\",\"maxLength\":5,\"overflow\":\"drop-oldest\"}").json())
                .containsEntry("mode", "parallel").containsEntry("maxLength", 5).containsEntry("overflow", "drop-oldest");
        for (List<String> bad : List.of(List.of("x", "{\"mode\":\"sometimes\"}", "mode"),
                List.of("x", "{\"maxLength\":0}", "maxLength"), List.of("x", "{\"maxLength\":\"ten\"}", "maxLength"),
                List.of("x", "{\"overflow\":\"explode\"}", "overflow"), List.of("no spaces", "{}", "name"))) {
            assertThatThrownBy(() -> config(bad.get(0), bad.get(1))).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).field()).isEqualTo(bad.get(2));
        }
        assertThat(queues.waiting("never used") + queues.running("never used")).isZero();
    }
}
