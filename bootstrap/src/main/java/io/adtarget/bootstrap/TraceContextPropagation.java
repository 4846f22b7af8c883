package io.adtarget.bootstrap;

import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C Trace Context propagation through Vert.x's tracing hooks, without a tracing library: an
 * incoming request's valid {@code traceparent} is kept in the request's context (a new trace id
 * when there is none or it is malformed), and every HTTP call made during the request — the call
 * to Meta — carries {@code traceparent} with that trace id, a fresh span id and the same flags.
 * No span is recorded or exported.
 */
final class TraceContextPropagation implements VertxTracer<TraceContextPropagation.Trace, Object> {
    static final String HEADER = "traceparent";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final String KEY = "adtarget.trace";
    private static final HexFormat HEX = HexFormat.of();

    /** The trace a request belongs to. */
    record Trace(String traceId, String flags) {
    }

    static VertxTracerFactory factory() {
        TraceContextPropagation tracer = new TraceContextPropagation();
        return new VertxTracerFactory() {
            @Override
            public VertxTracer<?, ?> tracer(TracingOptions options) {
                return tracer;
            }
        };
    }

    @Override
    public <R> Trace receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
            Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
        if (policy == TracingPolicy.IGNORE || !(context instanceof ContextInternal internal) || !internal.isDuplicate()) {
            return null;
        }
        Trace trace = null;
        for (Map.Entry<String, String> header : headers) {
            if (HEADER.equalsIgnoreCase(header.getKey())) {
                trace = parse(header.getValue());
                break;
            }
        }
        if (trace == null) {
            trace = new Trace(randomHex(16), "00");
        }
        internal.getLocal(ContextInternal.LOCAL_MAP, ConcurrentHashMap::new).put(KEY, trace);
        return trace;
    }

    @Override
    public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
            BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
        // Only HTTP calls carry a traceparent; Postgres and Redis calls pass through here too.
        if (policy == TracingPolicy.IGNORE || headers == null || !(request instanceof HttpRequest)
                || !(context instanceof ContextInternal internal)) {
            return null;
        }
        Map<Object, Object> local = internal.getLocal(ContextInternal.LOCAL_MAP);
        if (local != null && local.get(KEY) instanceof Trace trace) {
            headers.accept(HEADER, "00-" + trace.traceId() + "-" + randomHex(8) + "-" + trace.flags());
        }
        return null;
    }

    /** A version-00 traceparent with non-zero ids, else null (then a new trace starts). */
    static Trace parse(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = TRACEPARENT.matcher(value.trim());
        if (!matcher.matches() || matcher.group(1).equals(ZERO_TRACE) || matcher.group(2).equals(ZERO_SPAN)) {
            return null;
        }
        return new Trace(matcher.group(1), matcher.group(3));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HEX.formatHex(random);
    }
}
