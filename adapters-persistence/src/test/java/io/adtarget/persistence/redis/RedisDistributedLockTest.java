package io.adtarget.persistence.redis;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.persistence.DistributedLockContractTest;
import io.adtarget.persistence.testing.Await;
import io.adtarget.persistence.testing.OwnEmbeddedRedis;
import io.adtarget.persistence.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisDistributedLockTest extends DistributedLockContractTest {
    private final String prefix = TestRedis.keyPrefix();
    private RedisAPI redis;

    @Override
    protected DistributedLock newLock(Vertx vertx) {
        redis = RedisAPI.api(RedisDistributedLock.client(vertx, TestRedis.url(), 8));
        return new RedisDistributedLock(vertx, redis, prefix);
    }

    @Override
    protected void loseLock(String name, DistributedLock.Handle handle) {
        ((RedisLockHandle) handle).stopRenewal();
    }

    @Test
    void a_wrong_token_can_neither_release_nor_renew_the_lock() {
        DistributedLock.Handle held = result(lock.acquire("owned", TTL, Duration.ZERO)).orElseThrow();
        String key = prefix + "owned";
        assertThat(result(RedisScripts.run(redis, RedisScripts.COMPARE_AND_DELETE, key, "not-the-token"))).isZero();
        assertThat(result(RedisScripts.run(redis, RedisScripts.COMPARE_AND_PEXPIRE, key, "not-the-token", "60000")))
                .isZero();
        assertThat(result(redis.pttl(key)).toLong()).isBetween(1L, TTL.toMillis());
        assertThat(result(lock.acquire("owned", TTL, Duration.ZERO))).isEmpty();
        result(held.release());
    }

    @Test
    void release_still_works_after_the_server_forgot_its_scripts() {
        DistributedLock.Handle held = result(lock.acquire("flushed", TTL, Duration.ZERO)).orElseThrow();
        result(redis.script(List.of("FLUSH")));
        result(held.release());
        assertThat(result(redis.exists(List.of(prefix + "flushed"))).toInteger()).isZero();
    }

    @Test
    void an_unreachable_redis_fails_as_unavailable_within_a_bounded_time() {
        OwnEmbeddedRedis own = OwnEmbeddedRedis.start();
        DistributedLock ownLock = new RedisDistributedLock(vertx,
                RedisAPI.api(RedisDistributedLock.client(vertx, own.url(), 2)), prefix);
        assertThat(result(ownLock.acquire("x", TTL, Duration.ZERO))).isPresent();
        own.stop();
        long start = System.nanoTime();
        Throwable failure = Await.failure(ownLock.acquire("y", TTL, Duration.ofSeconds(1)), 10);
        assertThat(failure).isInstanceOf(ServiceUnavailableException.class).hasMessage("redis unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
