package io.adtarget.http.auth;

import io.adtarget.application.port.in.AuthenticateApiKeyUseCase;
import io.adtarget.domain.account.ApiKeySecret;
import io.adtarget.http.support.Keys;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Public API authentication: a Bearer API key, looked up by its SHA-256. Missing, malformed,
 * unknown and revoked keys get the same 401; the admin token is not a key and never passes.
 */
public final class ApiKeyAuthentication implements Handler<RoutingContext> {
    static final String DETAIL = "a valid API key is required (Authorization: Bearer <api key>)";

    private final AuthenticateApiKeyUseCase authenticate;

    public ApiKeyAuthentication(AuthenticateApiKeyUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String presented = BearerToken.from(ctx.request());
        if (!ApiKeySecret.looksLikeKey(presented)) {
            ctx.fail(BearerToken.unauthorized(DETAIL).toException());
            return;
        }
        authenticate.authenticate(presented).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                ctx.fail(BearerToken.unauthorized(DETAIL).toException());
            } else {
                ctx.put(Keys.PRINCIPAL, result.result().get());
                ctx.next();
            }
        });
    }
}
