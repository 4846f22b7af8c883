package io.adtarget.http.problem;

import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.http.auth.BearerToken;
import io.adtarget.http.support.Keys;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: problems raised by handlers, unavailable
 * infrastructure (503 with Retry-After), Vert.x's own status failures (404, 405, 413, …) and
 * anything unexpected (500, logged here with its stack trace, never sent).
 */
public final class FailureResponder {
    static final String RETRY_AFTER_SECONDS = "1";
    private static final Logger LOG = LoggerFactory.getLogger(FailureResponder.class);

    private FailureResponder() {
    }

    public static void handle(RoutingContext ctx) {
        // A body the HTTP decoder could not read (a malformed chunk size …) is the client's fault, not our 500.
        boolean framing = !ctx.request().decoderResult().isFailure() && malformedFraming(ctx.failure());
        Problem problem = ctx.request().decoderResult().isFailure()
                ? InvalidRequests.problemFor(ctx.request().decoderResult().cause())
                : framing ? InvalidRequests.problemFor(null)
                : toProblem(ctx.failure(), ctx.statusCode());
        if (problem.type() == ProblemType.INTERNAL_ERROR) {
            LOG.error("request {} failed", (Object) ctx.get(Keys.REQUEST_ID), Redaction.scrub(ctx.failure()));
        } else if (problem.type() == ProblemType.SERVICE_UNAVAILABLE) {
            LOG.warn("request {} answered 503: {}", ctx.get(Keys.REQUEST_ID), Redaction.scrub(ctx.failure().getMessage()));
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (framing) {
            // the rest of the stream cannot be framed: Vert.x closes the connection after this answer
            ctx.response().putHeader("Connection", "close");
            Responses.problem(ctx, problem);
            FramingErrors.flushNow(ctx.request().connection());
            return;
        }
        Responses.problem(ctx, problem);
    }

    public static Problem toProblem(Throwable failure, int statusCode) {
        if (failure instanceof ProblemException known) {
            return known.problem();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailableException) {
                return unavailable();
            }
        }
        if (failure instanceof HttpException http) {
            return forStatus(http.getStatusCode());
        }
        // Vert.x itself refused the request with a client error (a Host header it cannot read, an
        // unknown Expect, …) and may attach an exception: the client's fault, never our 500.
        if (statusCode >= 400 && statusCode < 500) {
            return forStatus(statusCode);
        }
        return failure == null ? forStatus(statusCode) : forStatus(500);
    }

    /** Netty could not decode the body's framing: a chunk size that is not hex, a chunk line past its limit. */
    static boolean malformedFraming(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().startsWith("io.netty.handler.codec.")
                    || (cause instanceof NumberFormatException && String.valueOf(cause.getMessage()).contains("chunk"))) {
                return true;
            }
        }
        return false;
    }

    static Problem unavailable() {
        return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "a dependency is unavailable; retry shortly")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.validation("request", "is malformed");
            case 401 -> BearerToken.unauthorized("authentication is required");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no resource at this path");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this path does not support the method");
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the body must be at most 65536 bytes");
            case 414 -> Problem.of(ProblemType.URI_TOO_LONG, "the request line must be at most 4096 bytes");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
            case 503 -> unavailable();
            // a client error api.md has no code for (417 Expectation Failed, 414, 431, …): malformed request
            default -> status >= 400 && status < 500 ? Problem.validation("request", "is malformed")
                    : Problem.of(ProblemType.INTERNAL_ERROR,
                    "an unexpected error occurred; quote the requestId when reporting it");
        };
    }
}
