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
 * 400 {@code malformed-request} for anything else.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

    @Override
    public void handle(HttpServerRequest request) {
        String requestId = UUID.randomUUID().toString();
        Problem problem = problemFor(request.decoderResult().cause());
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
        if (kind.endsWith("TooLongHttpLineException")) {
            return Problem.of(ProblemType.URI_TOO_LONG, "the request line must be at most 4096 bytes");
        }
        if (kind.endsWith("TooLongHttpHeaderException")) {
            return Problem.of(ProblemType.HEADERS_TOO_LARGE, "the request headers must be at most 8192 bytes");
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "the request line, a header or the framing is malformed");
    }
}
