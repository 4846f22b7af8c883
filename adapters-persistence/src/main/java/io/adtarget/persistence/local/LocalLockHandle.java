package io.adtarget.persistence.local;

import io.adtarget.application.port.out.DistributedLock;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** One held in-process lock: renews itself every ttl/3 until released or lost. */
final class LocalLockHandle implements DistributedLock.Handle {
    private final LocalDistributedLock lock;
    private final String name;
    private final long token;
    private final long renewalTimer;
    private final AtomicBoolean released = new AtomicBoolean();

    LocalLockHandle(LocalDistributedLock lock, String name, long token, Duration ttl) {
        this.lock = lock;
        this.name = name;
        this.token = token;
        this.renewalTimer = lock.vertx().setPeriodic(Math.max(1, ttl.toMillis() / 3), id -> {
            if (!lock.renew(name, token, ttl)) {
                stopRenewal();
            }
        });
    }

    /** Stops renewing without releasing, as an abandoned holder would (the lock then expires by its TTL). */
    void stopRenewal() {
        lock.vertx().cancelTimer(renewalTimer);
    }

    @Override
    public Future<Void> release() {
        if (released.compareAndSet(false, true)) {
            stopRenewal();
            lock.release(name, token);
        }
        return Future.succeededFuture();
    }
}
