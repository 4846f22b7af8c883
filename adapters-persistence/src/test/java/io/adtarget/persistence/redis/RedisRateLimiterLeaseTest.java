package io.adtarget.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.adtarget.persistence.testing.Await;
import io.adtarget.persistence.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fast key spends tokens leased from the shared bucket instead of a Redis round trip per request. */
class RedisRateLimiterLeaseTest {
    private Vertx vertx;
    private Redis client;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private RedisRateLimiter limiter;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        client = Redis.createClient(vertx, TestRedis.url());
        // loaded up front, so a first EVALSHA's NOSCRIPT (and its EVAL) is not counted as a round trip
        Await.result(RedisAPI.api(client).script(List.of("LOAD", RedisRateLimiter.TAKE)));
        limiter = new RedisRateLimiter(RedisAPI.api(new Counting(client, roundTrips)), TestRedis.keyPrefix(), nanos::get);
    }

    @AfterEach
    void stop() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void a_key_allowed_a_million_a_second_asks_redis_once_per_thousand_requests() {
        RateLimit fast = new RateLimit(1_000_000, 2_000_000);
        for (int i = 0; i < 2_500; i++) {
            RateLimitDecision d = Await.result(limiter.take("fast", fast));
            assertThat(d.allowed()).as("request %d", i).isTrue();
            assertThat(d.limit()).isEqualTo(2_000_000);
        }
        assertThat(roundTrips.get()).isEqualTo(3);
    }

    @Test
    void leased_tokens_are_not_spent_after_the_lease_ends() {
        RateLimit fast = new RateLimit(1_000_000, 2_000_000);
        assertThat(Await.result(limiter.take("fast", fast)).allowed()).isTrue();
        assertThat(Await.result(limiter.take("fast", fast)).allowed()).isTrue();
        assertThat(roundTrips.get()).isEqualTo(1);
        nanos.addAndGet(RedisRateLimiter.LEASE_NANOS);
        assertThat(Await.result(limiter.take("fast", fast)).allowed()).isTrue();
        assertThat(roundTrips.get()).as("998 tokens left, but their lease ended").isEqualTo(2);
    }

    @Test
    void a_key_under_two_thousand_a_second_asks_redis_for_every_request_and_is_refused_past_its_burst() {
        RateLimit slow = new RateLimit(1_999, 5);
        int allowed = 0;
        for (int i = 0; i < 5; i++) {
            allowed += Await.result(limiter.take("slow", slow)).allowed() ? 1 : 0;
        }
        assertThat(roundTrips.get()).isEqualTo(5);
        assertThat(allowed).isEqualTo(5);
        RateLimit tiny = new RateLimit(1, 2);
        Await.result(limiter.take("tiny", tiny));
        Await.result(limiter.take("tiny", tiny));
        RateLimitDecision refused = Await.result(limiter.take("tiny", tiny));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isPositive();
    }

    @Test
    void the_chunk_is_a_millisecond_of_the_rate() {
        assertThat(RedisRateLimiter.chunkOf(new RateLimit(100, 200))).isEqualTo(1);
        assertThat(RedisRateLimiter.chunkOf(new RateLimit(1_999, 10))).isEqualTo(1);
        assertThat(RedisRateLimiter.chunkOf(new RateLimit(2_000, 10))).isEqualTo(2);
        assertThat(RedisRateLimiter.chunkOf(new RateLimit(1_000_000, 10))).isEqualTo(1_000);
    }

    /** Counts the commands sent to Redis. */
    private record Counting(Redis delegate, AtomicInteger sent) implements Redis {
        @Override
        public Future<RedisConnection> connect() {
            return delegate.connect();
        }

        @Override
        public Future<Void> close() {
            return delegate.close();
        }

        @Override
        public Future<Response> send(Request command) {
            sent.incrementAndGet();
            return delegate.send(command);
        }

        @Override
        public Future<List<Response>> batch(List<Request> commands) {
            sent.addAndGet(commands.size());
            return delegate.batch(commands);
        }
    }
}
