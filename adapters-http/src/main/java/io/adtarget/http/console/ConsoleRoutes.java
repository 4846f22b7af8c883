package io.adtarget.http.console;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the web console (plain HTML, CSS and ES modules from the classpath folder {@code console/})
 * at {@code /console}. Every console response carries a strict Content-Security-Policy: the page may
 * only load its own files and talk to this service, no inline script or style, never framed.
 */
public final class ConsoleRoutes {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private ConsoleRoutes() {
    }

    public static void mount(Router router) {
        Handler<RoutingContext> headers = ConsoleRoutes::securityHeaders;
        router.getWithRegex("/console/?").handler(headers).handler(ctx -> ctx.reroute("/console/index.html"));
        router.get("/console/*").handler(headers).handler(StaticHandler.create("console")
                .setCachingEnabled(false)
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setDefaultContentEncoding("UTF-8"));
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store");
        ctx.next();
    }
}
