package io.adtarget.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.adtarget.http.ops.RequestContext;
import java.util.Objects;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Puts the current request's id (from its Vert.x context) into the MDC as {@code request_id} just
 * before Logback builds an event, so every line written while a request is handled carries it —
 * the Meta attempt line included — in text and JSON alike. An event loop serves many requests
 * in turn, so the value is set or cleared at every logging call; it never decides anything.
 */
public final class RequestIdLogFilter extends TurboFilter {
    static final String KEY = "request_id";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        String requestId = RequestContext.currentRequestId();
        if (!Objects.equals(requestId, MDC.get(KEY))) {
            if (requestId == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, requestId);
            }
        }
        return FilterReply.NEUTRAL;
    }
}
