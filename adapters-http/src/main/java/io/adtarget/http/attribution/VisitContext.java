package io.adtarget.http.attribution;

import io.adtarget.domain.attribution.PublishableKey;
import io.vertx.ext.web.RoutingContext;

/** What the visit filters leave for the handlers: the authenticated publishable key and the client IP. */
final class VisitContext {
    static final String KEY = "adtarget.publishableKey";
    static final String CLIENT_IP = "adtarget.clientIp";

    private VisitContext() {
    }

    static PublishableKey key(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    static String clientIp(RoutingContext ctx) {
        return ctx.get(CLIENT_IP);
    }
}
