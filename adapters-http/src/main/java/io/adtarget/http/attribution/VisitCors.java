package io.adtarget.http.attribution;

import io.adtarget.application.port.in.AuthenticatePublishableKeyUseCase;
import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * CORS of the visit endpoints, per publishable key: a request's {@code Origin} must be one of its key's
 * {@code allowedOrigins} (else {@code 403 origin-not-allowed} without CORS headers). A preflight carries no
 * {@code Authorization}, so it is answered for an origin that the {@code ?key=} key allows or, without one,
 * that some active key allows; the real request is then checked against its own key.
 */
public final class VisitCors {
    static final String METHODS = "POST, PATCH, OPTIONS";
    static final String HEADERS = "Authorization, Content-Type";
    static final String EXPOSED = "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, X-Request-Id";
    private final AuthenticatePublishableKeyUseCase keys;

    public VisitCors(AuthenticatePublishableKeyUseCase keys) {
        this.keys = keys;
    }

    /** After authentication: the key must allow the request's origin. */
    public void check(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        PublishableKey key = VisitContext.key(ctx);
        if (!key.allows(origin)) {
            ctx.fail(refused(origin).toException());
            return;
        }
        allow(ctx.response(), origin).putHeader("Access-Control-Expose-Headers", EXPOSED);
        ctx.next();
    }

    /** OPTIONS: 204 with the CORS headers for an allowed origin, else 403. */
    public void preflight(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        List<String> query = ctx.queryParam("key");
        Future<Boolean> allowed = query.size() == 1
                ? keys.authenticate(query.get(0)).map(key -> key.map(k -> k.allows(origin)).orElse(false))
                : keys.anyKeyAllows(origin);
        allowed.onSuccess(ok -> {
            if (!ok) {
                ctx.fail(refused(origin).toException());
                return;
            }
            allow(ctx.response(), origin)
                    .putHeader("Access-Control-Allow-Methods", METHODS)
                    .putHeader("Access-Control-Allow-Headers", HEADERS)
                    .putHeader("Access-Control-Max-Age", "600")
                    .setStatusCode(204).end();
        }).onFailure(ctx::fail);
    }

    private static HttpServerResponse allow(HttpServerResponse response, String origin) {
        return response.putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
    }

    private static Problem refused(String origin) {
        return Problem.of(ProblemType.ORIGIN_NOT_ALLOWED, origin == null
                ? "the visit endpoints answer browsers only: an Origin header listed in the key's allowedOrigins is required"
                : "this origin is not in the publishable key's allowedOrigins");
    }
}
