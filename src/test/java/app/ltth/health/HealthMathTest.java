package app.ltth.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.BusStats;
import app.ltth.events.EventType;
import app.ltth.history.EventLogWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthMathTest {

    private static final long MS = 1_000_000;

    @Test
    void latencyPercentilesAreNearestRankOverTheLastMinute() {
        LatencyWindow w = new LatencyWindow();
        for (int i = 1; i <= 100; i++) w.record(i * MS, 1_000);
        LatencyWindow.Latency l = w.snapshot(1_000);
        assertThat(l.samples()).isEqualTo(100);
        assertThat(l.p50Ms()).isEqualTo(50.0);
        assertThat(l.p99Ms()).isEqualTo(99.0);
        assertThat(l.maxMs()).isEqualTo(100.0);

        w.record(500 * MS, 61_500);   // a minute later only the new sample counts
        LatencyWindow.Latency later = w.snapshot(61_500);
        assertThat(later.samples()).isEqualTo(1);
        assertThat(later.p50Ms()).isEqualTo(500.0);
        assertThat(later.total()).isEqualTo(101);
        assertThat(new LatencyWindow().snapshot(0).samples()).isZero();
    }

    @Test
    void latencyKeepsOnlyTheNewestSamples() {
        LatencyWindow w = new LatencyWindow();
        for (int i = 0; i < LatencyWindow.SIZE; i++) w.record(1000 * MS, 0);
        for (int i = 0; i < LatencyWindow.SIZE; i++) w.record(2 * MS, 0);
        assertThat(w.snapshot(0).maxMs()).isEqualTo(2.0);
    }

    @Test
    void rateIsTheMeanOfTheLastTenWholeSeconds() {
        EventRate rate = new EventRate();
        for (long s = 0; s < 20; s++) {
            for (int i = 0; i < 30; i++) rate.count(s * 1000 + i);
        }
        for (int i = 0; i < 500; i++) rate.count(20_000 + i);   // the running second does not count yet
        assertThat(rate.perSecond(20_999)).isEqualTo(30.0);
        assertThat(rate.perSecond(40_000)).isZero();
    }

    @Test
    void prometheusTextHasOneTypedLinePerSampleAndEscapesLabels() {
        BusStats bus = new BusStats(10, 9, 1, 10_000, Map.of(EventType.LIKE, 4L),
                List.of(new BusStats.ListenerStats("tts \"slow\"", 2, "x", 3, 7)));
        LatencyWindow overlay = new LatencyWindow();
        overlay.record(12 * MS, System.currentTimeMillis());
        HealthReport report = new HealthReport(5, 2.5, 1500L, new LatencyWindow().snapshot(0),
                overlay.snapshot(System.currentTimeMillis()), bus, new EventLogWriter.Counters(8, 2, 0), 6, 1, 3, 4, 11, 12,
                new Memory(100, 200, 300, 400));
        String text = PrometheusText.render(report);
        assertThat(text.lines()).contains(
                "ltth_events_per_second 2.50000",
                "ltth_last_event_age_seconds 1.50000",
                "ltth_events_shed_total{type=\"like\"} 4",
                "ltth_events_shed_total{type=\"gift\"} 0",
                "ltth_queue_length{queue=\"bus\"} 1",
                "ltth_queue_length{queue=\"event_log\"} 2",
                "ltth_queue_length{queue=\"listener:tts \\\"slow\\\"\"} 7",
                "ltth_listener_events_shed_total{listener=\"tts \\\"slow\\\"\"} 3",
                "ltth_overlay_latency_seconds{quantile=\"0.99\"} 0.0120000",
                "ltth_overlay_latency_samples_total 1",
                "ltth_duplicates_dropped_total 6",
                "ltth_decode_errors_total 1",
                "ltth_reconnects_total 3",
                "ltth_events_coalesced_total 11",
                "ltth_slow_page_drops_total 12",
                "ltth_memory_rss_bytes 400",
                "# TYPE ltth_events_shed_total counter");
        // every sample line belongs to a metric declared just before
        for (String line : text.lines().toList()) {
            assertThat(line).matches("# (HELP|TYPE) ltth_\\w+ .+|ltth_\\w+(\\{\\w+=\"([^\"\\\\]|\\\\.)*\"\\})? -?[0-9.e+-]+");
        }
    }
}
