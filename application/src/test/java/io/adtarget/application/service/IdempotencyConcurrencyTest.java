package io.adtarget.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryIdempotencyStore;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.port.out.Timers;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Semantics §1, concurrent requests: exactly one executes, on real threads. */
class IdempotencyConcurrencyTest {

    @Test
    void of_many_simultaneous_requests_with_one_key_exactly_one_executes_and_the_others_replay_it() {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        ScheduledExecutorService timerThread = Executors.newSingleThreadScheduledExecutor();
        try {
            runRace(callers, timerThread);
        } finally {
            callers.shutdownNow();
            timerThread.shutdownNow();
        }
    }

    private static void runRace(ExecutorService callers, ScheduledExecutorService timerThread) {
        MutableClock clock = new MutableClock();
        // Real (1 ms) timers on a frozen clock: waiters poll until the owner is done, however the threads are scheduled.
        Timers realTimers = delay -> {
            Promise<Void> fired = Promise.promise();
            timerThread.schedule(() -> fired.complete(), 1, TimeUnit.MILLISECONDS);
            return fired.future();
        };
        IdempotencyService service = new IdempotencyService(new InMemoryIdempotencyStore(), realTimers,
                clock, new SplittableRandom(11), IdempotencySettings.defaults(), Telemetry.NOOP);
        IdempotentRequest request = new IdempotentRequest(
                new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey("race")), null);
        AtomicInteger executions = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<IdempotentOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int caller = i;
            calls.add(CompletableFuture.supplyAsync(() -> {
                awaitLatch(start);
                return service.execute(request, () -> {
                    executions.incrementAndGet();
                    return Future.succeededFuture(new StoredResponse(201, "application/json",
                            ("{\"by\":" + caller + "}").getBytes(StandardCharsets.UTF_8), null));
                }).toCompletionStage().toCompletableFuture().join();
            }, callers));
        }
        start.countDown();
        List<IdempotentOutcome> outcomes = calls.stream().map(CompletableFuture::join).toList();

        assertThat(executions).hasValue(1);
        StoredResponse winner = outcomes.stream().filter(o -> o instanceof IdempotentOutcome.Executed)
                .map(o -> ((IdempotentOutcome.Executed) o).response()).findFirst().orElseThrow();
        assertThat(outcomes).filteredOn(o -> o instanceof IdempotentOutcome.Replayed)
                .hasSize(7)
                .allSatisfy(o -> assertThat(((IdempotentOutcome.Replayed) o).response()).isEqualTo(winner));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
