package io.adtarget.http.attribution;

import io.adtarget.application.port.in.LimitVisitRateUseCase;
import io.adtarget.http.auth.RateLimitAnswer;
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
        RateLimitAnswer.apply(ctx, limits.admit(VisitContext.key(ctx).id(), ip), decision ->
                "too many visits from this key or address; retry after " + decision.retryAfterSeconds() + " s");
    }
}
