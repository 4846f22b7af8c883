package io.adtarget.persistence.pg;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Natural batching of one kind of statement across concurrent requests (issue #15). At most {@code maxInFlight}
 * executions run at once; a request that finds a free slot goes out alone at once (no waiting for company, so a
 * quiet service answers as fast as before), and the requests that arrive while every slot is busy go out together,
 * up to {@code maxBatch}, as soon as one frees. Under load Postgres then runs one statement and one commit for many
 * requests instead of one each: its per-statement work (executor start, the table's checks, the commit) is paid once.
 *
 * <p>Two items with the same {@code conflictKey} never share a batch (the later one waits for the next): a batch's
 * rows cannot see each other, so two candidates of one match key must be decided one after the other. The executor
 * answers for each item of a batch, in its order, and decides itself what a failure of the batch means for its
 * items. Each item's answer is delivered on the Vert.x context that submitted it.
 *
 * <p>The waiting requests are bounded as the connection pool bounded them before (its wait queue and its wait for a
 * connection): past {@code maxQueued} waiting, or once the oldest has waited {@code maxWait} (checked whenever a
 * request arrives or a batch ends), a request fails at once with {@code overloaded} — a database that stops
 * answering fills the queue and answers 503 instead of holding requests without end. Thread-safe.
 */
final class StatementBatcher<T, R> {
    /** Runs one batch: one answer per item, in the items' order. */
    interface Executor<T, R> {
        Future<List<Future<R>>> execute(List<T> items);
    }

    /** How many requests may wait, and for how long, and what they fail with past that. */
    record Limits(int maxQueued, Duration maxWait, Supplier<RuntimeException> overloaded) {
    }

    private record Pending<T, R>(T item, Promise<R> promise, Context context, long queuedAt) {
    }

    private final int maxBatch;
    private final int maxInFlight;
    private final Function<T, Object> conflictKey;
    private final Executor<T, R> executor;
    private final Limits limits;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Pending<T, R>> queue = new ArrayDeque<>();
    private int inFlight;
    private int largestBatch;

    StatementBatcher(int maxBatch, int maxInFlight, Function<T, Object> conflictKey, Executor<T, R> executor,
            Limits limits) {
        this(maxBatch, maxInFlight, conflictKey, executor, limits, System::nanoTime);
    }

    StatementBatcher(int maxBatch, int maxInFlight, Function<T, Object> conflictKey, Executor<T, R> executor,
            Limits limits, LongSupplier nanoTime) {
        if (maxBatch < 1 || maxInFlight < 1 || limits.maxQueued() < 1) {
            throw new IllegalArgumentException("maxBatch, maxInFlight and maxQueued must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.conflictKey = Objects.requireNonNull(conflictKey, "conflictKey");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.limits = limits;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    Future<R> submit(T item) {
        Promise<R> promise = Promise.promise();
        long now = nanoTime.getAsLong();
        List<Pending<T, R>> expired;
        boolean full;
        synchronized (this) {
            expired = expire(now);
            full = queue.size() >= limits.maxQueued();
            if (!full) {
                queue.add(new Pending<>(item, promise, Vertx.currentContext(), now));
            }
        }
        expired.forEach(this::overloaded);
        if (full) {
            return Future.failedFuture(limits.overloaded().get());
        }
        drain();
        return promise.future();
    }

    /** The most items one execution has carried so far (for tests that must know batches formed). */
    synchronized int largestBatch() {
        return largestBatch;
    }

    /** Sends batches while a slot is free and requests wait. */
    private void drain() {
        while (true) {
            List<Pending<T, R>> batch;
            List<Pending<T, R>> expired;
            synchronized (this) {
                expired = expire(nanoTime.getAsLong());
                if (inFlight >= maxInFlight || queue.isEmpty()) {
                    batch = null;
                } else {
                    batch = take();
                    inFlight++;
                    largestBatch = Math.max(largestBatch, batch.size());
                }
            }
            expired.forEach(this::overloaded);
            if (batch == null) {
                return;
            }
            send(batch);
        }
    }

    /** Removes the requests that have waited {@code maxWait} or more (the oldest are first in the queue). */
    private List<Pending<T, R>> expire(long now) {
        long maxWait = limits.maxWait().toNanos();
        List<Pending<T, R>> expired = List.of();
        for (Iterator<Pending<T, R>> it = queue.iterator(); it.hasNext(); ) {
            Pending<T, R> next = it.next();
            if (now - next.queuedAt() < maxWait) {
                break;
            }
            if (expired.isEmpty()) {
                expired = new ArrayList<>();
            }
            expired.add(next);
            it.remove();
        }
        return expired;
    }

    /** The next batch: the oldest waiting items, at most one per conflict key, at most {@code maxBatch}. */
    private List<Pending<T, R>> take() {
        List<Pending<T, R>> batch = new ArrayList<>(Math.min(maxBatch, queue.size()));
        Set<Object> keys = new HashSet<>();
        for (Iterator<Pending<T, R>> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
            Pending<T, R> next = it.next();
            if (keys.add(conflictKey.apply(next.item()))) {
                batch.add(next);
                it.remove();
            }
        }
        return batch;
    }

    private void send(List<Pending<T, R>> batch) {
        Future<List<Future<R>>> answers;
        try {
            answers = executor.execute(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException e) {
            answers = Future.failedFuture(e);
        }
        answers.onComplete(done -> {
            synchronized (this) {
                inFlight--;
            }
            for (int i = 0; i < batch.size(); i++) {
                Pending<T, R> pending = batch.get(i);
                Future<R> answer = done.failed() ? Future.failedFuture(done.cause())
                        : i < done.result().size() ? done.result().get(i)
                        : Future.failedFuture(new IllegalStateException("batch answered fewer items than it had"));
                answer.onComplete(result -> deliver(pending, result));
            }
            drain();
        });
    }

    private void overloaded(Pending<T, R> pending) {
        deliver(pending, Future.failedFuture(limits.overloaded().get()));
    }

    private static <T, R> void deliver(Pending<T, R> pending, AsyncResult<R> result) {
        Context context = pending.context();
        if (context == null || context == Vertx.currentContext()) {
            pending.promise().handle(result);
        } else {
            context.runOnContext(v -> pending.promise().handle(result));
        }
    }
}
