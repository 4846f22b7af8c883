package io.adtarget.persistence.local;

import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@link RateLimiter} in this process (no Redis configured, or the fallback while Redis is down):
 * the same token bucket as {@link RedisRateLimiter}, one per bucket name. The names are API key
 * ids of authenticated callers, so the map is bounded by the number of keys.
 */
public final class LocalRateLimiter implements RateLimiter {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;

    public LocalRateLimiter() {
        this(() -> System.nanoTime() / 1_000_000);
    }

    public LocalRateLimiter(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    @Override
    public Future<RateLimitDecision> take(String bucket, RateLimit limit) {
        return Future.succeededFuture(buckets.computeIfAbsent(bucket, name -> new Bucket(limit.burst(),
                clockMillis.getAsLong())).take(limit, clockMillis.getAsLong()));
    }

    private static final class Bucket {
        private double tokens;
        private long ts;

        Bucket(double tokens, long ts) {
            this.tokens = tokens;
            this.ts = ts;
        }

        synchronized RateLimitDecision take(RateLimit limit, long now) {
            double rate = limit.perSecond();
            if (now > ts) {
                tokens = Math.min(limit.burst(), tokens + (now - ts) * rate / 1000.0);
                ts = now;
            }
            boolean allowed = tokens >= 1;
            long retryMs = 0;
            if (allowed) {
                tokens -= 1;
            } else {
                retryMs = (long) Math.ceil((1 - tokens) * 1000 / rate);
            }
            long resetMs = (long) Math.ceil((limit.burst() - tokens) * 1000 / rate);
            return new RateLimitDecision(allowed, limit.burst(), (long) Math.floor(tokens),
                    ceilSeconds(resetMs), allowed ? 0 : Math.max(1, ceilSeconds(retryMs)));
        }
    }

    /** Whole seconds, rounded up (as the Redis limiter reports them). */
    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
