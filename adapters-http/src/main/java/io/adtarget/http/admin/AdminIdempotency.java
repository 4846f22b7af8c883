package io.adtarget.http.admin;

import io.adtarget.application.port.in.ExecuteIdempotentlyUseCase;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.http.support.IdempotentResponses;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Keys;
import io.adtarget.http.support.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an admin create through the public API's Idempotency-Key protocol (semantics §1). The admin
 * token has no API key id, so a key is scoped to the request path instead: a name-based (version 3)
 * UUID of it, which no random API key id can equal, and the same string on two paths is two keys.
 */
public final class AdminIdempotency {
    private final ExecuteIdempotentlyUseCase executeIdempotently;
    private final boolean fingerprintBodies;

    public AdminIdempotency(ExecuteIdempotentlyUseCase executeIdempotently, boolean fingerprintBodies) {
        this.executeIdempotently = executeIdempotently;
        this.fingerprintBodies = fingerprintBodies;
    }

    /**
     * A handler that lets {@code prepare} validate the request (a refusal is thrown, stores nothing) and
     * runs the action it returns once per key.
     */
    public Handler<RoutingContext> create(Function<RoutingContext, Supplier<Future<StoredResponse>>> prepare) {
        return ctx -> {
            Supplier<Future<StoredResponse>> action = prepare.apply(ctx);
            IdempotencyKey key = ctx.get(Keys.IDEMPOTENCY_KEY);
            if (key == null) {
                action.get().onSuccess(stored -> IdempotentResponses.send(ctx, stored)).onFailure(ctx::fail);
                return;
            }
            byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            IdempotentRequest request = new IdempotentRequest(new IdempotencyScope(scope(ctx), key),
                    fingerprintBodies ? Sha256.hex(body) : null);
            executeIdempotently.execute(request, action)
                    .onSuccess(outcome -> IdempotentResponses.respond(ctx, outcome))
                    .onFailure(ctx::fail);
        };
    }

    static ApiKeyId scope(RoutingContext ctx) {
        String where = "admin " + ctx.request().method().name() + " " + ctx.request().path();
        return new ApiKeyId(UUID.nameUUIDFromBytes(where.getBytes(StandardCharsets.UTF_8)));
    }

    /** The JSON answer of a create, as the protocol stores it. */
    static StoredResponse json(int status, com.fasterxml.jackson.databind.node.ObjectNode body) {
        return new StoredResponse(status, Json.CONTENT_TYPE, Json.bytes(body), null);
    }

    /** A 404 business outcome (the parent does not exist), stored like any other answer. */
    static StoredResponse notFound(RoutingContext ctx, String what) {
        return new StoredResponse(404, Responses.PROBLEM_CONTENT_TYPE,
                Responses.problemBody(AdminRequests.notFoundProblem(what), Responses.requestId(ctx)), null);
    }
}
