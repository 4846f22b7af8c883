package io.adtarget.persistence.local;

import io.adtarget.application.port.out.DistributedLock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link DistributedLock} inside one process (no Redis configured): one holder per name, waiters
 * served first come first served, a held lock renewed every ttl/3 until released and expiring
 * after its TTL when renewal stops. Safe to call from any event loop.
 */
public final class LocalDistributedLock implements DistributedLock {
    private final Vertx vertx;
    private final AtomicLong tokens = new AtomicLong();
    private final Map<String, Entry> entries = new HashMap<>();

    /** Who holds a name, until when, and who waits for it in arrival order. */
    private static final class Entry {
        long token;
        long expiresAtNanos;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    }

    record Waiter(long token, Duration ttl, Promise<Optional<Handle>> promise, Context context) {
    }

    public LocalDistributedLock(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
    }

    @Override
    public Future<Optional<Handle>> acquire(String name, Duration ttl, Duration maxWait) {
        if (ttl.toMillis() < 3) {
            return Future.failedFuture(new IllegalArgumentException("ttl must be at least 3 ms"));
        }
        long token = tokens.incrementAndGet();
        Waiter waiter;
        synchronized (this) {
            Entry entry = entries.get(name);
            if (entry == null || expired(entry)) {
                if (entry != null && !entry.waiters.isEmpty()) {
                    handOver(name, entry);
                } else {
                    return Future.succeededFuture(Optional.of(grant(name, token, ttl)));
                }
            }
            entry = entries.get(name);
            if (entry == null) {
                return Future.succeededFuture(Optional.of(grant(name, token, ttl)));
            }
            if (maxWait.isZero() || maxWait.isNegative()) {
                return Future.succeededFuture(Optional.empty());
            }
            waiter = new Waiter(token, ttl, Promise.promise(), vertx.getOrCreateContext());
            entry.waiters.add(waiter);
        }
        vertx.setTimer(Math.max(1, maxWait.toMillis()), id -> giveUp(name, waiter));
        return waiter.promise().future();
    }

    private boolean expired(Entry entry) {
        return System.nanoTime() - entry.expiresAtNanos >= 0;
    }

    /** Caller holds the monitor. */
    private Handle grant(String name, long token, Duration ttl) {
        Entry entry = entries.computeIfAbsent(name, n -> new Entry());
        entry.token = token;
        entry.expiresAtNanos = System.nanoTime() + ttl.toNanos();
        scheduleExpiryCheck(name, token, ttl.toMillis());
        return new LocalLockHandle(this, name, token, ttl);
    }

    private void scheduleExpiryCheck(String name, long token, long afterMillis) {
        vertx.setTimer(Math.max(1, afterMillis), id -> checkExpiry(name, token));
    }

    private void checkExpiry(String name, long token) {
        synchronized (this) {
            Entry entry = entries.get(name);
            if (entry == null || entry.token != token) {
                return;
            }
            if (!expired(entry)) {
                scheduleExpiryCheck(name, token, (entry.expiresAtNanos - System.nanoTime()) / 1_000_000 + 1);
                return;
            }
            handOver(name, entry);
        }
    }

    /** Extends the lease if {@code token} still holds {@code name}; false if it lost the lock. */
    synchronized boolean renew(String name, long token, Duration ttl) {
        Entry entry = entries.get(name);
        if (entry == null || entry.token != token || expired(entry)) {
            return false;
        }
        entry.expiresAtNanos = System.nanoTime() + ttl.toNanos();
        return true;
    }

    /** Frees {@code name} if {@code token} still holds it: the next waiter, if any, gets it. */
    synchronized void release(String name, long token) {
        Entry entry = entries.get(name);
        if (entry != null && entry.token == token) {
            handOver(name, entry);
        }
    }

    /** Caller holds the monitor. */
    private void handOver(String name, Entry entry) {
        Waiter next = entry.waiters.poll();
        if (next == null) {
            entries.remove(name);
            return;
        }
        Handle handle = grant(name, next.token(), next.ttl());
        next.context().runOnContext(v -> {
            if (!next.promise().tryComplete(Optional.of(handle))) {
                handle.release();
            }
        });
    }

    private void giveUp(String name, Waiter waiter) {
        synchronized (this) {
            Entry entry = entries.get(name);
            if (entry == null || !entry.waiters.remove(waiter)) {
                return;
            }
        }
        waiter.context().runOnContext(v -> waiter.promise().tryComplete(Optional.empty()));
    }

    Vertx vertx() {
        return vertx;
    }
}
