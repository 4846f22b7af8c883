package io.adtarget.persistence.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The batcher on its own, with an executor the test completes by hand: who goes out together, who waits, and the
 * bounds that make a database that stops answering fail requests instead of holding them.
 */
class StatementBatcherTest {
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("overloaded");
        }
    }

    /** Each batch the batcher sent, with the promise that answers it. */
    final List<List<String>> sent = new ArrayList<>();
    final List<Promise<List<Future<String>>>> pending = new ArrayList<>();
    final AtomicLong clock = new AtomicLong();

    StatementBatcher<String, String> batcher(int maxInFlight, int maxQueued) {
        return new StatementBatcher<>(4, maxInFlight, item -> item.substring(0, 1), items -> {
            sent.add(items);
            Promise<List<Future<String>>> answer = Promise.promise();
            pending.add(answer);
            return answer.future();
        }, new StatementBatcher.Limits(maxQueued, Duration.ofSeconds(5), Overloaded::new), clock::get);
    }

    /** Answers batch {@code i}: each item gets its own name back, upper-cased. */
    void answer(int i) {
        pending.get(i).complete(sent.get(i).stream().map(item -> Future.succeededFuture(item.toUpperCase())).toList());
    }

    @Test
    void a_request_with_a_free_slot_goes_alone_and_those_that_wait_go_together_one_per_conflict_key() {
        StatementBatcher<String, String> batcher = batcher(1, 100);
        Future<String> first = batcher.submit("a1");
        List<Future<String>> waiting = List.of(batcher.submit("b1"), batcher.submit("b2"), batcher.submit("c1"),
                batcher.submit("d1"), batcher.submit("e1"));

        assertThat(sent).containsExactly(List.of("a1"));
        answer(0);
        assertThat(first.result()).isEqualTo("A1");
        assertThat(sent.get(1)).as("b2 shares b1's key: it waits; at most 4 a batch").containsExactly("b1", "c1", "d1",
                "e1");
        answer(1);
        assertThat(sent.get(2)).containsExactly("b2");
        answer(2);
        assertThat(waiting).allMatch(Future::succeeded);
        assertThat(waiting.stream().map(Future::result)).containsExactly("B1", "B2", "C1", "D1", "E1");
    }

    @Test
    void past_the_queue_bound_a_request_fails_at_once_and_nothing_else_is_sent() {
        StatementBatcher<String, String> batcher = batcher(1, 3);
        batcher.submit("a1");
        List<Future<String>> queued = List.of(batcher.submit("b1"), batcher.submit("c1"), batcher.submit("d1"));

        Future<String> refused = batcher.submit("e1");

        assertThat(refused.failed()).isTrue();
        assertThat(refused.cause()).isInstanceOf(Overloaded.class);
        assertThat(queued).noneMatch(Future::isComplete);
        assertThat(sent).hasSize(1);
    }

    @Test
    void a_request_that_waited_the_longest_wait_fails_when_the_next_one_arrives() {
        StatementBatcher<String, String> batcher = batcher(1, 100);
        batcher.submit("a1"); // never answered: the database stopped answering
        Future<String> stale = batcher.submit("b1");
        clock.addAndGet(Duration.ofSeconds(5).toNanos());

        Future<String> fresh = batcher.submit("c1");

        assertThat(stale.failed()).isTrue();
        assertThat(stale.cause()).isInstanceOf(Overloaded.class);
        assertThat(fresh.isComplete()).as("within its own wait").isFalse();
        assertThat(sent).hasSize(1);
    }

    @Test
    void a_failed_batch_fails_its_requests_only_and_frees_its_slot() {
        StatementBatcher<String, String> batcher = batcher(1, 100);
        Future<String> first = batcher.submit("a1");
        Future<String> next = batcher.submit("b1");

        pending.get(0).fail(new IllegalStateException("boom"));

        assertThat(first.cause()).hasMessage("boom");
        assertThat(sent).hasSize(2);
        answer(1);
        assertThat(next.result()).isEqualTo("B1");
    }
}
