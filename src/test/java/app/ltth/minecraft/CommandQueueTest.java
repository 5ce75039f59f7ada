package app.ltth.minecraft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommandQueueTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final CommandQueue queue = new CommandQueue(now::get);

    private CommandQueue.Command command(long id) {
        return new CommandQueue.Command(id, "spawn_entity", Map.of("entity", "creeper"), "anna", now.get(), 0);
    }

    @Test
    void actionsGoNoFasterThanThePerMinuteLimitAndTheGap() {
        for (int i = 1; i <= 5; i++) assertThat(queue.offer(command(i), 100)).isTrue();
        assertThat(queue.next(3, 1000, true)).get().extracting(CommandQueue.Command::id).isEqualTo(1L);
        assertThat(queue.next(3, 1000, true)).as("the gap").isEmpty();
        now.addAndGet(1000);
        assertThat(queue.next(3, 1000, true)).get().extracting(CommandQueue.Command::id).isEqualTo(2L);
        now.addAndGet(1000);
        assertThat(queue.next(3, 1000, true)).get().extracting(CommandQueue.Command::id).isEqualTo(3L);
        now.addAndGet(5000);
        assertThat(queue.next(3, 1000, true)).as("three in this minute").isEmpty();
        now.addAndGet(53_000);   // the first went 60 s ago
        assertThat(queue.next(3, 1000, true)).get().extracting(CommandQueue.Command::id).isEqualTo(4L);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void aFullQueueDropsTheNewOneAndWaitingEndsAfterTwoMinutes() {
        assertThat(queue.offer(command(1), 2)).isTrue();
        assertThat(queue.offer(command(2), 2)).isTrue();
        assertThat(queue.offer(command(3), 2)).isFalse();
        assertThat(queue.dropped()).isEqualTo(1);
        assertThat(queue.next(30, 0, false)).as("the game is away: they wait").isEmpty();
        now.addAndGet(CommandQueue.WAIT_MILLIS - 1);
        assertThat(queue.next(30, 0, false)).isEmpty();
        assertThat(queue.size()).isEqualTo(2);
        now.addAndGet(2);
        assertThat(queue.next(30, 0, true)).as("too old when the game came back").isEmpty();
        assertThat(queue.expired()).isEqualTo(2);
    }

    @Test
    void aFailedSendIsFirstInLineAgainThreeTimesInAll() {
        queue.offer(command(1), 10);
        queue.offer(command(2), 10);
        CommandQueue.Command c = queue.next(100, 0, true).orElseThrow();
        queue.retry(c);
        CommandQueue.Command again = queue.next(100, 0, true).orElseThrow();
        assertThat(again.id()).isEqualTo(1);
        assertThat(again.attempts()).isEqualTo(1);
        queue.retry(again);
        CommandQueue.Command third = queue.next(100, 0, true).orElseThrow();
        queue.retry(third);
        assertThat(queue.failed()).isEqualTo(1);
        assertThat(queue.next(100, 0, true)).get().extracting(CommandQueue.Command::id).isEqualTo(2L);
    }
}
