package app.ltth.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ChatEvent;
import app.ltth.events.ConnectionState;
import app.ltth.events.ConnectionStatusEvent;
import app.ltth.events.EventBus;
import app.ltth.events.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSourceManagerTest {

    /** Like a fast replay: its own thread delivers everything, including the end, before start() returns. */
    private static final class EagerSource implements LiveSource {
        LiveSource.Context context;

        @Override
        public String kind() {
            return "replay";
        }

        @Override
        public String username() {
            return "streamer";
        }

        @Override
        public void start(Context context) throws InterruptedException {
            this.context = context;
            Thread player = new Thread(() -> {
                context.event(new ChatEvent("c1", 1, User.named("anna"), "first"));
                context.state(ConnectionState.ENDED, "finished");
            });
            player.start();
            player.join();
        }

        @Override
        public void stop() {
        }
    }

    private static List<String> run(EventBus bus, ThrowingConsumer<LiveSourceManager> work) throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        bus.subscribe("test", e -> seen.add(e instanceof ConnectionStatusEvent s ? s.state().wireName() : e.id()));
        try (LiveSourceManager manager = new LiveSourceManager(bus)) {
            work.accept(manager);
        }
        bus.close();
        return seen;
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    @Test
    void whatASourceReportsWhileStartingArrivesAfterLiveInItsOwnOrder() throws Exception {
        List<String> seen = run(new EventBus(100, Duration.ofSeconds(1)), manager -> {
            manager.switchTo(new EagerSource());
            assertThat(manager.status().state()).isEqualTo(ConnectionState.ENDED);
        });
        assertThat(seen).containsExactly("connecting", "live", "c1", "ended", "offline");
    }

    @Test
    void aSourceWhoseFirstConnectionFailedIsShownAsTryingNotAsLive() throws Exception {
        LiveSource retrying = new LiveSource() {
            @Override
            public String kind() {
                return "tiktok";
            }

            @Override
            public String username() {
                return "streamer";
            }

            @Override
            public void start(Context context) {
                context.state(ConnectionState.RECONNECTING, "TikTok did not answer. Attempt 1; next try in 1 s.");
            }

            @Override
            public void stop() {
            }
        };
        List<String> seen = run(new EventBus(100, Duration.ofSeconds(1)), manager -> {
            manager.switchTo(retrying);
            assertThat(manager.status().state()).isEqualTo(ConnectionState.RECONNECTING);
            assertThat(manager.status().message()).contains("next try in 1 s");
        });
        assertThat(seen).containsExactly("connecting", "reconnecting", "offline");
    }

    @Test
    void aStoppedSourceNoLongerReachesTheBus() throws Exception {
        EagerSource source = new EagerSource();
        List<String> seen = run(new EventBus(100, Duration.ofSeconds(1)), manager -> {
            manager.switchTo(source);
            manager.stop();
            source.context.event(new ChatEvent("late", 2, User.named("ben"), "too late"));
            source.context.state(ConnectionState.LIVE, "zombie");
            assertThat(manager.status().state()).isEqualTo(ConnectionState.OFFLINE);
        });
        assertThat(seen).doesNotContain("late").endsWith("offline");
    }
}
