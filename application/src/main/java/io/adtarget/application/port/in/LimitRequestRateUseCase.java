package io.adtarget.application.port.in;

import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;

/** The per-API-key rate limit of the public API: every request of an authenticated key, replays too. */
public interface LimitRequestRateUseCase {
    /** Lets every request through (tests and callers with no limit). */
    LimitRequestRateUseCase UNLIMITED = principal ->
            Future.succeededFuture(new RateLimitDecision(true, 0, 0, 0, 0));

    Future<RateLimitDecision> admit(ApiPrincipal principal);
}
