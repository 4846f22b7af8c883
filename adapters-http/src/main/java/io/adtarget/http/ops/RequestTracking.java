package io.adtarget.http.ops;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.http.support.Keys;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** First handler of every request: assigns X-Request-Id and reports the finished request to the observer. */
public final class RequestTracking implements Handler<RoutingContext> {
    public static final String HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(RequestTracking.class);

    private final RequestObserver observer;

    public RequestTracking(RequestObserver observer) {
        this.observer = observer;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String requestId = acceptable(ctx.request().getHeader(HEADER)) ? ctx.request().getHeader(HEADER)
                : UUID.randomUUID().toString();
        ctx.put(Keys.REQUEST_ID, requestId);
        RequestContext.bind(requestId);
        ctx.response().putHeader(HEADER, requestId);
        ctx.addEndHandler(ended -> {
            long latency = System.nanoTime() - start;
            if (ended.failed() && !ctx.response().headWritten()) {
                // the connection failed mid-request (a broken chunk size …) and the failure handler
                // answers right after this, in the same event: report the status it sends, not 200
                ctx.vertx().runOnContext(next -> report(ctx, requestId, latency));
            } else {
                report(ctx, requestId, latency);
            }
        });
        ctx.next();
    }

    private void report(RoutingContext ctx, String requestId, long latencyNanos) {
        String route = ctx.get(Keys.ROUTE);
        ApiPrincipal principal = ctx.get(Keys.PRINCIPAL);
        try {
            observer.requestFinished(new ObservedRequest(ctx.request().method().name(),
                    route == null ? ObservedRequest.UNMATCHED : route, ctx.response().getStatusCode(), latencyNanos,
                    requestId, principal == null ? null : principal.apiKeyId().toString()));
        } catch (RuntimeException e) {
            LOG.warn("request observer failed", e);
        }
    }

    /** A client's request id is echoed when it is 1-64 visible ASCII characters. */
    static boolean acceptable(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }
}
