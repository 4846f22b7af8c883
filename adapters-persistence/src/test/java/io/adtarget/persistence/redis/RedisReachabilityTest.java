package io.adtarget.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.persistence.testing.OwnEmbeddedRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The lock's knowledge of Redis's health, which decides whether a new conversion may skip the match-key lock: it
 * follows a server that stops and comes back, without any command on a request's path.
 */
class RedisReachabilityTest {

    @Test
    void a_stopped_server_is_unreachable_at_once_and_reachable_again_after_its_restart() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (OwnEmbeddedRedis redis = OwnEmbeddedRedis.start()) {
            Redis client = RedisDistributedLock.client(vertx, redis.url(), 4);
            RedisReachability reachability = RedisReachability.watch(vertx, client);
            RedisDistributedLock lock = new RedisDistributedLock(vertx, RedisAPI.api(client), "t:", reachability);
            awaitTrue("connected", lock::reachable, Duration.ofSeconds(10));

            redis.stop();
            // the watch connection is closed by the server's exit: no probe interval has to pass
            awaitTrue("unreachable", () -> !lock.reachable(), Duration.ofMillis(RedisReachability.PROBE_MS / 2));

            redis.restart();
            awaitTrue("reachable again", lock::reachable, Duration.ofSeconds(10));
            client.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void a_lock_without_a_watch_knows_nothing_and_reports_reachable() {
        Vertx vertx = Vertx.vertx();
        try {
            Redis client = Redis.createClient(vertx, "redis://127.0.0.1:1");
            assertThat(new RedisDistributedLock(vertx, RedisAPI.api(client), "t:").reachable()).isTrue();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Polls a state that has no future to await, until it holds or the deadline passes. */
    private static void awaitTrue(String what, BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(what + " within " + within).isNegative();
            Thread.sleep(5);
        }
    }
}
