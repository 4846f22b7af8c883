package io.adtarget.application.fake;

import io.adtarget.application.port.out.Timers;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Timers on virtual time: a delay advances the {@link MutableClock} by its length and completes at once. */
public final class VirtualTimers implements Timers {
    private final MutableClock clock;
    private final AtomicInteger delays = new AtomicInteger();
    private volatile Runnable onDelay = () -> { };

    public VirtualTimers(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Future<Void> delay(Duration duration) {
        delays.incrementAndGet();
        onDelay.run();
        clock.advance(duration);
        return Future.succeededFuture();
    }

    /**
     * Runs {@code hook} whenever someone waits, before time moves: what else happens "meanwhile" (a
     * Meta call that answers while a request waits for its outcome).
     */
    public void whileWaiting(Runnable hook) {
        onDelay = hook;
    }

    /** How many delays were requested so far. */
    public int delaysRequested() {
        return delays.get();
    }
}
