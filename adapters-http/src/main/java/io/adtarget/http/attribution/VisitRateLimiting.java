package io.adtarget.http.attribution;

import io.adtarget.application.port.in.LimitVisitRateUseCase;
import io.adtarget.domain.account.RateLimitDecision;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The visit endpoints' rate limit, per publishable key and per client IP (which it also resolves, with
 * TRUSTED_PROXIES). A limiter that fails lets the request through, as for API keys.
 */
public final class VisitRateLimiting implements Handler<RoutingContext> {
    private final LimitVisitRateUseCase limits;
    private final TrustedProxies proxies;

    public VisitRateLimiting(LimitVisitRateUseCase limits, TrustedProxies proxies) {
        this.limits = limits;
        this.proxies = proxies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String ip = proxies.clientIp(ctx.request());
        ctx.put(VisitContext.CLIENT_IP, ip);
        limits.admit(VisitContext.key(ctx).id(), ip).onComplete(result -> {
            if (result.failed() || result.result().limit() == 0) {
                ctx.next();
                return;
            }
            RateLimitDecision decision = result.result();
            ctx.response()
                    .putHeader("RateLimit-Limit", Integer.toString(decision.limit()))
                    .putHeader("RateLimit-Remaining", Long.toString(decision.remaining()))
                    .putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
            if (decision.allowed()) {
                ctx.next();
            } else {
                ctx.fail(Problem.of(ProblemType.RATE_LIMITED, "too many visits from this key or address; retry after "
                                + decision.retryAfterSeconds() + " s")
                        .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                        .toException());
            }
        });
    }
}
