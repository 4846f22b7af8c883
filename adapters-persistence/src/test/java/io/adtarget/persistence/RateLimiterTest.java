package io.adtarget.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.adtarget.persistence.local.LocalRateLimiter;
import io.adtarget.persistence.redis.FallbackRateLimiter;
import io.adtarget.persistence.redis.RedisRateLimiter;
import io.adtarget.persistence.testing.Await;
import io.adtarget.persistence.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket, in Redis and in-process, and what happens when Redis does not answer. */
class RateLimiterTest {
    private static final RateLimit LIMIT = new RateLimit(1, 3);

    @Test
    void the_in_process_bucket_lets_the_burst_through_then_refuses_until_a_token_refills() {
        AtomicLong now = new AtomicLong(1_000);
        LocalRateLimiter limiter = new LocalRateLimiter(now::get);
        for (int i = 2; i >= 0; i--) {
            RateLimitDecision d = Await.result(limiter.take("k", LIMIT));
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(i);
        }
        RateLimitDecision refused = Await.result(limiter.take("k", LIMIT));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(3);
        assertThat(Await.result(limiter.take("other", LIMIT)).allowed()).isTrue();
        now.addAndGet(1_000);
        assertThat(Await.result(limiter.take("k", LIMIT)).allowed()).isTrue();
    }

    @Test
    void the_redis_bucket_is_shared_by_two_clients() {
        Vertx vertx = Vertx.vertx();
        try {
            Redis a = Redis.createClient(vertx, TestRedis.url());
            Redis b = Redis.createClient(vertx, TestRedis.url());
            String prefix = "adtarget-test-" + UUID.randomUUID() + ":";
            RateLimiter one = new RedisRateLimiter(RedisAPI.api(a), prefix);
            RateLimiter two = new RedisRateLimiter(RedisAPI.api(b), prefix);
            RateLimit slow = new RateLimit(1, 4);
            int allowed = 0;
            for (int i = 0; i < 8; i++) {
                if (Await.result((i % 2 == 0 ? one : two).take("key", slow)).allowed()) {
                    allowed++;
                }
            }
            // 4 of the burst, plus at most the tokens refilled while the loop ran
            assertThat(allowed).isLessThan(8);
            RateLimitDecision refused = Await.result(two.take("key", slow));
            if (!refused.allowed()) {
                assertThat(refused.retryAfterSeconds()).isPositive();
                assertThat(refused.remaining()).isZero();
            }
            a.close();
            b.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void while_redis_does_not_answer_the_in_process_bucket_decides_and_nothing_fails() {
        RateLimiter down = (bucket, limit) -> Future.failedFuture(new IllegalStateException("connection refused"));
        RateLimiter throwing = (bucket, limit) -> {
            throw new IllegalStateException("pool closed");
        };
        for (RateLimiter broken : new RateLimiter[] {down, throwing}) {
            FallbackRateLimiter limiter = new FallbackRateLimiter(broken, new LocalRateLimiter());
            Future<RateLimitDecision> decided = limiter.take("k", LIMIT);
            assertThat(decided.succeeded()).isTrue();
            assertThat(decided.result().allowed()).isTrue();
            assertThat(decided.result().limit()).isEqualTo(3);
            assertThat(limiter.fallbacks()).isEqualTo(1);
        }
    }
}
