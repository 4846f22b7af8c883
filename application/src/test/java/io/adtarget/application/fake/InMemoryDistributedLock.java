package io.adtarget.application.fake;

import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.application.port.out.Timers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link DistributedLock} in memory: one holder per name, waiters served first come first served,
 * a waiter gives up when {@code timers.delay(maxWait)} completes. A held lock never expires by
 * itself (the real ones are renewed); {@link #expire} simulates a lost lock (TTL after a crash, failover).
 */
public final class InMemoryDistributedLock implements DistributedLock {
    private final Timers timers;
    private final AtomicLong tokens = new AtomicLong();
    private final Map<String, Long> holders = new HashMap<>();
    private final Map<String, Deque<Waiter>> waiters = new HashMap<>();
    private boolean unavailable;

    private record Waiter(long token, Promise<Optional<Handle>> promise) {
    }

    public InMemoryDistributedLock(Timers timers) {
        this.timers = timers;
    }

    /** A lock whose waiters wait as long as it takes (their maxWait never elapses within a test). */
    public static InMemoryDistributedLock withoutTimeouts() {
        return new InMemoryDistributedLock(duration -> Promise.<Void>promise().future());
    }

    @Override
    public Future<Optional<Handle>> acquire(String name, Duration ttl, Duration maxWait) {
        Waiter waiter;
        synchronized (this) {
            if (unavailable) {
                return Future.failedFuture(new ServiceUnavailableException("lock"));
            }
            long token = tokens.incrementAndGet();
            if (!holders.containsKey(name)) {
                holders.put(name, token);
                return Future.succeededFuture(Optional.of(handle(name, token)));
            }
            if (maxWait.isZero() || maxWait.isNegative()) {
                return Future.succeededFuture(Optional.empty());
            }
            waiter = new Waiter(token, Promise.promise());
            waiters.computeIfAbsent(name, n -> new ArrayDeque<>()).add(waiter);
        }
        timers.delay(maxWait).onComplete(done -> giveUp(name, waiter));
        return waiter.promise().future();
    }

    @Override
    public synchronized boolean reachable() {
        return !unavailable;
    }

    /** Makes every later call fail as an unreachable store does. */
    public synchronized void setUnavailable(boolean value) {
        unavailable = value;
    }

    /** Drops the current holder of {@code name} as a TTL expiry would; the next waiter gets the lock. */
    public void expire(String name) {
        handOver(name, null);
    }

    /** Whether someone holds {@code name} now. */
    public synchronized boolean isHeld(String name) {
        return holders.containsKey(name);
    }

    private Handle handle(String name, long token) {
        return () -> {
            handOver(name, token);
            return Future.succeededFuture();
        };
    }

    /** Passes the lock to the next waiter if {@code token} (null: whoever) still holds it. */
    private void handOver(String name, Long token) {
        Waiter next;
        synchronized (this) {
            Long holder = holders.get(name);
            if (holder == null || (token != null && !holder.equals(token))) {
                return;
            }
            Deque<Waiter> queue = waiters.getOrDefault(name, new ArrayDeque<>());
            next = queue.poll();
            if (next == null) {
                holders.remove(name);
                return;
            }
            holders.put(name, next.token());
        }
        next.promise().complete(Optional.of(handle(name, next.token())));
    }

    private void giveUp(String name, Waiter waiter) {
        synchronized (this) {
            Deque<Waiter> queue = waiters.get(name);
            if (queue == null || !queue.remove(waiter)) {
                return;
            }
        }
        waiter.promise().complete(Optional.empty());
    }
}
