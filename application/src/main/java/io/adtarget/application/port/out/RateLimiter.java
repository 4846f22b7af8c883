package io.adtarget.application.port.out;

import io.adtarget.domain.account.RateLimit;
import io.vertx.core.Future;

/** Token buckets shared by every instance: takes one token of {@code bucket} if it has one. */
public interface RateLimiter {
    Future<Decision> take(String bucket, RateLimit limit);

    /**
     * {@code remaining} tokens after this request, {@code resetSeconds} until the bucket is full
     * again, {@code retryAfterSeconds} until the next token when refused (0 when allowed).
     */
    record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
