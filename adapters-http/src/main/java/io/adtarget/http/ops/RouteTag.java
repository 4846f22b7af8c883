package io.adtarget.http.ops;

import io.adtarget.http.support.Keys;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * Records the matched route template for the request observer. A platform handler, so Vert.x
 * runs it before the body handler and even a 413 is counted under its route.
 */
public final class RouteTag implements PlatformHandler {
    private final String template;

    public RouteTag(String template) {
        this.template = template;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.put(Keys.ROUTE, template);
        ctx.next();
    }
}
