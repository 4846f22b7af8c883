package io.adtarget.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * The id of the request being handled, kept in the local data of the request's own (duplicated)
 * Vert.x context. Vert.x hands that context on to every callback of the request — the Postgres,
 * Redis and Meta calls too — so a log line written anywhere in the request's work can name it.
 */
public final class RequestContext {
    private static final String REQUEST_ID = "adtarget.request_id";

    private RequestContext() {
    }

    /** Called once per request, by the first handler, on the request's context. */
    public static void bind(String requestId) {
        if (Vertx.currentContext() instanceof ContextInternal context && context.isDuplicate()) {
            context.localContextData().put(REQUEST_ID, requestId);
        }
    }

    /** The current request's id, or null outside a request (start-up, workers, other threads). */
    public static String currentRequestId() {
        Context current = Vertx.currentContext();
        return current instanceof ContextInternal context && context.isDuplicate()
                ? (String) context.localContextData().get(REQUEST_ID) : null;
    }
}
