package io.adtarget.http.ops;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
            context.getLocal(ContextInternal.LOCAL_MAP, ConcurrentHashMap::new).put(REQUEST_ID, requestId);
        }
    }

    /** The current request's id, or null outside a request (start-up, workers, other threads). */
    public static String currentRequestId() {
        if (!(Vertx.currentContext() instanceof ContextInternal context) || !context.isDuplicate()) {
            return null;
        }
        Map<Object, Object> local = context.getLocal(ContextInternal.LOCAL_MAP);
        return local == null ? null : (String) local.get(REQUEST_ID);
    }
}
