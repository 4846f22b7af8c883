package io.adtarget.http.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.http.ops.RequestTracking;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Writes responses: JSON, exact stored bytes, and problem+json. */
public final class Responses {
    public static final String PROBLEM_CONTENT_TYPE = "application/problem+json";

    private Responses() {
    }

    public static void json(RoutingContext ctx, int status, ObjectNode body) {
        bytes(ctx, status, Json.CONTENT_TYPE, Json.bytes(body));
    }

    public static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    public static void bytes(RoutingContext ctx, int status, String contentType, byte[] body) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", contentType).end(Buffer.buffer(body));
    }

    public static void problem(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        for (Map.Entry<String, String> header : problem.headers().entrySet()) {
            response.putHeader(header.getKey(), header.getValue());
        }
        bytes(ctx, problem.type().status(), PROBLEM_CONTENT_TYPE, problemBody(problem, requestId(ctx)));
    }

    /** The request's id; one the router failed before tracking it (a bad Host header) gets one here. */
    public static String requestId(RoutingContext ctx) {
        String id = ctx.get(Keys.REQUEST_ID);
        if (id == null) {
            id = ctx.response().headers().get(RequestTracking.HEADER);
        }
        if (id == null) {
            id = java.util.UUID.randomUUID().toString();
            ctx.response().putHeader(RequestTracking.HEADER, id);
        }
        return id;
    }

    /** The problem+json bytes; also what a stored business outcome (404 channel-not-found) contains. */
    public static byte[] problemBody(Problem problem, String requestId) {
        ProblemType type = problem.type();
        ObjectNode body = Json.object()
                .put("type", type.typeUri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", problem.detail())
                .put("code", type.code())
                .put("requestId", requestId);
        if (type == ProblemType.VALIDATION_FAILED) {
            ArrayNode errors = body.putArray("errors");
            problem.errors().forEach(e -> errors.addObject().put("field", e.field()).put("message", e.message()));
        }
        return Json.bytes(body);
    }
}
