package io.adtarget.application.port.out;

import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;

/** Token buckets shared by every instance: takes one token of {@code bucket} if it has one. */
public interface RateLimiter {
    Future<RateLimitDecision> take(String bucket, RateLimit limit);
}
