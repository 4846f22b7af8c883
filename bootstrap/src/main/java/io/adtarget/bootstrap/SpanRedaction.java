package io.adtarget.bootstrap;

import io.vertx.core.Context;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of exported spans, around Vert.x's OpenTelemetry tracer: URL attributes lose
 * their query values (Meta's access token is the {@code access_token} query parameter of the Graph
 * call) and any Telegram bot token in the path, and a failure is recorded by its class name and a
 * message redacted the same way, without its causes. Vert.x records no headers (Authorization, API
 * keys) and, for SQL, only the statement text with its {@code $n} placeholders, never bound values.
 */
final class SpanRedaction<I, O> implements VertxTracer<I, O> {
    static final String REDACTED = "REDACTED";
    private static final Set<String> URL_TAGS = Set.of("http.url", "url.full", "url.query");
    private static final Pattern BOT_TOKEN = Pattern.compile("bot\\d+:[A-Za-z0-9_-]+");
    private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"'<>]*");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(access_token|token|api_key|apikey|key|secret|password|appsecret_proof)=[^&;,\\s\"'<>]+");

    private final VertxTracer<I, O> delegate;

    SpanRedaction(VertxTracer<I, O> delegate) {
        this.delegate = delegate;
    }

    @Override
    public <R> I receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
            Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
        return delegate.receiveRequest(context, kind, policy, request, operation, headers, redacting(tagExtractor));
    }

    @Override
    public <R> void sendResponse(Context context, R response, I payload, Throwable failure,
            TagExtractor<R> tagExtractor) {
        delegate.sendResponse(context, response, payload, redacted(failure), redacting(tagExtractor));
    }

    @Override
    public <R> O sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
            BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
        return delegate.sendRequest(context, kind, policy, request, operation, headers, redacting(tagExtractor));
    }

    @Override
    public <R> void receiveResponse(Context context, R response, O payload, Throwable failure,
            TagExtractor<R> tagExtractor) {
        delegate.receiveResponse(context, response, payload, redacted(failure), redacting(tagExtractor));
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static <R> TagExtractor<R> redacting(TagExtractor<R> tags) {
        return new TagExtractor<>() {
            @Override
            public int len(R obj) {
                return tags.len(obj);
            }

            @Override
            public String name(R obj, int index) {
                return tags.name(obj, index);
            }

            @Override
            public String value(R obj, int index) {
                String value = tags.value(obj, index);
                String name = tags.name(obj, index);
                if (value == null || !URL_TAGS.contains(name)) {
                    return value;
                }
                return "url.query".equals(name) ? query(value) : url(value);
            }
        };
    }

    /** A URL with every query value, any user info and fragment, and bot tokens replaced. */
    static String url(String value) {
        String url = value;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            url = url.substring(0, hash);
        }
        int question = url.indexOf('?');
        String base = question < 0 ? url : url.substring(0, question);
        int scheme = base.indexOf("://");
        int at = base.indexOf('@');
        int pathStart = scheme < 0 ? -1 : base.indexOf('/', scheme + 3);
        if (scheme >= 0 && at > scheme && (pathStart < 0 || at < pathStart)) {
            base = base.substring(0, scheme + 3) + base.substring(at + 1);
        }
        String redacted = BOT_TOKEN.matcher(base).replaceAll("bot" + REDACTED);
        return question < 0 ? redacted : redacted + "?" + query(url.substring(question + 1));
    }

    /** A query string ({@code a=1&b}) with its names kept and every value replaced. */
    static String query(String query) {
        if (query.isEmpty()) {
            return query;
        }
        StringBuilder out = new StringBuilder();
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            int equals = pairs[i].indexOf('=');
            out.append(equals < 0 ? (pairs[i].isEmpty() ? "" : REDACTED) : pairs[i].substring(0, equals + 1) + REDACTED);
        }
        return out.toString();
    }

    /** Free text (an exception message): query strings, key=value secrets and bot tokens replaced. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String text = SECRET_PAIR.matcher(value).replaceAll("$1=" + REDACTED);
        text = QUERY.matcher(text).replaceAll(
                match -> Matcher.quoteReplacement("?" + query(match.group().substring(1))));
        return BOT_TOKEN.matcher(text).replaceAll("bot" + REDACTED);
    }

    private static Throwable redacted(Throwable failure) {
        return failure == null ? null : new RedactedFailure(failure);
    }

    /** What a span records of a failure: its class, its redacted message, its stack; no causes. */
    static final class RedactedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedFailure(Throwable failure) {
            super(failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + text(failure.getMessage())),
                    null, false, true);
            setStackTrace(failure.getStackTrace());
        }
    }
}
