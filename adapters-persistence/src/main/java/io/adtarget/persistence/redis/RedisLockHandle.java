package io.adtarget.persistence.redis;

import io.adtarget.application.port.out.DistributedLock;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One held Redis lock: renews itself every ttl/3 until released or lost. */
final class RedisLockHandle implements DistributedLock.Handle {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLockHandle.class);

    private final RedisDistributedLock lock;
    private final String key;
    private final String token;
    private final long ttlMillis;
    private final long renewalTimer;
    private final AtomicBoolean released = new AtomicBoolean();

    RedisLockHandle(RedisDistributedLock lock, String key, String token, Duration ttl) {
        this.lock = lock;
        this.key = key;
        this.token = token;
        this.ttlMillis = ttl.toMillis();
        this.renewalTimer = lock.vertx().setPeriodic(Math.max(1, ttlMillis / 3), id -> renew());
    }

    private void renew() {
        lock.script(RedisScripts.COMPARE_AND_PEXPIRE, key, token, Long.toString(ttlMillis)).onComplete(result -> {
            if (result.failed()) {
                LOG.warn("lock renewal failed, it expires unless a later renewal succeeds: {}", result.cause().toString());
            } else if (result.result() == 0L) {
                LOG.warn("lock was lost before release (expired or taken over); renewal stopped");
                stopRenewal();
            }
        });
    }

    /** Stops renewing without releasing, as a crashed holder would (the key then expires by its TTL). */
    void stopRenewal() {
        lock.vertx().cancelTimer(renewalTimer);
    }

    /** Never fails: a release Redis cannot take leaves the key to expire by its TTL. */
    @Override
    public Future<Void> release() {
        if (!released.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        stopRenewal();
        return lock.script(RedisScripts.COMPARE_AND_DELETE, key, token)
                .<Void>mapEmpty()
                .recover(failure -> {
                    LOG.warn("lock release failed, the key expires by its TTL: {}", failure.toString());
                    return Future.succeededFuture();
                });
    }
}
