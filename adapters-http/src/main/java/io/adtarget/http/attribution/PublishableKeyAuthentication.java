package io.adtarget.http.attribution;

import io.adtarget.application.port.in.AuthenticatePublishableKeyUseCase;
import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.http.auth.BearerToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Authentication of the visit endpoints: a publishable key as {@code Authorization: Bearer atk_pub_…} or, for
 * {@code navigator.sendBeacon} (which cannot set headers), {@code ?key=atk_pub_…}. API keys and the admin token
 * are not publishable keys and never pass; unknown, revoked and missing keys get the same 401.
 */
public final class PublishableKeyAuthentication implements Handler<RoutingContext> {
    static final String DETAIL = "a valid publishable key is required (Authorization: Bearer atk_pub_… or ?key=)";
    private final AuthenticatePublishableKeyUseCase authenticate;

    public PublishableKeyAuthentication(AuthenticatePublishableKeyUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String presented = presented(ctx);
        if (!PublishableKey.looksLikeSecret(presented)) {
            ctx.fail(BearerToken.unauthorized(DETAIL).toException());
            return;
        }
        authenticate.authenticate(presented).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                ctx.fail(BearerToken.unauthorized(DETAIL).toException());
            } else {
                ctx.put(VisitContext.KEY, result.result().get());
                ctx.next();
            }
        });
    }

    private static String presented(RoutingContext ctx) {
        List<String> query = ctx.queryParam("key");
        if (query.size() == 1) {
            return query.get(0);
        }
        return BearerToken.from(ctx.request());
    }
}
