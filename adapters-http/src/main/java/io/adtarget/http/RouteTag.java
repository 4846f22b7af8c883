package io.adtarget.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * Records the matched route template for the request observer. A platform handler, so Vert.x
 * runs it before the body handler and even a 413 is counted under its route.
 */
final class RouteTag implements PlatformHandler {
    private final String template;

    RouteTag(String template) {
        this.template = template;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.put(Keys.ROUTE, template);
        ctx.next();
    }
}
