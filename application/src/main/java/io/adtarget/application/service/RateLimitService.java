package io.adtarget.application.service;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.LimitRequestRateUseCase;
import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;
import java.util.Objects;

/** One bucket per API key, with the account's own limit when it has one, else the configured default. */
public final class RateLimitService implements LimitRequestRateUseCase {
    private final RateLimiter limiter;
    private final RateLimit defaultLimit;

    public RateLimitService(RateLimiter limiter, RateLimit defaultLimit) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.defaultLimit = Objects.requireNonNull(defaultLimit, "defaultLimit");
    }

    @Override
    public Future<RateLimitDecision> admit(ApiPrincipal principal) {
        return limiter.take("key:" + principal.apiKeyId().value(), principal.accountRateLimit().orElse(defaultLimit));
    }
}
