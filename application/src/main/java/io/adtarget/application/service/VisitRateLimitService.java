package io.adtarget.application.service;

import io.adtarget.application.port.in.LimitVisitRateUseCase;
import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;
import java.util.UUID;

/**
 * Rate limit of the visit endpoints on the shared {@link RateLimiter}: the key's bucket ({@code perKey}), then the
 * client IP's ({@code perIp}, so one browser cannot spend a site's whole budget). The first refusal answers.
 */
public final class VisitRateLimitService implements LimitVisitRateUseCase {
    private final RateLimiter limiter;
    private final RateLimit perKey;
    private final RateLimit perIp;

    public VisitRateLimitService(RateLimiter limiter, RateLimit perKey, RateLimit perIp) {
        this.limiter = limiter;
        this.perKey = perKey;
        this.perIp = perIp;
    }

    @Override
    public Future<RateLimitDecision> admit(UUID publishableKeyId, String clientIp) {
        return limiter.take("visits:key:" + publishableKeyId, perKey).compose(key -> !key.allowed() || clientIp == null
                ? Future.succeededFuture(key)
                : limiter.take("visits:ip:" + clientIp, perIp).map(ip -> ip.allowed() ? key : ip));
    }
}
