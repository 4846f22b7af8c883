package io.adtarget.application.fake;

import io.adtarget.application.port.out.Timers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Timers on a virtual time line the test drives: a delay completes only when {@link #advance}
 * moves the {@link MutableClock} to its due time, so several waiters can be interleaved.
 */
public final class ManualTimers implements Timers {
    private record Pending(Instant due, long seq, Promise<Void> promise) {
    }

    private final MutableClock clock;
    private final List<Pending> pending = new ArrayList<>();
    private long seq;

    public ManualTimers(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Future<Void> delay(Duration duration) {
        Pending timer = new Pending(clock.instant().plus(duration), seq++, Promise.promise());
        pending.add(timer);
        return timer.promise().future();
    }

    /** Moves time forward by {@code duration}, firing every delay that falls due on the way, in order. */
    public void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        while (true) {
            Pending next;
            synchronized (this) {
                next = pending.stream()
                        .filter(p -> !p.due().isAfter(target))
                        .min(Comparator.comparing(Pending::due).thenComparingLong(Pending::seq))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                pending.remove(next);
            }
            if (next.due().isAfter(clock.instant())) {
                clock.set(next.due());
            }
            next.promise().complete();
        }
        clock.set(target);
    }

    /** How many delays are waiting to fire. */
    public synchronized int pendingCount() {
        return pending.size();
    }
}
