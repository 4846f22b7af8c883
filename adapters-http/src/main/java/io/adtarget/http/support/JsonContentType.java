package io.adtarget.http.support;

import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Refuses bodies that are not {@code application/json} with 415; a {@code charset=utf-8} parameter
 * is fine, another charset is not (JSON is UTF-8). A request without Content-Type and without a
 * body passes, so it gets the more useful 400 for its missing fields. A {@code Content-Encoding}
 * other than {@code identity} is refused with 415 too (RFC 9110 §15.5.16): bodies are taken uncompressed.
 */
public final class JsonContentType implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String encoding = ctx.request().getHeader("Content-Encoding");
        if (isEncoded(encoding)) {
            ctx.fail(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding is not supported: send the body uncompressed").toException());
            return;
        }
        String header = ctx.request().getHeader("Content-Type");
        boolean hasBody = ctx.body() != null && ctx.body().length() > 0;
        if (header == null ? hasBody : !isJson(header)) {
            ctx.fail(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be application/json").toException());
            return;
        }
        ctx.next();
    }

    /** Whether a Content-Encoding header names any coding but {@code identity}. */
    static boolean isEncoded(String header) {
        if (header == null) {
            return false;
        }
        for (String coding : header.split(",")) {
            String name = coding.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals("identity")) {
                return true;
            }
        }
        return false;
    }

    static boolean isJson(String header) {
        String[] parts = header.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
