package io.adtarget.http.support;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a request body only when it is declared JSON (or not declared at all): the API takes no other
 * body. A form or multipart body would start Vert.x's form decoder, which throws outside any handler
 * on a query string it cannot decode and leaves the request unanswered; such requests skip the body
 * and get their 415 from {@link JsonContentType}, after authentication, like any other media type.
 * So does an encoded body ({@code Content-Encoding: gzip} …): it is not even read, so a small
 * compressed body cannot grow into a large one here.
 */
public final class JsonBodyReader implements Handler<RoutingContext> {
    private final Handler<RoutingContext> bodies;

    public JsonBodyReader(int limitBytes) {
        this.bodies = BodyHandler.create(false).setBodyLimit(limitBytes);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        boolean readable = contentType == null || JsonContentType.isJson(contentType);
        if (readable && !JsonContentType.isEncoded(ctx.request().getHeader("Content-Encoding"))) {
            bodies.handle(ctx);
        } else {
            ctx.next();
        }
    }
}
