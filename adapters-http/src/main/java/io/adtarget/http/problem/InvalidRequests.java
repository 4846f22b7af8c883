package io.adtarget.http.problem;

import io.adtarget.http.ops.RequestTracking;
import io.adtarget.http.support.Responses;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;

/**
 * Answers requests the HTTP decoder could not parse (bad request line, illegal header characters,
 * oversized headers) with a problem instead of Vert.x's empty 400/414/431, then closes the connection:
 * 414 for a request line past the decoder's limit (4096 bytes), 431 for headers past theirs (8192),
 * 505 for an HTTP version other than 1.0/1.1, {@code invalid-idempotency-key} for a control character
 * in that header, 400 {@code malformed-request} (naming the header when one is refused) for anything else.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

    @Override
    public void handle(HttpServerRequest request) {
        answerAndClose(request, problemFor(request.decoderResult().cause()));
    }

    /** Answers with the problem under a new request id, then closes: the connection is not trusted further. */
    private static void answerAndClose(HttpServerRequest request, Problem problem) {
        String requestId = UUID.randomUUID().toString();
        request.response()
                .setStatusCode(problem.type().status())
                .putHeader("Content-Type", Responses.PROBLEM_CONTENT_TYPE)
                .putHeader(RequestTracking.HEADER, requestId)
                .putHeader("Connection", "close")
                .end(Buffer.buffer(Responses.problemBody(problem, requestId)))
                .onComplete(done -> request.connection().close());
    }

    static Problem problemFor(Throwable cause) {
        // Netty's classes, by name: this adapter does not otherwise depend on Netty's codec API.
        String kind = cause == null ? "" : cause.getClass().getName();
        if (cause instanceof Http1Connections.UnsupportedHttpVersion) {
            return Problem.of(ProblemType.HTTP_VERSION_NOT_SUPPORTED,
                    "this service speaks HTTP/1.1 (and HTTP/1.0) on this port");
        }
        if (kind.endsWith("TooLongHttpLineException")) {
            return Problem.of(ProblemType.URI_TOO_LONG, "the request line must be at most 4096 bytes");
        }
        if (kind.endsWith("TooLongHttpHeaderException")) {
            return Problem.of(ProblemType.HEADERS_TOO_LARGE, "the request headers must be at most 8192 bytes");
        }
        String header = refusedHeader(cause);
        if ("idempotency-key".equalsIgnoreCase(header)) {
            return Problem.of(ProblemType.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be visible ASCII characters and spaces, without control characters");
        }
        if (header != null) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, "the value of the header " + header
                    + " contains a control character");
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "the request line, a header or the framing is malformed");
    }

    /**
     * The header whose value Netty's validation refused ("Validation failed for header 'X-A'"); the
     * name itself passed validation (a token), so it is safe to echo; null when the cause is another.
     */
    static String refusedHeader(Throwable cause) {
        String message = cause instanceof IllegalArgumentException ? cause.getMessage() : null;
        String prefix = "Validation failed for header '";
        if (message == null || !message.startsWith(prefix) || !message.endsWith("'")) {
            return null;
        }
        String name = message.substring(prefix.length(), message.length() - 1);
        return !name.isEmpty() && name.length() <= 64 && name.chars().allMatch(InvalidRequests::tokenChar) ? name : null;
    }

    private static boolean tokenChar(int c) {
        return c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
