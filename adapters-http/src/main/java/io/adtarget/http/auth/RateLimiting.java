package io.adtarget.http.auth;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.LimitRequestRateUseCase;
import io.adtarget.domain.account.RateLimitDecision;
import io.adtarget.http.support.Keys;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The per-API-key rate limit, after authentication: every request of the key counts (replays too).
 * Answers carry {@code RateLimit-Limit/Remaining/Reset}; a refusal is {@code 429 rate-limited}
 * with {@code Retry-After}. A limiter that fails lets the request through: a limit never fails one.
 */
public final class RateLimiting implements Handler<RoutingContext> {
    private final LimitRequestRateUseCase limits;

    public RateLimiting(LimitRequestRateUseCase limits) {
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiPrincipal principal = ctx.get(Keys.PRINCIPAL);
        Future<RateLimitDecision> decided;
        try {
            decided = limits.admit(principal);
        } catch (RuntimeException e) {
            decided = Future.failedFuture(e);
        }
        RateLimitAnswer.apply(ctx, decided, decision -> "this API key sends more than its rate limit of "
                + decision.limit() + " requests; retry after " + decision.retryAfterSeconds() + " s");
    }
}
