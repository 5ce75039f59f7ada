package app.ltth.staying;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.SocketClients;
import app.ltth.TestApp;
import app.ltth.events.EventBus;
import app.ltth.web.SocketEvents;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten minutes of a busy LIVE (200 events a second, ten overlays connected): the heap kept after a full GC at the end
 * is within a small margin of the start, so nothing grows per event; and nothing is lost on the way.
 * {@code -Dsoak.minutes=N} changes the length.
 */
@Tag("staying")
class SoakTest {

    static final int RATE = 200;
    static final int MINUTES = Integer.getInteger("soak.minutes", 10);
    /** Room for caches that fill once (JIT, pools, the bounded windows), far below what a leak of 120,000 events keeps. */
    static final long MARGIN_BYTES = 48L << 20;

    @TempDir
    Path dir;

    @Test
    void tenMinutesAtTwoHundredEventsASecondKeepTheHeapFlat() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            AtomicLong received = new AtomicLong();
            try (SocketClients overlays = new SocketClients(app.socketUrl(), 10, List.of(SocketEvents.EVENT),
                    List.of(SocketEvents.EVENT), (client, event, args) -> received.incrementAndGet())) {
                EventBus bus = app.app().bus();
                long warmUp = RATE * 30L;
                long total = warmUp + (long) RATE * 60 * MINUTES;
                long start = System.nanoTime();
                long heapAtStart = 0;
                for (long i = 0; i < total; i++) {
                    long wait = start + i * 1_000_000_000L / RATE - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                    assertThat(bus.publish(LoadTest.event(i))).isTrue();
                    if (i == warmUp) heapAtStart = heapAfterGc();
                    if (i % (RATE * 60L) == 0) System.out.printf("soak: minute %d, heap %d MB%n", i / (RATE * 60L), used() >> 20);
                }
                app.awaitStored();
                long heapAtEnd = heapAfterGc();
                System.out.printf("soak: %d events in %d min, heap after GC %d MB at start, %d MB at the end%n", total,
                        MINUTES, heapAtStart >> 20, heapAtEnd >> 20);
                assertThat(bus.stats().shedTotal()).isZero();
                assertThat(app.app().eventLog().committed()).isEqualTo(total);
                assertThat(received.get()).as("the overlays kept receiving").isGreaterThan(total / 2);
                assertThat(overlays.connected()).as("overlays still connected").isEqualTo(10);
                assertThat(heapAtEnd).as("heap after GC at the end vs. the start").isLessThan(heapAtStart + MARGIN_BYTES);
            }
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return used();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
