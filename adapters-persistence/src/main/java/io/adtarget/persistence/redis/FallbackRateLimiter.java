package io.adtarget.persistence.redis;

import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis first; while Redis does not answer, this instance's own buckets (each instance then limits
 * on its own, so a key gets up to N × its limit across N instances). A rate limit never fails a
 * request: no 500 and no 503 because of it. One warning per minute at most.
 */
public final class FallbackRateLimiter implements RateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackRateLimiter.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final RateLimiter primary;
    private final RateLimiter fallback;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final AtomicLong fallbacks = new AtomicLong();

    public FallbackRateLimiter(RateLimiter primary, RateLimiter fallback) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Future<RateLimitDecision> take(String bucket, RateLimit limit) {
        Future<RateLimitDecision> first;
        try {
            first = primary.take(bucket, limit);
        } catch (RuntimeException e) {
            first = Future.failedFuture(e);
        }
        return first.recover(failure -> {
            fallbacks.incrementAndGet();
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.warn("rate limit: Redis did not answer ({}), limiting in-process on this instance",
                        failure.getClass().getSimpleName());
            }
            return fallback.take(bucket, limit);
        });
    }

    /** How often Redis did not answer and the in-process bucket decided. */
    public long fallbacks() {
        return fallbacks.get();
    }
}
