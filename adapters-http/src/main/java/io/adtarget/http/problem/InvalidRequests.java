package io.adtarget.http.problem;

import io.adtarget.http.ops.RequestTracking;
import io.adtarget.http.support.Responses;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;

/**
 * Answers requests the HTTP decoder could not parse (bad request line, illegal header characters,
 * oversized headers) with a problem instead of Vert.x's empty 400/414/431, then closes the connection.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

    @Override
    public void handle(HttpServerRequest request) {
        String requestId = UUID.randomUUID().toString();
        Problem problem = Problem.validation("request", "is malformed (request line or headers)");
        request.response()
                .setStatusCode(400)
                .putHeader("Content-Type", Responses.PROBLEM_CONTENT_TYPE)
                .putHeader(RequestTracking.HEADER, requestId)
                .putHeader("Connection", "close")
                .end(Buffer.buffer(Responses.problemBody(problem, requestId)))
                .onComplete(done -> request.connection().close());
    }
}
