package io.adtarget.bootstrap;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tick at a time, {@code interval} after the previous tick ended (ticks never overlap on an
 * instance; instances share work through the store's claims). A tick that reports "more work" runs
 * again at once. {@link #stop} waits for the running tick.
 */
final class PeriodicWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicWorker.class);
    private final Vertx vertx;
    private final String name;
    private final Duration interval;
    private final Supplier<Future<Boolean>> tick;
    private volatile boolean running;
    private volatile long timerId = -1;
    private volatile Future<?> current = Future.succeededFuture();

    /** {@code tick} answers whether more work is waiting. */
    PeriodicWorker(Vertx vertx, String name, Duration interval, Supplier<Future<Boolean>> tick) {
        this.vertx = vertx;
        this.name = name;
        this.interval = interval;
        this.tick = tick;
    }

    void start(Duration firstDelay) {
        running = true;
        schedule(firstDelay);
    }

    private void schedule(Duration delay) {
        if (!running) {
            return;
        }
        timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> runTick());
    }

    private void runTick() {
        Promise<Void> done = Promise.promise();
        current = done.future();
        Future<Boolean> result;
        try {
            result = tick.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("{} tick failed: {}", name, ar.cause().toString());
            }
            done.complete();
            boolean more = ar.succeeded() && Boolean.TRUE.equals(ar.result());
            schedule(more ? Duration.ofMillis(1) : interval);
        });
    }

    Future<Void> stop() {
        running = false;
        vertx.cancelTimer(timerId);
        return current.transform(ar -> Future.succeededFuture());
    }
}
