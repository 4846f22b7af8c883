package io.adtarget.persistence.redis;

import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Objects;

/**
 * {@link RateLimiter} on Redis: the bucket is a hash refilled and taken from in one Lua script
 * (one round trip, atomic across instances), timed by Redis's own clock so instance clocks do not
 * matter; it expires once it would be full again.
 */
public final class RedisRateLimiter implements RateLimiter {
    static final String TAKE = String.join("\n",
            "local rate = tonumber(ARGV[1])",
            "local burst = tonumber(ARGV[2])",
            "local t = redis.call('TIME')",
            "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
            "local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')",
            "local tokens = tonumber(state[1])",
            "local ts = tonumber(state[2])",
            "if tokens == nil or ts == nil then tokens = burst; ts = now end",
            "if now > ts then tokens = math.min(burst, tokens + (now - ts) * rate / 1000); ts = now end",
            "local allowed = 0",
            "local retry = 0",
            "if tokens >= 1 then tokens = tokens - 1; allowed = 1",
            "else retry = math.ceil((1 - tokens) * 1000 / rate) end",
            "redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))",
            "local reset = math.ceil((burst - tokens) * 1000 / rate)",
            "redis.call('PEXPIRE', KEYS[1], reset + 1000)",
            "return {allowed, math.floor(tokens), retry, reset}");
    private static final String SHA = RedisScripts.sha1(TAKE);

    private final RedisAPI redis;
    private final String prefix;

    public RedisRateLimiter(RedisAPI redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix") + "rate:";
    }

    @Override
    public Future<RateLimitDecision> take(String bucket, RateLimit limit) {
        String key = prefix + bucket;
        String rate = Integer.toString(limit.perSecond());
        String burst = Integer.toString(limit.burst());
        return redis.evalsha(List.of(SHA, "1", key, rate, burst))
                .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
                        ? redis.eval(List.of(TAKE, "1", key, rate, burst))
                        : Future.failedFuture(failure))
                .map(response -> decision(response, limit));
    }

    private static RateLimitDecision decision(Response r, RateLimit limit) {
        boolean allowed = r.get(0).toLong() == 1;
        long retryMs = r.get(2).toLong();
        long resetMs = r.get(3).toLong();
        return new RateLimitDecision(allowed, limit.burst(), r.get(1).toLong(), ceilSeconds(resetMs),
                allowed ? 0 : Math.max(1, ceilSeconds(retryMs)));
    }

    static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
